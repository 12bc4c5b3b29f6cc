/**
 * The same property for arguments written inline in the document rather than as variables: string,
 * block-string, number, enum, list and object literals, and raw garbage where a literal belongs,
 * through parsing, validation and literal coercion, on both stores (the write too, with its dump check).
 */
import * as fc from 'fast-check';
import { describeStore, STORE_KINDS } from '../support/stores';
import { nastyCaller, nastyString } from './arbitraries';
import { CaseLog, checkProperty, propertyTimeout } from './fuzz-config';
import { useFuzzApi } from './fuzz-api';
import { assertWellFormed } from './response-checks';
import { describeWrites, type WriteCase } from './write-property';

const TOKENS = ['0', '-1', '1', '100', '101', '2147483648', '-2147483649', '1.5', '1e400', '-0', '00', '0x10', 'NaN', 'Infinity', 'true', 'null', '[]', '{}', '[1, 2]', '{ a: 1 }', '$nope', 'ROBOT', 'HOST', 'BOTH', 'PERSON', 'ATTENDED', '""'];

/** A literal in GraphQL syntax (strings escaped as JSON, which GraphQL reads alike), or raw junk. */
const literal: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyString().map((s) => JSON.stringify(s)), weight: 4 },
  { arbitrary: nastyString({ hugeWeight: 0 }).map((s) => `"""${s}"""`), weight: 1 },
  { arbitrary: fc.constantFrom(...TOKENS), weight: 4 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), weight: 1 },
  { arbitrary: fc.constantFrom('"roman-vassilenko"', '"dphd-cab-concluding-meeting-2023"', '"2023"', '"2023-12"', '["ATTENDED"]', '[PERSON, EVENT]'), weight: 3 },
  { arbitrary: nastyString({ hugeWeight: 0 }), weight: 1 },
);

/** Read documents with `$n` where the n-th literal goes. */
const READS = [
  '{ search(query: $1, first: $2, after: $3, kinds: $4) { totalCount } }',
  '{ entity(id: $1) { relationships(first: $2, types: $3, activeAt: $4, direction: $5) { totalCount } timeline(from: $6) { date } } }',
  '{ entity(id: $1) { ... on Event { participants(roles: $2) { role } } } }',
  '{ neighborhood(id: $1, depth: $2, limit: $3, kinds: $4, types: $5) { truncated } }',
  '{ events(from: $1, to: $2, first: $3, after: $4) { totalCount } }',
  '{ paths(from: $1, to: $2, maxHops: $3, first: $4, direction: $5) { length } }',
  '{ source(id: $1) { citations(first: $2) { start } } }',
  '{ entities(kinds: $1, where: { country: $2, nameContains: $3, orgType: $4 }, orderBy: $5) { totalCount } }',
  '{ coParticipants(id: $1, roles: $2, first: $3) { count } }',
  '{ changes(entityId: $1, since: $2, first: $3) { totalCount } }',
  '{ ingestions(status: $1, first: $2) { totalCount edges { node { proposals(status: $3) { id } } } } }',
];

/** A literal, and the value it stands for when it is a string: what an error message may quote. */
const sentIn = (literals: readonly string[]) =>
  literals.flatMap((l) => {
    try {
      return [l, JSON.parse(l) as unknown];
    } catch {
      return [l, l.replace(/^"{3}|"{3}$/g, '')];
    }
  });
const fill = (template: string, literals: readonly string[]) => template.replace(/\$(\d)/g, (_, n: string) => literals[Number(n) - 1]!);
const documents = (templates: readonly string[]) =>
  fc.tuple(fc.constantFrom(...templates), fc.array(literal, { minLength: 6, maxLength: 6 })).map(([template, literals]) => ({ query: fill(template, literals), sent: sentIn(literals) }));

const WRITES: readonly WriteCase[] = [
  {
    name: 'mutations',
    requests: () =>
      documents([
        'mutation { addSource(input: { title: $1, text: $2, publishedAt: $3, url: $4, id: $5 }) { id } }',
        'mutation { createEntity(input: { kind: $1, name: $2, evidence: [{ sourceId: "kazmfa-2023-12-14-dphd-cab-concluding-meeting", quote: $3 }], date: $4 }) { id } }',
        'mutation { deleteEntity(id: $1, cascade: $2) { id } }',
        'mutation { updateProposal(id: $1, input: { name: $2, type: $3 }) { id } }',
      ]).map(({ query, sent }) => ({ query, variables: {}, sent })),
    caller: nastyCaller('admin'),
    runs: { embedded: 40, neo4j: 20 },
    resetAfterAccepted: true,
  },
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('fuzzed inline literals', () => {
      const fuzz = useFuzzApi(kind);
      const log = new CaseLog(`inline read literals on ${kind}`);
      afterAll(() => console.log(log.summary()));

      it(
        'reads: data or coded errors, nothing leaked',
        async () => {
          const caller = fc.oneof({ arbitrary: fc.constant('editor' as const), weight: 4 }, { arbitrary: nastyCaller('editor'), weight: 1 });
          const property = fc.asyncProperty(documents(READS), caller, async ({ query, sent }, who) => {
            assertWellFormed(await fuzz().run(query, {}, who), sent);
          });
          await checkProperty(log, 'reads', property, 150);
        },
        propertyTimeout(120_000),
      );

      describeWrites(`inline write literals on ${kind}`, fuzz, WRITES);
    });
  });
}
