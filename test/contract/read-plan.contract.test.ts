/**
 * Planned reads (ports/read-plan) against the port calls they stand for: on each store, a plan's
 * answer must equal what getEntities, participationsOf and relationshipsOf give level by level
 * (the embedded adapter's readPlannedThrough, run over the store's own port methods); and the two
 * stores must answer a plan alike. On a synthetic graph with dates, hubs and on-behalf-of links, so
 * the date windows, paging and ordering of the one Neo4j statement are all exercised.
 */
import { readPlannedThrough } from '../../src/adapters/embedded/read-planned';
import { Direction, EntityKind, ParticipationRole, RelationshipType } from '../../src/domain/enums';
import { typesForRoles } from '../../src/domain/participation';
import type { GraphBatch } from '../../src/ports/graph-store';
import {
  ALL_RECORD_FIELDS,
  RECORDS_ONLY,
  type PlannedRead,
  type ReadPlan,
  type RecordFields,
} from '../../src/ports/read-plan';
import type { Store } from '../../src/ports/store';
import { stableKey } from '../../src/loaders/loaders';
import { generateGraph } from '../../src/synthetic/generate';
import { describeNeo4j, loadedStore, seedBatch } from '../support/stores';

jest.setTimeout(180_000);

const relationships = (filter: Partial<ReadPlan['relationships'] & object>['filter'] & object, first: number, offset = 0) => ({
  filter: { types: null, activeAt: null, from: null, to: null, otherKinds: null, ...filter },
  page: { first, offset },
});

/** Named plans, each aimed at a part of the statement. */
const PLANS: Readonly<Record<string, ReadPlan>> = {
  'records only below participants (W2)': {
    participations: { types: typesForRoles(null), ends: RECORDS_ONLY },
    relationships: null,
  },
  'participants, their first relationships, the other ends (W3)': {
    participations: {
      types: typesForRoles(null),
      ends: { participations: null, relationships: { ...relationships({ direction: Direction.BOTH }, 5), ends: RECORDS_ONLY } },
    },
    relationships: null,
  },
  'chairs and speakers only, no ends': {
    participations: { types: typesForRoles([ParticipationRole.CHAIR, ParticipationRole.SPEAKER]), ends: null },
    relationships: null,
  },
  'a second page of incoming relationships from organizations, with ends': {
    participations: null,
    relationships: {
      ...relationships({ direction: Direction.INCOMING, otherKinds: [EntityKind.ORGANIZATION] }, 3, 1),
      ends: RECORDS_ONLY,
    },
  },
  'outgoing relationships without ends, then with them (which end is which)': {
    participations: null,
    relationships: {
      ...relationships({ direction: Direction.OUTGOING }, 20),
      ends: { participations: null, relationships: { ...relationships({ direction: Direction.OUTGOING }, 5), ends: null } },
    },
  },
  'relationships active in a year, both parts, three levels': {
    participations: { types: typesForRoles(null), ends: null },
    relationships: {
      ...relationships({ direction: Direction.BOTH, activeAt: '2023' }, 10),
      ends: {
        participations: { types: typesForRoles([ParticipationRole.ATTENDEE]), ends: RECORDS_ONLY },
        relationships: { ...relationships({ direction: Direction.INCOMING, types: [RelationshipType.HOLDS_POSITION], from: '2020-06', to: '2024' }, 4), ends: RECORDS_ONLY },
      },
    },
  },
};

const FIELDS: Readonly<Record<string, RecordFields>> = {
  'every field': ALL_RECORD_FIELDS,
  'names and roles only': { entity: [], relationship: ['role', 'onBehalfOfId'], counts: false },
  'evidence only, counted, no bodies acted for': { entity: ['evidence'], relationship: ['evidence'], counts: true },
};

/** Order-free and duplicate-free: an adapter may meet one entity at several places of a plan. */
function normalise(read: PlannedRead) {
  const byKey = <T>(items: readonly T[], key: (x: T) => string) =>
    [...new Map(items.map((x) => [key(x), x])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, x]) => x);
  return {
    roots: read.roots,
    entities: byKey(read.entities, (e) => e.id),
    participations: byKey(read.participations, (p) => `${p.eventId} ${stableKey(p.types)}`),
    relationshipPages: byKey(read.relationshipPages, (p) => `${p.id} ${stableKey({ filter: p.filter, page: p.page })}`),
  };
}

function testBatch(): GraphBatch {
  const synthetic = generateGraph({ relationships: 3_000, seed: 7 });
  const seed = seedBatch();
  return {
    sources: [...seed.sources, ...synthetic.sources],
    entities: [...seed.entities, ...synthetic.entities],
    relationships: [...seed.relationships, ...synthetic.relationships],
  };
}

describeNeo4j('planned reads: one statement equals the port calls it stands for', () => {
  let embedded: Store;
  let neo4j: Store;
  /** Events with many participants, a hub, a seed person with on-behalf-of links, and a miss. */
  let ids: string[];

  beforeAll(async () => {
    const batch = testBatch();
    embedded = await loadedStore('embedded', batch);
    neo4j = await loadedStore('neo4j', batch);
    const participations = new Map<string, number>();
    for (const r of batch.relationships) participations.set(r.toId, (participations.get(r.toId) ?? 0) + 1);
    const busiest = [...participations].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 4).map(([id]) => id);
    ids = [...busiest, 'dphd-cab-concluding-meeting-2023', 'roman-vassilenko', 'no-such-entity', busiest[0]!];
  });

  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  for (const [planName, plan] of Object.entries(PLANS)) {
    for (const [fieldsName, fields] of Object.entries(FIELDS)) {
      it(`${planName}; ${fieldsName}`, async () => {
        const planned = normalise(await neo4j.readPlanned(ids, plan, fields));
        const levelByLevel = normalise(await readPlannedThrough(neo4j, ids, plan, fields));
        expect(planned).toEqual(levelByLevel);
        expect(normalise(await embedded.readPlanned(ids, plan, fields))).toEqual(planned);
        // Not vacuous: the plan found something at every part it names.
        expect(planned.roots.filter((e) => e === null)).toHaveLength(1);
        if (plan.participations) expect(planned.participations.some((p) => p.rows.length > 0)).toBe(true);
        if (plan.relationships) expect(planned.relationshipPages.some((p) => p.result.items.length > 0)).toBe(true);
      });
    }
  }

  it('fills only the fields asked for, and every one of them when asked', async () => {
    const plan = PLANS['participants, their first relationships, the other ends (W3)']!;
    const slim = await neo4j.readPlanned(ids, plan, { entity: [], relationship: [], counts: false });
    const full = await neo4j.readPlanned(ids, plan);
    const withEvidence = (read: PlannedRead) => read.entities.filter((e) => e.evidence.length > 0).length;
    expect(withEvidence(slim)).toBe(0);
    expect(withEvidence(full)).toBeGreaterThan(0);
    // Without onBehalfOfId the bodies acted for are not read; every end still is, with its name and kind.
    const fullById = new Map(full.entities.map((e) => [e.id, e]));
    expect(slim.entities.length).toBeGreaterThan(10);
    for (const e of slim.entities) expect([e.name, e.kind]).toEqual([fullById.get(e.id)?.name, fullById.get(e.id)?.kind]);
  });
});
