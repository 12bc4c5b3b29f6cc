import { useSeededApi } from '../support/seeded-api';
import { describeStore, STORE_KINDS } from '../support/stores';
import { FOUNDING_TEXT, MEETING_ID } from '../support/seed-source';

/** The same API checks on every store: the answers must not depend on the adapter. */
for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    const api = useSeededApi(kind);

  const PARTICIPANTS = `
    query ($id: ID!, $roles: [ParticipationRole!]) {
      entity(id: $id) {
        __typename
        name
        ... on Event {
          date
          participants(roles: $roles) {
            role
            capacity
            entity { __typename id name }
            onBehalfOf { id }
            evidence { quote confidence source { id title url } }
          }
        }
      }
    }`;

  interface ParticipantsData {
    entity: {
      __typename: string;
      date: string;
      participants: {
        role: string;
        capacity: string | null;
        entity: { __typename: string; id: string };
        onBehalfOf: { id: string } | null;
        evidence: { quote: string; confidence: string; source: { id: string; url: string | null } }[];
      }[];
    };
  }

  describe('who took part in the concluding meeting', () => {
    it('lists the host, the chair, every speaker and the attending bodies, in role order', async () => {
      const { entity } = await api().data<ParticipantsData>(PARTICIPANTS, { id: MEETING_ID });
      expect(entity.__typename).toBe('Event');
      expect(entity.date).toBe('2023-12-14');
      const byRole = (role: string) => entity.participants.filter((p) => p.role === role).map((p) => p.entity.id);
      expect(byRole('HOST')).toEqual(['kz-mfa']);
      expect(byRole('CHAIR')).toEqual(['roman-vassilenko']);
      expect(byRole('SPEAKER').sort()).toEqual(
        ['a-kayirbekov', 'b-zhakaev', 'r-akylbekova', 'roman-vassilenko', 'saltanat-tursynbekova'].sort(),
      );
      expect(byRole('ATTENDEE')).toEqual(
        expect.arrayContaining([
          'commission-on-human-rights-under-the-president',
          'national-centre-for-human-rights',
          'general-prosecutors-office',
          'relevant-ministries',
          'kazakh-human-rights-ngos',
          'undp',
          'ohchr',
          'eu-delegation-to-kazakhstan',
        ]),
      );
      const roles = entity.participants.map((p) => p.role);
      expect(roles).toEqual([...roles].sort((a, b) => order(a) - order(b)));
    });

    it('backs every participation with a quote found verbatim in the source', async () => {
      const { entity } = await api().data<ParticipantsData>(PARTICIPANTS, { id: MEETING_ID });
      for (const p of entity.participants) {
        expect(p.evidence.length).toBeGreaterThan(0);
        for (const e of p.evidence) {
          expect(FOUNDING_TEXT).toContain(e.quote);
          expect(e.source.url).toBeNull();
        }
      }
    });

    it('says on whose behalf a speaker acted and in what capacity a body attended', async () => {
      const { entity } = await api().data<ParticipantsData>(PARTICIPANTS, { id: MEETING_ID });
      const kayirbekov = entity.participants.find((p) => p.entity.id === 'a-kayirbekov');
      expect(kayirbekov?.onBehalfOf?.id).toBe('mia-criminal-executive-system-committee');
      const commission = entity.participants.find((p) => p.entity.id === 'commission-on-human-rights-under-the-president');
      expect(commission).toMatchObject({ role: 'ATTENDEE', capacity: 'Deputy Chairman' });
    });

    it('filters by role', async () => {
      const { entity } = await api().data<ParticipantsData>(PARTICIPANTS, { id: MEETING_ID, roles: ['CHAIR', 'HOST'] });
      expect(entity.participants.map((p) => [p.role, p.entity.id])).toEqual([
        ['HOST', 'kz-mfa'],
        ['CHAIR', 'roman-vassilenko'],
      ]);
    });
  });

  describe('who observes the platform', () => {
    it('returns UNDP, OHCHR and OSCE, each with its quote', async () => {
      const data = await api().data<{ entity: { relationships: { totalCount: number; edges: { node: { from: { id: string }; evidence: { quote: string }[] } }[] } } }>(`{
        entity(id: "dphd-cab") {
          relationships(types: [OBSERVES], direction: INCOMING) {
            totalCount
            edges { node { from { id } evidence { quote } } }
          }
        }
      }`);
      const edges = data.entity.relationships.edges;
      expect(edges.map((e) => e.node.from.id).sort()).toEqual(['ohchr', 'osce', 'undp']);
      expect(data.entity.relationships.totalCount).toBe(3);
      for (const e of edges) for (const ev of e.node.evidence) expect(FOUNDING_TEXT).toContain(ev.quote);
    });
  });

  function order(role: string): number {
    return ['HOST', 'CHAIR', 'SPEAKER', 'ATTENDEE', 'OBSERVER'].indexOf(role);
  }
  });
}
