import { ChangeOperation, type ChangeRecord } from '../../domain/change';
import type { PageOf } from '../../ports/graph-store';
import type { ChangeQuery } from '../../ports/graph-writes';
import { run, type Neo4jRunner } from './driver';
import { toPlain, type Props } from './mapping';
import { paging } from './params';
import * as W from './write-cypher';

const OPERATIONS: readonly ChangeOperation[] = Object.values(ChangeOperation);

/**
 * `(:Change {id, at, actor, operation, ids, before, after})`; a null before/after is an absent
 * property. Each distinct id is also linked, `(:Change)-[:TOUCHED]->(:AuditRef {id})`.
 */
function changeToProps(c: ChangeRecord): Props {
  return { id: c.id, at: c.at, actor: c.actor, operation: c.operation, ids: [...c.ids], before: c.before, after: c.after };
}

/** A row of W.CREATE_CHANGES. */
export function changeToRow(c: ChangeRecord): { props: Props; refs: string[] } {
  return { props: changeToProps(c), refs: [...new Set(c.ids)] };
}

export function changeFromProps(p: Props): ChangeRecord {
  const id = String(p['id']);
  const operation = p['operation'];
  if (typeof operation !== 'string' || !(OPERATIONS as readonly string[]).includes(operation)) {
    throw new Error(`stored change ${id} has unknown operation ${String(operation)}`);
  }
  return {
    id,
    at: String(p['at']),
    actor: String(p['actor']),
    operation: operation as ChangeOperation,
    ids: ((toPlain(p['ids']) as unknown[] | null) ?? []).map(String),
    before: (p['before'] as string | null | undefined) ?? null,
    after: (p['after'] as string | null | undefined) ?? null,
  };
}

/** Oldest first by id; an empty entityId or since filters nothing, as in embedded/audit-log.ts. */
export async function readChanges(runner: Neo4jRunner, query: ChangeQuery): Promise<PageOf<ChangeRecord>> {
  const params = { entityId: query.entityId || null, since: query.since || null, ...paging(query) };
  const [record] = await runner.read('changes', (tx) => run(tx, params.entityId ? W.CHANGES_ABOUT : params.since ? W.CHANGES_SINCE : W.CHANGES, params));
  if (!record) return { items: [], totalCount: 0 };
  return { items: (record.get('items') as Props[]).map(changeFromProps), totalCount: record.get('totalCount') as number };
}
