/**
 * The parameters the Neo4j adapter sends beside its statements (./neo4j-cypher.snapshot.test.ts
 * has the statements), snapshotted without a database, and checked against the statements they
 * go with: a parameter a statement reads but no builder sets would be null at run time, silently.
 */
import { changeToRow } from '../../src/adapters/neo4j/audit';
import { LIST_ENTITIES_BY_DATE_DESC, LIST_ENTITIES_BY_NAME, PARTICIPATIONS_OF, RELATIONSHIPS_OF, SEARCH_CANDIDATES } from '../../src/adapters/neo4j/cypher';
import { CITATION_COUNTS, CITATIONS_OF } from '../../src/adapters/neo4j/citation-cypher';
import { exactTermQuery, prefixQuery } from '../../src/adapters/neo4j/lucene';
import { entityToProps, RELATIONSHIP_PROPERTY_KEYS, relationshipToProps, sourceToProps } from '../../src/adapters/neo4j/mapping';
import * as P from '../../src/adapters/neo4j/params';
import { groupsByTarget, toRelationshipWrite } from '../../src/adapters/neo4j/upsert';
import { CREATE_RELATIONSHIPS } from '../../src/adapters/neo4j/upsert-cypher';
import { CREATE_CHANGES } from '../../src/adapters/neo4j/write-cypher';
import { ChangeOperation, type ChangeRecord } from '../../src/domain/change';
import { Confidence, Direction, EntityKind, OrgType, RELATIONSHIP_TYPES, RelationshipType } from '../../src/domain/enums';
import { PARTICIPATION_TYPES } from '../../src/domain/participation';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../../src/domain/records';
import { EntityOrder, type EntityListRequest, type RelationshipFilter } from '../../src/ports/graph-store';
import { parametersIn } from './neo4j-statements';

const evidence = [{ sourceId: 'src-1', quote: 'chaired by', confidence: Confidence.HIGH, start: 0, end: 10 }];
const entity: EntityRecord = {
  id: 'osce', kind: EntityKind.ORGANIZATION, name: 'OSCE/ODIHR', aliases: ['Office for Democratic Institutions'],
  description: null, orgType: OrgType.INTERNATIONAL_ORGANIZATION, country: null, date: null, evidence,
};
const relationship = (id: string, fromId: string, toId: string, over: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id, type: RelationshipType.ATTENDED, fromId, toId, role: null, onBehalfOfId: null,
  startDate: null, endDate: null, description: null, evidence, ...over,
});
const source: SourceRecord = { id: 'src-1', title: 'Report', publisher: null, publishedAt: '2023-05', url: null, text: 'chaired by' };
const change: ChangeRecord = {
  id: '2024-01-01T00:00:00.000Z-0001', at: '2024-01-01T00:00:00.000Z', actor: 'editor',
  operation: ChangeOperation.MERGE_ENTITIES, ids: ['a', 'b', 'a'], before: '{"name":"A"}', after: null,
};

const emptyList: EntityListRequest = { first: 10, offset: 0, orderBy: EntityOrder.NAME };
const fullList: EntityListRequest = {
  first: 25, offset: 50, orderBy: EntityOrder.DATE_DESC, kinds: [EntityKind.EVENT, EntityKind.LAW], country: 'CH',
  orgType: OrgType.NGO, nameContains: '  Zürich–Rat ', dateFrom: '2023', dateTo: '2023-12',
};
/** Empty strings are no filter for some fields and still a filter for others, as in the embedded store. */
const blankList: EntityListRequest = { ...emptyList, kinds: [], country: '', orgType: null, nameContains: '', dateFrom: '', dateTo: '' };
const noFilter: RelationshipFilter = { direction: Direction.BOTH };
const fullFilter: RelationshipFilter = {
  direction: Direction.OUTGOING, types: [RelationshipType.CHAIRED, RelationshipType.HOSTED],
  otherKinds: [EntityKind.EVENT], activeAt: '2023-05', from: '2013', to: '2014-02',
};
const page = { first: 20, offset: 40 };
const participation = Object.keys(PARTICIPATION_TYPES) as RelationshipType[];

/** Every function params.ts exports, called with representative inputs; the coverage test checks none is missing. */
const PARAM_CASES: Readonly<Record<string, () => Record<string, unknown>>> = {
  paging: () => ({ page: P.paging(page) }),
  nonEmpty: () => ({ null: P.nonEmpty(null), empty: P.nonEmpty([]), some: P.nonEmpty([EntityKind.PERSON]) }),
  typeNames: () => ({ every: P.typeNames(RELATIONSHIP_TYPES) }),
  entityListParams: () => ({ empty: P.entityListParams(emptyList), full: P.entityListParams(fullList), blank: P.entityListParams(blankList) }),
  relationshipFilterParams: () => ({ none: P.relationshipFilterParams(noFilter, page), full: P.relationshipFilterParams(fullFilter, page) }),
  participationParams: () => ({ participations: P.participationParams(participation) }),
  citationSources: () => ({ repeated: P.citationSources(['src-1', 'src:2', 'src-1']) }),
  citationParams: () => ({ two: P.citationParams(['src-1', 'src:2'], 500) }),
};

/** Rows and values built outside params.ts: the $rows, $groups and $lucene the statements unwind. */
const ROW_CASES: Readonly<Record<string, () => unknown>> = {
  'mapping.entityToProps ($rows of UPSERT_ENTITIES)': () => entityToProps(entity),
  'mapping.sourceToProps ($rows of UPSERT_SOURCES)': () => sourceToProps(source),
  'mapping.relationshipToProps (props of UPDATE_RELATIONSHIPS rows)': () => relationshipToProps(relationship('r1', 'p1', 'e1', { role: 'delegate', startDate: '2023' })),
  'upsert.groupsByTarget ($groups of CREATE_RELATIONSHIPS)': () => groups(true),
  'upsert.groupsByTarget without properties (the bench floor)': () => groups(false),
  'audit.changeToRow ($rows of CREATE_CHANGES)': () => changeToRow(change),
  'lucene.exactTermQuery (terms of $sources of CITATIONS_OF)': () => ({ plain: exactTermQuery('kazmfa-2023:x.y_z'), quoted: exactTermQuery('a "b" \\ c') }),
  'lucene.prefixQuery ($lucene of SEARCH_CANDIDATES)': () => ({ plain: prefixQuery(['zurich', 'rat']), special: prefixQuery(['a+b', 'c:d*']), long: prefixQuery(['x'.repeat(120)]) }),
};

function groups(withProps: boolean): object[] {
  const rows = [relationship('r1', 'p1', 'e1', { role: 'delegate' }), relationship('r2', 'p2', 'e2'), relationship('r3', 'p3', 'e1', { onBehalfOfId: 'osce' })];
  return groupsByTarget(rows.map(toRelationshipWrite), withProps);
}

const keys = (params: object): string[] => Object.keys(params).sort();

describe('Neo4j adapter parameters', () => {
  it.each(Object.entries(PARAM_CASES))('params.%s', (_name, build) => {
    expect(build()).toMatchSnapshot();
  });

  it.each(Object.entries(ROW_CASES))('%s', (_name, build) => {
    expect(build()).toMatchSnapshot();
  });

  it('has a case for every parameter builder params.ts exports', () => {
    const builders = Object.entries(P).filter(([, v]) => typeof v === 'function').map(([name]) => name);
    expect(builders.filter((name) => !(name in PARAM_CASES))).toEqual([]);
  });

  it('sets exactly the parameters each statement reads', () => {
    const listParams = P.entityListParams(fullList);
    expect(parametersIn(LIST_ENTITIES_BY_NAME)).toEqual(keys(listParams));
    expect(parametersIn(LIST_ENTITIES_BY_DATE_DESC)).toEqual(keys(listParams));
    for (const d of Object.values(Direction)) {
      const params = keys({ ids: [], ...P.relationshipFilterParams(fullFilter, page) });
      expect(parametersIn(RELATIONSHIPS_OF[d].windowed)).toEqual(params);
      // Without a window the date parameters are sent but never read.
      expect(parametersIn(RELATIONSHIPS_OF[d].all)).toEqual(['first', 'ids', 'offset', 'otherKinds', 'types']);
    }
    expect(parametersIn(PARTICIPATIONS_OF)).toEqual(keys({ ids: [], ...P.participationParams(participation) }));
    expect(parametersIn(CITATIONS_OF)).toEqual(keys(P.citationParams(['s'], 1)));
    expect(parametersIn(CITATION_COUNTS)).toEqual(['sources']);
    // neo4j-store.search builds these inline.
    expect(parametersIn(SEARCH_CANDIDATES)).toEqual(['cap', 'kinds', 'lucene']);
  });

  it('sends every property column the grouped create reads, and the change rows CREATE_CHANGES reads', () => {
    const [group] = groups(true) as { props: Record<string, unknown> }[];
    expect(keys(group!.props)).toEqual([...RELATIONSHIP_PROPERTY_KEYS].sort());
    for (const t of RELATIONSHIP_TYPES) {
      for (const k of RELATIONSHIP_PROPERTY_KEYS) expect(CREATE_RELATIONSHIPS[t]).toContain(`${k}: g.props.${k}[i]`);
    }
    expect(keys(changeToRow(change))).toEqual(['props', 'refs']);
    expect(CREATE_CHANGES).toMatch(/SET c = row\.props[\s\S]*UNWIND row\.refs AS ref/);
  });
});
