import * as fc from 'fast-check';
import { Confidence, EntityKind, OrgType, RelationshipType } from '../../src/domain/enums';
import { FOUNDING_SOURCE_ID } from '../support/seed-source';
import { foundingQuote, nastyString, plausibleText, validDate } from './arbitraries';
import type { Pools } from './fuzz-api';

/**
 * Mutation inputs that pass validation, with hostile content wherever the schema allows it (any
 * script, control characters, Cypher in names, huge source texts), so accepted writes reach the
 * write checks and both stores, not only the validators. The hostile inputs are in ./arbitraries.
 */

const pick = (ids: () => readonly string[]) => fc.nat().map((i) => ids()[i % ids().length]!);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.constant(null), fc.constant(undefined));
/** Object.entries drops undefined fields, as a client that leaves them out would. */
const defined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

/** A fresh id in the id alphabet: ASCII, or letters of any script. */
export const newId = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,30}$/),
  fc.constantFrom('роман-василенко', 'ид:1', '中文.名字', 'ñandú_2024', `x${'y'.repeat(199)}`),
);

export const validEvidence = fc
  .record({
    sourceId: fc.constant(FOUNDING_SOURCE_ID),
    quote: foundingQuote.filter((q) => q.trim().length > 0),
    confidence: fc.constantFrom(...Object.values(Confidence)),
  })
  .map(defined);

const evidence = fc.array(validEvidence, { minLength: 1, maxLength: 3 });

export const plausibleSource = fc
  .record({
    id: optional(newId),
    title: plausibleText(500),
    text: nastyString().filter((t) => t.length > 0),
    publisher: optional(plausibleText(300)),
    publishedAt: optional(validDate),
    url: optional(fc.webUrl({ withQueryParameters: true, withFragments: true })),
  })
  .map(defined);

export const plausibleEntity = fc
  .record({
    id: optional(newId),
    kind: fc.constantFrom(...Object.values(EntityKind)),
    name: plausibleText(500),
    aliases: optional(fc.array(plausibleText(500), { maxLength: 3 })),
    orgType: optional(fc.constantFrom(...Object.values(OrgType))),
    country: optional(fc.constantFrom('KZ', 'US', 'FR')),
    date: optional(validDate),
    description: optional(plausibleText(2000)),
    evidence,
  })
  .map(defined);

export const plausibleEntityChanges = fc
  .record({
    name: optional(plausibleText(500)),
    aliases: nullable(fc.array(plausibleText(500), { maxLength: 3 })),
    orgType: nullable(fc.constantFrom(...Object.values(OrgType))),
    country: nullable(fc.constantFrom('KZ', 'US')),
    date: nullable(validDate),
    description: nullable(plausibleText(2000)),
  })
  .map(defined);

export function plausibleRelationship(p: () => Pools) {
  return fc
    .record({
      id: optional(newId),
      type: fc.constantFrom(...Object.values(RelationshipType)),
      fromId: pick(() => p().entityIds),
      toId: pick(() => p().entityIds),
      onBehalfOfId: optional(pick(() => p().entityIds)),
      role: optional(plausibleText(300)),
      startDate: optional(validDate),
      endDate: optional(validDate),
      description: optional(plausibleText(2000)),
      evidence,
    })
    .map(defined);
}

export function plausibleRelationshipChanges(p: () => Pools) {
  return fc
    .record({
      role: nullable(plausibleText(300)),
      startDate: nullable(validDate),
      endDate: nullable(validDate),
      description: nullable(plausibleText(2000)),
      onBehalfOfId: nullable(pick(() => p().entityIds)),
    })
    .map(defined);
}

/** addEvidence's holder: exactly one of an entity or a relationship of the graph. */
export function plausibleHolder(p: () => Pools) {
  return fc.oneof(
    pick(() => p().entityIds).map((entityId) => ({ entityId })),
    pick(() => p().relationshipIds).map((relationshipId) => ({ relationshipId })),
  );
}

export { pick as pickFrom };
