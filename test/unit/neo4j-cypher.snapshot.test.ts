/**
 * The Cypher the Neo4j adapter sends, snapshotted without a database (test/contract runs the same
 * statements against a real one). A changed statement shows up as a snapshot diff to review;
 * `npx jest test/unit/neo4j-cypher -u` accepts it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITATION_ANALYZER, ENTITY_CITATION_INDEX, RELATIONSHIP_CITATION_INDEX } from '../../src/adapters/neo4j/citation-cypher';
import { FULLTEXT_INDEX, RELATIONSHIPS_OF, UPSERT_ENTITIES } from '../../src/adapters/neo4j/cypher';
import { KIND_LABELS, RELATIONSHIP_TYPE_NAMES } from '../../src/adapters/neo4j/labels';
import { FULLTEXT_ANALYZER } from '../../src/adapters/neo4j/schema';
import { MAX_PATH_HOPS, SHORTEST_PATHS } from '../../src/adapters/neo4j/traversal-cypher';
import { CREATE_RELATIONSHIPS, createGroupedRelationships, UPDATE_RELATIONSHIPS } from '../../src/adapters/neo4j/upsert-cypher';
import { Direction, ENTITY_KINDS, RELATIONSHIP_TYPES } from '../../src/domain/enums';
import {
  ALLOWED_NAMES,
  catalogue,
  labelsIn,
  literalsIn,
  looksLikeCypher,
  perTypeBuilderStatements,
  STATEMENT_MODULES,
  type Statement,
} from './neo4j-statements';

const ADAPTER_DIR = join(__dirname, '../../src/adapters/neo4j');

const { statements, unclassified } = catalogue();
const texts = (s: Statement): readonly string[] => (typeof s === 'string' ? [s] : s);
const everyStatement = [...statements.flatMap(([, s]) => texts(s)), ...perTypeBuilderStatements()];

/** The quoted literals statements may contain; any other value must travel as a parameter. */
const ALLOWED_LITERALS = new Set([
  FULLTEXT_INDEX,
  FULLTEXT_ANALYZER,
  ENTITY_CITATION_INDEX,
  RELATIONSHIP_CITATION_INDEX,
  CITATION_ANALYZER,
  'fulltext.analyzer',
  // The ids of the write lock node and the schema version node.
  'writes',
  'schema',
  // Padding partial dates to a first or last day.
  '-01-01',
  '-01',
  '-12-31',
  '-31',
]);

describe('Neo4j adapter statements', () => {
  it.each(statements)('%s', (_name, statement) => {
    expect(statement).toMatchSnapshot();
  });

  it('classifies every export of the statement modules: a statement, a listed builder, or a named non-statement', () => {
    // A failure here names an export the snapshots would miss: list its builder calls in
    // BUILDERS, or name it in NOT_STATEMENTS (./neo4j-statements).
    expect(unclassified).toEqual([]);
    expect(statements.length).toBeGreaterThan(100);
  });

  it('finds Cypher only in the statement modules: no other adapter file writes a statement of its own', () => {
    const moduleFiles = Object.keys(STATEMENT_MODULES).map((m) => `${m}.ts`);
    const withCypher = readdirSync(ADAPTER_DIR)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => cypherLiterals(readFileSync(join(ADAPTER_DIR, f), 'utf8')).length > 0)
      .sort();
    expect(withCypher).toEqual([...moduleFiles].sort());
    // A new *-cypher.ts must join STATEMENT_MODULES even before it holds a statement.
    expect(readdirSync(ADAPTER_DIR).filter((f) => /cypher\.ts$/.test(f)).every((f) => moduleFiles.includes(f))).toBe(true);
  });

  it('builds a variant for every enum value, and each carries its own label or type', () => {
    for (const t of RELATIONSHIP_TYPES) {
      const name = RELATIONSHIP_TYPE_NAMES[t];
      expect(labelsIn(CREATE_RELATIONSHIPS[t])).toContain(name);
      expect(labelsIn(UPDATE_RELATIONSHIPS[t])).toContain(name);
      expect(createGroupedRelationships(name)).toBe(CREATE_RELATIONSHIPS[t]);
    }
    for (const k of ENTITY_KINDS) expect(UPSERT_ENTITIES[k]).toMatch(new RegExp(`SET n:${KIND_LABELS[k]}$`));
    for (const d of Object.values(Direction)) {
      expect(RELATIONSHIPS_OF[d]).toEqual({ windowed: expect.any(String), all: expect.any(String) });
      expect(SHORTEST_PATHS[d]).toHaveLength(MAX_PATH_HOPS);
    }
  });

  it('splices in only labels and types from ./labels, for every relationship type and entity kind', () => {
    const found = new Set(everyStatement.flatMap(labelsIn));
    expect([...found].filter((name) => !ALLOWED_NAMES.has(name))).toEqual([]);
    // And the scan is not vacuous: it meets every name ./labels allows somewhere.
    expect([...ALLOWED_NAMES].filter((name) => !found.has(name))).toEqual([]);
  });

  it('sends values as parameters: no unresolved interpolation, and only fixed quoted literals', () => {
    for (const s of everyStatement) {
      expect(s).not.toMatch(/\$\{|undefined|NaN|\[object /);
      expect(literalsIn(s).filter((l) => !ALLOWED_LITERALS.has(l))).toEqual([]);
    }
  });
});

/** String and template literals that read as Cypher, comments removed first. */
function cypherLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]).filter(looksLikeCypher);
}
