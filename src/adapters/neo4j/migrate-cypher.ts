import { RELATIONSHIP_TYPES, type RelationshipType } from '../../domain/enums';
import { ENTITY_LABEL, RELATIONSHIP_TYPE_NAMES } from './labels';

/**
 * The statements of ./evidence-offsets, the data migration that gives evidence stored before it
 * had offsets its evidenceStarts and evidenceEnds. Pages go by id through the id constraints'
 * indexes (keyset: `id > $after`), so each costs the same however far the walk has come.
 */

const E = ENTITY_LABEL;

const perType = (statement: (type: string) => string): Readonly<Record<RelationshipType, string>> =>
  Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, statement(RELATIONSHIP_TYPE_NAMES[t])])) as Record<RelationshipType, string>;

const LACKING = (x: string): string => `${x}.evidenceStarts IS NULL OR ${x}.evidenceEnds IS NULL`;

/** `last`: the page's last id (null past the end); `lacking`: those of the page without offsets. */
const PAGE_RESULT = (x: string): string => `
  WITH ${x} ORDER BY ${x}.id LIMIT $limit
  WITH collect(${x}) AS page
  RETURN page[-1].id AS last,
    [${x} IN page WHERE ${LACKING(x)} | ${x} {.id, .evidenceSourceIds, .evidenceQuotes}] AS lacking`;

export const ENTITY_EVIDENCE_PAGE = `
  MATCH (n:${E}) WHERE n.id > $after${PAGE_RESULT('n')}`;

export const RELATIONSHIP_EVIDENCE_PAGE = perType(
  (type) => `
  MATCH ()-[r:${type}]->() WHERE r.id > $after${PAGE_RESULT('r')}`,
);

/**
 * Only records still without offsets whose evidence is what the offsets were computed for: an
 * edit that landed since the page was read keeps what it wrote.
 */
const FILL = (x: string): string => `
  WHERE (${LACKING(x)}) AND ${x}.evidenceSourceIds = row.sourceIds AND ${x}.evidenceQuotes = row.quotes
  SET ${x}.evidenceStarts = row.starts, ${x}.evidenceEnds = row.ends`;

export const FILL_ENTITY_EVIDENCE_OFFSETS = `
  UNWIND $rows AS row
  MATCH (n:${E} {id: row.id})${FILL('n')}`;

export const FILL_RELATIONSHIP_EVIDENCE_OFFSETS = perType(
  (type) => `
  UNWIND $rows AS row
  MATCH ()-[r:${type} {id: row.id}]->()${FILL('r')}`,
);
