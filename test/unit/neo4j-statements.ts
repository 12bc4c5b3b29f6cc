import * as citation from '../../src/adapters/neo4j/citation-cypher';
import * as cypher from '../../src/adapters/neo4j/cypher';
import * as labels from '../../src/adapters/neo4j/labels';
import { RELATIONSHIP_TYPE_NAMES } from '../../src/adapters/neo4j/labels';
import * as migrate from '../../src/adapters/neo4j/migrate-cypher';
import * as plan from '../../src/adapters/neo4j/plan-cypher';
import * as review from '../../src/adapters/neo4j/review-cypher';
import * as schema from '../../src/adapters/neo4j/schema';
import * as traversal from '../../src/adapters/neo4j/traversal-cypher';
import * as upsert from '../../src/adapters/neo4j/upsert-cypher';
import * as write from '../../src/adapters/neo4j/write-cypher';
import { Direction, RELATIONSHIP_TYPES, RelationshipType } from '../../src/domain/enums';
import { RECORDS_ONLY, type ReadPlan } from '../../src/ports/read-plan';

/**
 * Every statement the Neo4j adapter sends, by name, for the snapshot tests. Constants are found by
 * walking the statement modules' exports, so a new one is snapshotted without being listed here;
 * builder functions cannot be walked, so each is called below, and an export that is neither
 * (an unlisted function, a value that is not Cypher) is reported as unclassified.
 */

/** The adapter's Cypher lives in these modules; the source scan checks no other adapter file has any. */
export const STATEMENT_MODULES = {
  'citation-cypher': citation,
  cypher,
  'migrate-cypher': migrate,
  'plan-cypher': plan,
  'review-cypher': review,
  schema,
  'traversal-cypher': traversal,
  'upsert-cypher': upsert,
  'write-cypher': write,
} as const;

/** Exports that are not statements: names spliced into statements, and bounds. */
export const NOT_STATEMENTS: ReadonlySet<string> = new Set([
  'citation-cypher.CITATION_ANALYZER',
  'citation-cypher.ENTITY_CITATION_INDEX',
  'citation-cypher.RELATIONSHIP_CITATION_INDEX',
  'cypher.FULLTEXT_INDEX',
  // The cache key of planStatement, not a statement.
  'plan-cypher.shapeOf',
  // planStatement's text (snapshotted as planStatement) with the columns of its record lists.
  'plan-cypher.plannedStatement',
  'schema.FULLTEXT_ANALYZER',
  // Its `create` statements are exported, and snapshotted, on their own.
  'schema.FULLTEXT_INDEXES',
  'schema.SCHEMA_VERSION',
  'traversal-cypher.MAX_PATH_HOPS',
]);

const CYPHER = /\b(MATCH|MERGE|CREATE|DELETE|RETURN|CALL|UNWIND|SHOW|DROP|SET|REMOVE)\b/;

export const looksLikeCypher = (text: string): boolean => CYPHER.test(text);

/** One statement, or a list the adapter runs in order (schema.SCHEMA_STATEMENTS), snapshotted whole. */
export type Statement = string | readonly string[];

const typeName = (t: RelationshipType): string => RELATIONSHIP_TYPE_NAMES[t];

/** Representative calls of every builder function a statement module exports, by `module.name`. */
export const BUILDERS: Readonly<Record<string, () => Record<string, Statement>>> = {
  'cypher.REL_ROW': () => ({ r: cypher.REL_ROW('r') }),
  'cypher.BY_IDS_ANY_TYPE': () => ({
    'every type': cypher.BY_IDS_ANY_TYPE('r'),
    'HOSTED, MEMBER_OF': cypher.BY_IDS_ANY_TYPE('r.id AS id', [RelationshipType.HOSTED, RelationshipType.MEMBER_OF].map(typeName)),
  }),
  'cypher.relationshipMatch': () => ({ 'BOTH, nested': cypher.relationshipMatch(Direction.BOTH, 'p1', '2', 'pr_') }),
  'cypher.RELATIONSHIP_ORDER': () => ({ '2': cypher.RELATIONSHIP_ORDER('2') }),
  'cypher.participationMatch': () => ({ nested: cypher.participationMatch('n0', '1', 'p_') }),
  'cypher.PARTICIPATION_ORDER': () => ({ nested: cypher.PARTICIPATION_ORDER('1', 'p_') }),
  'plan-cypher.planStatement': () => ({
    'participants with their relationships and those ends': plan.planStatement(PARTICIPANTS_AND_THEIR_RELATIONSHIPS),
    'relationships with their ends': plan.planStatement({ participations: null, relationships: { ...SOME_RELATIONSHIPS, ends: RECORDS_ONLY } }),
    'the same, names only: uncounted, no bodies acted for': plan.planStatement(
      { participations: null, relationships: { ...SOME_RELATIONSHIPS, ends: RECORDS_ONLY } },
      { entity: [], relationship: [], counts: false },
    ),
  }),
  'upsert-cypher.existingRelationships': () => ({
    CHAIRED: upsert.existingRelationships([RelationshipType.CHAIRED]),
    'CHAIRED, MEMBER_OF': upsert.existingRelationships([RelationshipType.CHAIRED, RelationshipType.MEMBER_OF]),
    'every type': upsert.existingRelationships(RELATIONSHIP_TYPES),
  }),
  'upsert-cypher.createGroupedRelationships': () => ({ ATTENDED: upsert.createGroupedRelationships(typeName(RelationshipType.ATTENDED)) }),
};

const SOME_RELATIONSHIPS = { filter: { direction: Direction.BOTH }, page: { first: 5, offset: 0 } } as const;

/** W3 of the peer bench: an event's participants, their first relationships, the entities at the other end. */
const PARTICIPANTS_AND_THEIR_RELATIONSHIPS: ReadPlan = {
  participations: {
    types: [RelationshipType.CHAIRED, RelationshipType.ATTENDED],
    ends: { participations: null, relationships: { ...SOME_RELATIONSHIPS, ends: RECORDS_ONLY } },
  },
  relationships: null,
};

/**
 * Builder outputs for every relationship type, for the label check only: the per-type constants
 * (CREATE_RELATIONSHIPS, UPSERT_ENTITIES per kind, ...) are walked already.
 */
export function perTypeBuilderStatements(): string[] {
  return RELATIONSHIP_TYPES.flatMap((t) => [
    upsert.existingRelationships([t]),
    upsert.createGroupedRelationships(typeName(t)),
    cypher.BY_IDS_ANY_TYPE('r', [typeName(t)]),
  ]);
}

export interface Catalogue {
  readonly statements: readonly (readonly [string, Statement])[];
  /** Exports (or parts of them) that are neither a statement, a listed builder, nor in NOT_STATEMENTS. */
  readonly unclassified: readonly string[];
}

export function catalogue(): Catalogue {
  const statements: [string, Statement][] = [];
  const unclassified: string[] = [];
  for (const [module, namespace] of Object.entries(STATEMENT_MODULES)) {
    for (const [name, value] of Object.entries(namespace)) {
      const path = `${module}.${name}`;
      if (NOT_STATEMENTS.has(path)) continue;
      if (typeof value === 'function') {
        const build = BUILDERS[path];
        if (build) for (const [input, statement] of Object.entries(build())) statements.push([`${path}(${input})`, statement]);
        else unclassified.push(path);
      } else walk(value, path, statements, unclassified);
    }
  }
  return { statements, unclassified };
}

/** Records per enum value and lists of variants (SHORTEST_PATHS[direction][hops - 1]) are walked down to their strings. */
function walk(value: unknown, path: string, out: [string, Statement][], unclassified: string[]): void {
  if (typeof value === 'string' && looksLikeCypher(value)) out.push([path, value]);
  else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && looksLikeCypher(v))) out.push([path, value as string[]]);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, out, unclassified));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, out, unclassified);
  else unclassified.push(path);
}

/**
 * Every name ./labels allows in query text: its string constants and the values of its maps, read
 * from the module so a label added there is allowed here too. Nothing else may follow a `:`.
 */
export const ALLOWED_NAMES: ReadonlySet<string> = new Set(
  Object.values(labels).flatMap((v: unknown) => (typeof v === 'string' ? [v] : v !== null && typeof v === 'object' ? Object.values(v) : [])),
);

/** `:Label`, `:TYPE`, `:A|B|C` in node and relationship patterns, `n:Label` in SET/REMOVE/WHERE; map keys have a space after the colon. */
export function labelsIn(statement: string): string[] {
  return [...statement.matchAll(/:([A-Za-z_]\w*(?:\|[A-Za-z_]\w*)*)/g)].flatMap((m) => m[1]!.split('|'));
}

export function parametersIn(statement: string): string[] {
  return [...new Set([...statement.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))].sort();
}

/** Quoted literals in query text (index names, date padding, the lock id): values travel as parameters. */
export function literalsIn(statement: string): string[] {
  return [...statement.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}
