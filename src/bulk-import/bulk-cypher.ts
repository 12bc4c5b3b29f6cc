import { ENTITY_KINDS, RELATIONSHIP_TYPES } from '../domain/enums';
import { LINE_BREAK_STAND_INS } from './csv-cells';
import type { GraphKind } from './graph-csv';
import {
  AUDIT_REF_LABEL,
  CHANGE_LABEL,
  ENTITY_LABEL,
  KIND_LABELS,
  RELATIONSHIP_TYPE_NAMES,
  SCHEMA_VERSION_LABEL,
  SOURCE_LABEL,
  TOUCHED_TYPE,
} from '../adapters/neo4j/labels';

/** Every label and relationship type a bulk-loaded database holds, named from the adapter's maps (never from input). */
export const COUNTED_LABELS: readonly string[] = [
  ENTITY_LABEL,
  ...ENTITY_KINDS.map((k) => KIND_LABELS[k]),
  SOURCE_LABEL,
  CHANGE_LABEL,
  AUDIT_REF_LABEL,
  SCHEMA_VERSION_LABEL,
];
export const COUNTED_TYPES: readonly string[] = [...RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]), TOUCHED_TYPE];

/**
 * One row: the count of each label and type (from Neo4j's count store, no scan) and of all nodes
 * and relationships, so that anything not listed shows up as a difference in the totals.
 */
export const COUNT_GRAPH = `
  RETURN {${COUNTED_LABELS.map((l) => `${l}: COUNT { (:${l}) }`).join(', ')}} AS labels,
    {${COUNTED_TYPES.map((t) => `${t}: COUNT { ()-[:${t}]->() }`).join(', ')}} AS types,
    COUNT { () } AS nodes, COUNT { ()-->() } AS relationships`;

/**
 * The importer stores an empty list as no property at all, where the online writes store `[]`
 * (mapping.ts's `aliases` is the only list that may be empty): this gives those entities their
 * empty list, in transactions of bounded size.
 */
export const EMPTY_ALIASES = `
  MATCH (n:${ENTITY_LABEL}) WHERE n.aliases IS NULL
  CALL (n) { SET n.aliases = [] } IN TRANSACTIONS OF 10000 ROWS`;

/** The parameters of every RESTORE statement: each stand-in and the line break it stands for. */
export const STAND_IN_PARAMS = { lf: LINE_BREAK_STAND_INS['\n'], cr: LINE_BREAK_STAND_INS['\r'] };

const MATCH_KIND: Record<GraphKind, string> = {
  source: `MATCH (n:${SOURCE_LABEL})`,
  entity: `MATCH (n:${ENTITY_LABEL})`,
  relationship: `MATCH ()-[n:${RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_TYPE_NAMES[t]).join('|')}]->()`,
};

const RESTORE_ROWS = 500;

const restored = (x: string): string => `replace(replace(${x}, $lf, '\\n'), $cr, '\\r')`;
const standsIn = (x: string): string => `(${x} CONTAINS $lf OR ${x} CONTAINS $cr)`;

/**
 * Puts back the line breaks the CSV files carried as stand-ins (./csv-cells) in one property of one
 * kind, a string or a list of strings, on the records that hold one, in transactions of bounded
 * size. `property` is a column name of ./graph-csv, never input. Texts are long (a source's is
 * its whole document, and a transaction holds old and new value), hence the small transactions:
 * 10,000 source texts of the bench's file overflowed the launcher's 128 MB per transaction.
 */
export function restoreLineBreaks(kind: GraphKind, property: string, list: boolean): string {
  const p = `n.${property}`;
  return list
    ? `${MATCH_KIND[kind]} WHERE any(x IN ${p} WHERE ${standsIn('x')})
  CALL (n) { SET ${p} = [x IN ${p} | ${restored('x')}] } IN TRANSACTIONS OF ${RESTORE_ROWS} ROWS`
    : `${MATCH_KIND[kind]} WHERE ${standsIn(p)}
  CALL (n) { SET ${p} = ${restored(p)} } IN TRANSACTIONS OF ${RESTORE_ROWS} ROWS`;
}
