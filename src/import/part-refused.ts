import { DomainError, ErrorCode } from '../domain/errors';
import type { WriteOp } from '../ports/graph-writes';
import { target } from './import-change';

const KIND_NAMES = { sources: 'source', entities: 'entity', relationships: 'relationship' } as const;

/**
 * The store's refusal of one part of an import, with what the person running it needs besides:
 * what of the file is in the store already (a second run completes it), and when the part was a
 * single record at a memory limit, that this record cannot be split any further.
 */
export function partRefused(e: unknown, ops: readonly WriteOp[], index: number, parts: number): unknown {
  if (!(e instanceof DomainError)) return e;
  const notes: string[] = [];
  if (e.code === ErrorCode.STORE_LIMIT && ops.length === 1) {
    const [kind, id] = target(ops[0]!);
    notes.push(`The refused write holds one record alone (${KIND_NAMES[kind]} "${id}"), which an import cannot split.`);
  }
  if (parts > 1) {
    const before = index === 0 ? 'nothing was written' : index === 1 ? 'part 1 was written and stays so' : `parts 1-${index} were written and stay so`;
    notes.push(`Part ${index + 1}/${parts} of the import was not written; ${before}. Importing the file again writes only what is still missing.`);
  }
  return notes.length === 0 ? e : new DomainError(e.code, [e.message, ...notes].join('\n'), e.details, { cause: e });
}
