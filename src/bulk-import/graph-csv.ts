import { join } from 'node:path';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../domain/records';
import { ENTITY_LABEL, KIND_LABELS, RELATIONSHIP_TYPE_NAMES } from '../adapters/neo4j/labels';
import { entityToProps, relationshipToProps, sourceToProps, type Props } from '../adapters/neo4j/mapping';
import {
  LIST_SEPARATOR,
  integerListCell,
  listElementProblem,
  optionalStringCell,
  stringCell,
  stringListCell,
  graphTextProblem,
  hasLineBreak,
  withStandIns,
} from './csv-cells';
import { CsvFile } from './csv-file';

/** How a property is written: the importer's header type, and the cell encoding that goes with it. */
type Column = readonly [key: string, type: 'string' | 'string[]' | 'long[]'];

/** Entities and the audit's AuditRefs are found by id when relationships are linked; each kind in its own id space. */
export const ENTITY_ID_SPACE = 'Entity';

/**
 * The properties of ../adapters/neo4j/mapping.ts, column by column: entityToProps, sourceToProps and
 * relationshipToProps produce every value, so the bulk path stores what the online path stores.
 * A record whose props have other keys is a bug here (assertColumns).
 */
const ENTITY_COLUMNS: readonly Column[] = [
  ['kind', 'string'],
  ['name', 'string'],
  ['aliases', 'string[]'],
  ['description', 'string'],
  ['orgType', 'string'],
  ['country', 'string'],
  ['date', 'string'],
  ['searchText', 'string'],
  ['nameForm', 'string'],
  ['evidenceSourceIds', 'string[]'],
  ['evidenceQuotes', 'string[]'],
  ['evidenceConfidences', 'string[]'],
  ['evidenceStarts', 'long[]'],
  ['evidenceEnds', 'long[]'],
];
const RELATIONSHIP_COLUMNS: readonly Column[] = [
  ['id', 'string'],
  ['role', 'string'],
  ['onBehalfOfId', 'string'],
  ['startDate', 'string'],
  ['endDate', 'string'],
  ['description', 'string'],
  ['evidenceSourceIds', 'string[]'],
  ['evidenceQuotes', 'string[]'],
  ['evidenceConfidences', 'string[]'],
  ['evidenceStarts', 'long[]'],
  ['evidenceEnds', 'long[]'],
];
const SOURCE_COLUMNS: readonly Column[] = [
  ['id', 'string'],
  ['title', 'string'],
  ['publisher', 'string'],
  ['publishedAt', 'string'],
  ['url', 'string'],
  ['text', 'string'],
];

/** The graph's record kinds, each with its CSV file. */
export type GraphKind = 'source' | 'entity' | 'relationship';

/** A property some value of which was written with line-break stand-ins. */
export interface LineBreakProperty {
  readonly kind: GraphKind;
  readonly property: string;
  readonly list: boolean;
}

const header = (columns: readonly Column[]): string[] => columns.map(([key, type]) => (type === 'string' ? key : `${key}:${type}`));

/**
 * The graph's three CSV files, in a working folder. Each write returns the problems that keep a
 * record out; `escaped` says whether its JSON line held a `\u` escape, the only way a control
 * character or a lone surrogate (./csv-cells) can reach a string, so other records skip the check;
 * without `emit` a record is only checked (the file is refused already, its rows would be thrown away).
 */
export class GraphCsv {
  readonly sources: CsvFile;
  readonly entities: CsvFile;
  readonly relationships: CsvFile;
  /** The properties, by kind, where some value had a line break written as its stand-in (./csv-cells). */
  private readonly standIns: Record<GraphKind, Set<string>> = { source: new Set(), entity: new Set(), relationship: new Set() };
  private checked: Record<GraphKind, boolean> = { source: false, entity: false, relationship: false };

  constructor(dir: string) {
    this.sources = new CsvFile(join(dir, 'sources.csv'), header(SOURCE_COLUMNS));
    // `id:ID(space)` stores the id as the `id` property too.
    this.entities = new CsvFile(join(dir, 'entities.csv'), [`id:ID(${ENTITY_ID_SPACE})`, ':LABEL', ...header(ENTITY_COLUMNS)]);
    this.relationships = new CsvFile(join(dir, 'relationships.csv'), [
      `:START_ID(${ENTITY_ID_SPACE})`,
      `:END_ID(${ENTITY_ID_SPACE})`,
      ':TYPE',
      ...header(RELATIONSHIP_COLUMNS),
    ]);
  }

  source(s: SourceRecord, escaped: boolean, emit = true): string[] {
    const props = sourceToProps(s);
    this.assertColumns('source', props, SOURCE_COLUMNS);
    const problems = escaped ? rowProblems(props, SOURCE_COLUMNS) : [];
    if (emit && problems.length === 0) this.sources.row(this.cells('source', props, SOURCE_COLUMNS));
    return problems;
  }

  entity(e: EntityRecord, escaped: boolean, emit = true): string[] {
    const props = entityToProps(e);
    this.assertColumns('entity', { ...props, id: undefined }, ENTITY_COLUMNS, ['id']);
    const problems = escaped ? rowProblems(props, ENTITY_COLUMNS) : [];
    if (emit && problems.length === 0) {
      this.entities.row(`${stringCell(e.id)},${ENTITY_LABEL}${LIST_SEPARATOR}${KIND_LABELS[e.kind]},${this.cells('entity', props, ENTITY_COLUMNS)}`);
    }
    return problems;
  }

  relationship(r: RelationshipRecord, escaped: boolean, emit = true): string[] {
    const props = relationshipToProps(r);
    this.assertColumns('relationship', props, RELATIONSHIP_COLUMNS);
    const problems = escaped ? rowProblems(props, RELATIONSHIP_COLUMNS) : [];
    if (emit && problems.length === 0) {
      const ends = `${stringCell(r.fromId)},${stringCell(r.toId)},${RELATIONSHIP_TYPE_NAMES[r.type]}`;
      this.relationships.row(`${ends},${this.cells('relationship', props, RELATIONSHIP_COLUMNS)}`);
    }
    return problems;
  }

  close(): void {
    for (const file of [this.sources, this.entities, this.relationships]) file.close();
  }

  /** The properties whose line breaks the database must get back, each once. */
  lineBreakProperties(): LineBreakProperty[] {
    const columns: Record<GraphKind, readonly Column[]> = { source: SOURCE_COLUMNS, entity: ENTITY_COLUMNS, relationship: RELATIONSHIP_COLUMNS };
    return (Object.keys(columns) as GraphKind[]).flatMap((kind) =>
      columns[kind].filter(([key]) => this.standIns[kind].has(key)).map(([property, type]) => ({ kind, property, list: type === 'string[]' })),
    );
  }

  /** The row's cells in column order, a line break in a string written as its stand-in. */
  private cells(kind: GraphKind, props: Props, columns: readonly Column[]): string {
    let row = '';
    for (let i = 0; i < columns.length; i++) {
      const [key, type] = columns[i]!;
      const value = props[key];
      if (i > 0) row += ',';
      if (type === 'string') row += optionalStringCell(value === undefined || value === null ? null : this.standIn(kind, key, value as string));
      else if (type === 'string[]') row += stringListCell((value as string[]).map((element) => this.standIn(kind, key, element)));
      else row += integerListCell((value as readonly { toNumber(): number }[]).map((n) => n.toNumber()));
    }
    return row;
  }

  private standIn(kind: GraphKind, key: string, value: string): string {
    if (!hasLineBreak(value)) return value;
    this.standIns[kind].add(key);
    return withStandIns(value);
  }

  /** Once per kind: the mapping's keys are exactly the columns (plus those written apart, such as the entity's id). */
  private assertColumns(kind: GraphKind, props: Props, columns: readonly Column[], apart: readonly string[] = []): void {
    if (this.checked[kind]) return;
    const want = [...columns.map(([key]) => key), ...apart].sort().join(',');
    const got = Object.keys(props).sort().join(',');
    if (want !== got) throw new Error(`bulk CSV columns of ${kind} (${want}) differ from the Neo4j mapping's properties (${got})`);
    this.checked[kind] = true;
  }
}

/** Derived from other properties, which are checked themselves. */
const DERIVED = new Set(['searchText', 'nameForm']);
/** List properties named as the record file names them. */
const EVIDENCE_FIELDS: Readonly<Record<string, string>> = { evidenceSourceIds: 'sourceId', evidenceQuotes: 'quote', evidenceConfidences: 'confidence' };

/** The values the importer could not take as they are (./csv-cells). */
function rowProblems(props: Props, columns: readonly Column[]): string[] {
  const problems: string[] = [];
  for (const [key, type] of columns) {
    const value = props[key];
    if (type === 'string' && typeof value === 'string' && !DERIVED.has(key)) {
      const problem = graphTextProblem(key, value);
      if (problem) problems.push(problem);
    } else if (type === 'string[]') {
      (value as string[]).forEach((element, i) => {
        const field = EVIDENCE_FIELDS[key] ? `evidence[${i}].${EVIDENCE_FIELDS[key]}` : `${key}[${i}]`;
        const problem = listElementProblem(field, element);
        if (problem) problems.push(problem);
      });
    }
  }
  return problems;
}
