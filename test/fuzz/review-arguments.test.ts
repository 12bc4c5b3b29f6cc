/**
 * Property-based tests over every argument of the document and review mutations (ingestDocument,
 * acceptProposals, rejectProposals, updateProposal) through the real Apollo server, with the real
 * extractor, on both stores: data or coded errors, nothing leaked, refused writes change nothing.
 */
import * as fc from 'fast-check';
import { DocumentFormat } from '../../src/domain/review';
import { FOUNDING_TEXT } from '../support/seed-source';
import { describeStore, STORE_KINDS } from '../support/stores';
import { arg, inputObject, nastyCaller, nastyDate, nastyId, nastyList, nastyString, nastyUrl, plausibleText, validDate, variables } from './arbitraries';
import { ENUMS } from './enum-values';
import { useFuzzApi, type Pools } from './fuzz-api';
import { pickFrom } from './plausible-inputs';
import { describeWrites, withVariables, type WriteCase } from './write-property';

const INGEST = 'mutation ($input: IngestDocumentInput!) { ingestDocument(input: $input) { id status source { id } proposals { id kind } } }';
const ACCEPT = 'mutation ($ids: [ID!]!) { acceptProposals(ids: $ids) { id status acceptedAs } }';
const REJECT = 'mutation ($ids: [ID!]!, $reason: String!) { rejectProposals(ids: $ids, reason: $reason) { id status rejectedReason } }';
const UPDATE = 'mutation ($id: ID!, $input: UpdateProposalInput!) { updateProposal(id: $id, input: $input) { id status resolvesTo } }';

/**
 * Document texts leave out the 100 KB–1 MB strings, for the time of a run only: the extractor
 * reads ~8 ms per 1,000 characters, and test/graphql/ingestion-extractor.test.ts covers both the
 * size limit (MAX_DOCUMENT_CHARS) and a 100,000-character word.
 */
const documentText = nastyString({ hugeWeight: 0 });

/** An English passage of the founding release with something hostile inside, as text or HTML. */
const plausibleDocument = fc
  .tuple(fc.nat({ max: FOUNDING_TEXT.length - 400 }), fc.integer({ min: 300, max: 3000 }), plausibleText(200), fc.constantFrom(...Object.values(DocumentFormat)))
  .map(([start, length, inserted, format]) => {
    const passage = FOUNDING_TEXT.slice(start, start + length);
    const middle = Math.floor(passage.length / 2);
    const text = `${passage.slice(0, middle)} ${inserted} ${passage.slice(middle)}`;
    return { format, text: format === DocumentFormat.HTML ? `<html><head><title>T</title></head><body><article><p>${text}</p></article></body></html>` : text };
  });

const proposalIds = (p: () => Pools) => () => p().proposalIds;
const proposalsAndEntities = (p: () => Pools) => () => [...p().proposalIds, ...p().entityIds];
const idList = (p: () => Pools) => nastyList(nastyId(proposalIds(p), 8), nastyId(proposalIds(p), 8), 2_000);

/**
 * Review writes spend the fixture's pending proposals, but restarting Neo4j's store after each
 * costs more than the cases it would deepen: the store restarts after every twelfth accepted write.
 */
const CASES: readonly WriteCase[] = [
  {
    name: 'ingestDocument',
    requests: () =>
      withVariables(
        INGEST,
        fc.oneof(
          {
            arbitrary: variables({
              input: arg(
                inputObject({
                  title: arg(nastyString(), { absent: 0 }),
                  text: arg(documentText, { absent: 0 }),
                  format: arg(ENUMS.documentFormat),
                  id: arg(nastyId(() => [], 0)),
                  publisher: arg(nastyString()),
                  publishedAt: arg(nastyDate),
                  url: arg(nastyUrl),
                }),
                { absent: 0 },
              ),
            }),
            weight: 2,
          },
          {
            arbitrary: fc
              .record({ document: plausibleDocument, title: plausibleText(500), publishedAt: fc.option(validDate, { nil: undefined }) })
              .map(({ document, title, publishedAt }) => ({ input: { ...document, title, ...(publishedAt && { publishedAt }) } })),
            weight: 1,
          },
        ),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 30, neo4j: 15 },
    resetAfterAccepted: false,
  },
  {
    name: 'acceptProposals',
    requests: (p) => withVariables(ACCEPT, variables({ ids: arg(idList(p), { absent: 0 }) })),
    caller: nastyCaller('editor'),
    runs: { embedded: 25, neo4j: 15 },
    resetAfterAccepted: false,
  },
  {
    name: 'rejectProposals',
    requests: (p) => withVariables(REJECT, variables({ ids: arg(idList(p), { absent: 0 }), reason: arg(nastyString(), { absent: 0 }) })),
    caller: nastyCaller('editor'),
    runs: { embedded: 25, neo4j: 15 },
    resetAfterAccepted: false,
  },
  {
    name: 'updateProposal',
    requests: (p) =>
      withVariables(
        UPDATE,
        fc.oneof(
          {
            arbitrary: variables({
              id: arg(nastyId(proposalIds(p), 8), { absent: 0 }),
              input: arg(
                inputObject({
                  name: arg(nastyString()),
                  kind: arg(ENUMS.entityKind),
                  existingId: arg(nastyId(() => p().entityIds)),
                  type: arg(ENUMS.relationshipType),
                  role: arg(nastyString()),
                  from: arg(nastyId(proposalsAndEntities(p))),
                  to: arg(nastyId(proposalsAndEntities(p))),
                }),
                { absent: 0 },
              ),
            }),
            weight: 2,
          },
          {
            arbitrary: fc.record({
              id: pickFrom(proposalIds(p)),
              input: fc.oneof(
                fc.record({ name: plausibleText(500) }),
                fc.record({ role: plausibleText(300) }),
                fc.record({ to: pickFrom(proposalsAndEntities(p)) }),
                fc.record({ existingId: pickFrom(() => p().entityIds) }),
              ),
            }),
            weight: 1,
          },
        ),
      ),
    caller: nastyCaller('editor'),
    runs: { embedded: 30, neo4j: 15 },
    resetAfterAccepted: false,
  },
];

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('fuzzed review mutation arguments', () => {
      describeWrites(`review mutation arguments on ${kind}`, useFuzzApi(kind), CASES);
    });
  });
}
