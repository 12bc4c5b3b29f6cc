import { storeDump, TOKEN_ENV, TOKENS, type RunOptions } from '../support/api';
import { expectError } from '../support/expect-error';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';
import { describeStore, STORE_KINDS } from '../support/stores';

const editor = { token: TOKENS.editor };
const admin = { token: TOKENS.admin };

const ADD_SOURCE = 'mutation ($input: AddSourceInput!) { addSource(input: $input) { id title publisher publishedAt url } }';
const CREATE_ENTITY = `mutation ($input: CreateEntityInput!) {
  createEntity(input: $input) { __typename id kind name aliases description ... on Event { date } evidence { quote confidence source { id } } }
}`;
const UPDATE_ENTITY = 'mutation ($id: ID!, $input: UpdateEntityInput!) { updateEntity(id: $id, input: $input) { id name aliases description } }';
const ADD_RELATIONSHIP = `mutation ($input: AddRelationshipInput!) {
  addRelationship(input: $input) { id type role from { id } to { id } onBehalfOf { id } evidence { quote source { id } } }
}`;
const UPDATE_RELATIONSHIP = `mutation ($id: ID!, $input: UpdateRelationshipInput!) {
  updateRelationship(id: $id, input: $input) { id role startDate endDate description }
}`;
const REMOVE_RELATIONSHIP = 'mutation ($id: ID!) { removeRelationship(id: $id) { id removedRelationshipIds } }';
const ADD_EVIDENCE = `mutation ($entityId: ID, $relationshipId: ID, $evidence: EvidenceInput!) {
  addEvidence(entityId: $entityId, relationshipId: $relationshipId, evidence: $evidence) { quote confidence source { id } }
}`;
const DELETE_ENTITY = 'mutation ($id: ID!, $cascade: Boolean) { deleteEntity(id: $id, cascade: $cascade) { id removedRelationshipIds } }';
const CHANGES = `query ($entityId: ID, $since: String, $first: Int, $after: String) {
  changes(entityId: $entityId, since: $since, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id at actor operation ids before after } }
  }
}`;

/** The second document of the acceptance story: a later meeting, in a text of its own. */
const SECOND_TEXT =
  'Astana, 12 March 2024. The Dialogue Platform on Human Dimension held its first meeting of 2024 on penitentiary ' +
  'reform. Deputy Foreign Minister Roman Vassilenko opened the meeting and called for the swift adoption of the ' +
  'codified law on conditions of detention.';
const quote = (text: string) => ({ sourceId: 'kazmfa-2024-03-12-dphd-first-meeting', quote: text });
const founding = (text: string) => ({ sourceId: FOUNDING_SOURCE_ID, quote: text });

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('the acceptance story: a second document and the meeting it reports', () => {
      const api = useSeededApi(kind, TOKEN_ENV);
      const started = new Date().toISOString();

      it('adds the source, the meeting from it with evidence, and a participant', async () => {
        const { addSource } = await api().data(
          ADD_SOURCE,
          {
            input: {
              id: 'kazmfa-2024-03-12-dphd-first-meeting',
              title: 'First DPHD meeting of 2024',
              publisher: 'Kazakh MFA',
              publishedAt: '2024-03-12',
              url: 'https://example.org/dphd-2024-03-12',
              text: SECOND_TEXT,
            },
          },
          editor,
        );
        expect(addSource).toEqual({
          id: 'kazmfa-2024-03-12-dphd-first-meeting',
          title: 'First DPHD meeting of 2024',
          publisher: 'Kazakh MFA',
          publishedAt: '2024-03-12',
          url: 'https://example.org/dphd-2024-03-12',
        });

        const { createEntity } = await api().data(
          CREATE_ENTITY,
          {
            input: {
              kind: 'EVENT',
              name: 'First meeting of the DPHD CAB in 2024',
              date: '2024-03-12',
              evidence: [quote('The Dialogue Platform on Human Dimension held its first meeting of 2024 on penitentiary reform.')],
            },
          },
          editor,
        );
        expect(createEntity).toMatchObject({
          __typename: 'Event',
          id: 'first-meeting-of-the-dphd-cab-in-2024',
          aliases: [],
          date: '2024-03-12',
          evidence: [{ confidence: 'HIGH', source: { id: 'kazmfa-2024-03-12-dphd-first-meeting' } }],
        });

        const { addRelationship } = await api().data(
          ADD_RELATIONSHIP,
          {
            input: {
              type: 'SPOKE_AT',
              fromId: 'roman-vassilenko',
              toId: createEntity.id,
              role: 'Deputy Foreign Minister',
              onBehalfOfId: 'kz-mfa',
              evidence: [{ ...quote('Deputy Foreign Minister Roman Vassilenko opened the meeting'), confidence: 'MEDIUM' }],
            },
          },
          editor,
        );
        expect(addRelationship).toEqual({
          id: 'rel-roman-vassilenko-spoke-at-first-meeting-of-the-dphd-cab-in-2024',
          type: 'SPOKE_AT',
          role: 'Deputy Foreign Minister',
          from: { id: 'roman-vassilenko' },
          to: { id: createEntity.id },
          onBehalfOf: { id: 'kz-mfa' },
          evidence: [{ quote: 'Deputy Foreign Minister Roman Vassilenko opened the meeting', source: { id: 'kazmfa-2024-03-12-dphd-first-meeting' } }],
        });
      });

      it('shows the new meeting in search, in the events listing and with its participant', async () => {
        const { search } = await api().data('{ search(query: "first meeting 2024", kinds: [EVENT]) { edges { node { id } } } }');
        expect(search.edges.map((e: any) => e.node.id)).toEqual(['first-meeting-of-the-dphd-cab-in-2024']);
        const { entity } = await api().data(`{
          entity(id: "first-meeting-of-the-dphd-cab-in-2024") {
            ... on Event { participants { role capacity entity { id } onBehalfOf { id } evidence { confidence source { title } } } }
          }
        }`);
        expect(entity.participants).toEqual([
          {
            role: 'SPEAKER',
            capacity: 'Deputy Foreign Minister',
            entity: { id: 'roman-vassilenko' },
            onBehalfOf: { id: 'kz-mfa' },
            evidence: [{ confidence: 'MEDIUM', source: { title: 'First DPHD meeting of 2024' } }],
          },
        ]);
        const { events } = await api().data('{ events(first: 1) { edges { node { id } } } }');
        expect(events.edges[0].node.id).toBe('first-meeting-of-the-dphd-cab-in-2024');
      });

      it('changes shows who did what, when, with before and after', async () => {
        const { changes } = await api().data(CHANGES, { since: started }, editor);
        expect(changes.totalCount).toBe(3);
        const nodes = changes.edges.map((e: any) => e.node);
        expect(nodes.map((n: any) => [n.actor, n.operation])).toEqual([
          ['editor', 'ADD_SOURCE'],
          ['editor', 'CREATE_ENTITY'],
          ['editor', 'ADD_RELATIONSHIP'],
        ]);
        for (const n of nodes) {
          expect(n.at >= started && n.at <= new Date().toISOString()).toBe(true);
          expect(n.before).toBeNull();
        }
        expect(nodes[0].after).toMatchObject({ id: 'kazmfa-2024-03-12-dphd-first-meeting', textLength: SECOND_TEXT.length });
        expect(nodes[0].after.text).toBeUndefined();
        expect(nodes[1].after).toMatchObject({ id: 'first-meeting-of-the-dphd-cab-in-2024', kind: 'EVENT', date: '2024-03-12' });
        expect(nodes[2].ids).toEqual([
          'rel-roman-vassilenko-spoke-at-first-meeting-of-the-dphd-cab-in-2024',
          'roman-vassilenko',
          'first-meeting-of-the-dphd-cab-in-2024',
          'kz-mfa',
        ]);

        const forPerson = await api().data(CHANGES, { entityId: 'roman-vassilenko' }, editor);
        expect(forPerson.changes.edges.map((e: any) => e.node.operation)).toEqual(['ADD_RELATIONSHIP']);
        const paged = await api().data(CHANGES, { first: 2 }, editor);
        expect(paged.changes.pageInfo.hasNextPage).toBe(true);
        const rest = await api().data(CHANGES, { first: 2, after: paged.changes.pageInfo.endCursor }, editor);
        expect(rest.changes.edges.map((e: any) => e.node.operation)).toEqual(['ADD_RELATIONSHIP']);
        const later = await api().data(CHANGES, { since: '2999-01-01T00:00:00Z' }, editor);
        expect(later.changes.totalCount).toBe(0);
        expectError(await api().run(CHANGES, { since: 'yesterday' }, editor), 'BAD_USER_INPUT', /"since" must be an ISO 8601 timestamp/);
      });

      it('updates record only the changed fields; null clears', async () => {
        const id = 'first-meeting-of-the-dphd-cab-in-2024';
        const { updateEntity } = await api().data(
          UPDATE_ENTITY,
          { id, input: { description: 'On penitentiary reform.', aliases: ['DPHD CAB meeting, March 2024'] } },
          editor,
        );
        expect(updateEntity).toEqual({ id, name: 'First meeting of the DPHD CAB in 2024', aliases: ['DPHD CAB meeting, March 2024'], description: 'On penitentiary reform.' });
        const cleared = await api().data(UPDATE_ENTITY, { id, input: { aliases: null, description: null } }, editor);
        expect(cleared.updateEntity).toMatchObject({ aliases: [], description: null });

        const { changes } = await api().data(CHANGES, { entityId: id }, editor);
        const updates = changes.edges.map((e: any) => e.node).filter((n: any) => n.operation === 'UPDATE_ENTITY');
        expect(updates.map((n: any) => [n.before, n.after])).toEqual([
          [{ aliases: [], description: null }, { aliases: ['DPHD CAB meeting, March 2024'], description: 'On penitentiary reform.' }],
          [{ aliases: ['DPHD CAB meeting, March 2024'], description: 'On penitentiary reform.' }, { aliases: [], description: null }],
        ]);
      });

      it('updates and removes a relationship, and adds evidence to either kind of target', async () => {
        const rel = 'rel-roman-vassilenko-spoke-at-first-meeting-of-the-dphd-cab-in-2024';
        const { updateRelationship } = await api().data(UPDATE_RELATIONSHIP, { id: rel, input: { startDate: '2024-03-12', role: null } }, editor);
        expect(updateRelationship).toEqual({ id: rel, role: null, startDate: '2024-03-12', endDate: null, description: null });

        const { addEvidence } = await api().data(
          ADD_EVIDENCE,
          { relationshipId: rel, evidence: quote('called for the swift adoption of the codified law on conditions of detention') },
          editor,
        );
        expect(addEvidence.map((e: any) => e.confidence)).toEqual(['MEDIUM', 'HIGH']);
        const onEntity = await api().data(ADD_EVIDENCE, { entityId: 'roman-vassilenko', evidence: quote('Deputy Foreign Minister Roman Vassilenko') }, editor);
        expect(onEntity.addEvidence.at(-1)).toEqual({ quote: 'Deputy Foreign Minister Roman Vassilenko', confidence: 'HIGH', source: { id: 'kazmfa-2024-03-12-dphd-first-meeting' } });

        const { removeRelationship } = await api().data(REMOVE_RELATIONSHIP, { id: rel }, editor);
        expect(removeRelationship).toEqual({ id: rel, removedRelationshipIds: [] });
        const { entity } = await api().data('{ entity(id: "first-meeting-of-the-dphd-cab-in-2024") { ... on Event { participants { role } } } }');
        expect(entity.participants).toEqual([]);
      });

      it('generates ids from names, suffixing -2 on collision', async () => {
        const input = { kind: 'TOPIC', name: 'Penitentiary reform', evidence: [quote('penitentiary reform')] };
        const first = await api().data(CREATE_ENTITY, { input }, editor);
        const second = await api().data(CREATE_ENTITY, { input }, editor);
        expect([first.createEntity.id, second.createEntity.id]).toEqual(['penitentiary-reform', 'penitentiary-reform-2']);
      });

      it('concurrent mutations do not interleave: five creations of one name get five ids', async () => {
        const input = { kind: 'TOPIC', name: 'Swift adoption', evidence: [quote('swift adoption')] };
        const results = await Promise.all(Array.from({ length: 5 }, () => api().data(CREATE_ENTITY, { input }, editor)));
        expect(results.map((r) => r.createEntity.id).sort()).toEqual(['swift-adoption', 'swift-adoption-2', 'swift-adoption-3', 'swift-adoption-4', 'swift-adoption-5']);
        const { entities } = await api().data('{ entities(kinds: [TOPIC], where: { nameContains: "swift adoption" }) { totalCount } }');
        expect(entities.totalCount).toBe(5);
      });
    });

    describe('refusals write nothing', () => {
      const api = useSeededApi(kind, TOKEN_ENV);

      async function refused(query: string, variables: Record<string, unknown>, code: string, message: RegExp, options: RunOptions = editor) {
        const before = await storeDump(api().store);
        expectError(await api().run(query, variables, options), code, message);
        expect(await storeDump(api().store)).toBe(before);
      }

      const person = (overrides: Record<string, unknown> = {}) => ({
        input: { kind: 'PERSON', name: 'Saltanat T.', evidence: [founding('Saltanat Tursynbekova')], ...overrides },
      });
      const attended = (overrides: Record<string, unknown> = {}) => ({
        input: {
          type: 'ATTENDED',
          fromId: 'osce',
          toId: MEETING_ID,
          evidence: [founding('the Delegation of the European Union to Kazakhstan')],
          ...overrides,
        },
      });

      it('missing evidence', async () => {
        await refused(CREATE_ENTITY, person({ evidence: [] }), 'BAD_USER_INPUT', /evidence: every entity needs at least one evidence item/);
        await refused(ADD_RELATIONSHIP, attended({ evidence: [] }), 'BAD_USER_INPUT', /every relationship needs at least one evidence item/);
      });

      it('a quote not in its source, naming the quote and the source', async () => {
        const message = new RegExp(`quote is not found verbatim in source "${FOUNDING_SOURCE_ID}": "Saltanat Tursynbekova, the Chair"`);
        await refused(CREATE_ENTITY, person({ evidence: [founding('Saltanat Tursynbekova, the Chair')] }), 'BAD_USER_INPUT', message);
        await refused(ADD_EVIDENCE, { entityId: 'osce', evidence: founding('the OSCE Chair') }, 'BAD_USER_INPUT', /not found verbatim.*"the OSCE Chair"/);
      });

      it('an unknown source id', async () => {
        await refused(CREATE_ENTITY, person({ evidence: [{ sourceId: 'no-such-source', quote: 'x' }] }), 'BAD_USER_INPUT', /"no-such-source" is not a known source id/);
      });

      it('an unknown fromId or onBehalfOfId', async () => {
        await refused(ADD_RELATIONSHIP, attended({ fromId: 'no-such-entity' }), 'BAD_USER_INPUT', /fromId "no-such-entity" is not a known entity id/);
        await refused(ADD_RELATIONSHIP, attended({ onBehalfOfId: 'nobody' }), 'BAD_USER_INPUT', /onBehalfOfId "nobody" is not a known entity id/);
      });

      it('a given id that is taken', async () => {
        await refused(CREATE_ENTITY, person({ id: 'roman-vassilenko' }), 'BAD_USER_INPUT', /entity id "roman-vassilenko" is already taken/);
        await refused(ADD_SOURCE, { input: { id: FOUNDING_SOURCE_ID, title: 'Again', text: 'x' } }, 'BAD_USER_INPUT', /source id .* is already taken/);
        await refused(
          ADD_RELATIONSHIP,
          attended({ id: 'rel-national-centre-for-human-rights-attended-dphd-cab-concluding-meeting-2023' }),
          'BAD_USER_INPUT',
          /relationship id .* is already taken/,
        );
      });

      it('a malformed partial date, or dates out of order', async () => {
        await refused(CREATE_ENTITY, person({ kind: 'EVENT', date: '2023-02-30' }), 'BAD_USER_INPUT', /day 30 does not exist/);
        await refused(ADD_RELATIONSHIP, attended({ startDate: '2023-13' }), 'BAD_USER_INPUT', /month 13 is out of range/);
        await refused(ADD_RELATIONSHIP, attended({ startDate: '2024', endDate: '2023' }), 'BAD_USER_INPUT', /endDate 2023 is before startDate 2024/);
      });

      it('other bad input: country, empty name, unknown target, two evidence targets', async () => {
        await refused(CREATE_ENTITY, person({ kind: 'ORGANIZATION', country: 'Kazakhstan' }), 'BAD_USER_INPUT', /country: expected an ISO 3166-1 alpha-2/);
        await refused(CREATE_ENTITY, person({ name: '   ' }), 'BAD_USER_INPUT', /name:/);
        await refused(UPDATE_ENTITY, { id: 'nobody', input: { name: 'X' } }, 'NOT_FOUND', /no entity with id "nobody"/);
        await refused(UPDATE_ENTITY, { id: 'osce', input: { name: null } }, 'BAD_USER_INPUT', /name/);
        await refused(REMOVE_RELATIONSHIP, { id: 'nope' }, 'NOT_FOUND', /no relationship with id "nope"/);
        await refused(ADD_EVIDENCE, { entityId: 'osce', relationshipId: 'x', evidence: founding('OSCE') }, 'BAD_USER_INPUT', /exactly one of/);
        await refused(ADD_EVIDENCE, { evidence: founding('OSCE') }, 'BAD_USER_INPUT', /exactly one of/);
      });

      it('deleting an entity that still has relationships, unless cascade', async () => {
        await refused(DELETE_ENTITY, { id: 'saltanat-tursynbekova' }, 'BAD_USER_INPUT', /still has 5 relationship\(s\) \("rel-saltanat-tursynbekova-discussed-.*cascade: true/, admin);
      });
    });

    describe('cascade delete', () => {
      const api = useSeededApi(kind, TOKEN_ENV);

      it('removes the entity and every relationship touching it, as ends or on behalf, in one write', async () => {
        const touching = await api().store.relationshipsTouching(['national-centre-for-human-rights']);
        expect(touching.length).toBe(3);
        const { deleteEntity } = await api().data(DELETE_ENTITY, { id: 'national-centre-for-human-rights', cascade: true }, admin);
        expect(deleteEntity).toEqual({ id: 'national-centre-for-human-rights', removedRelationshipIds: touching.map((r) => r.id) });
        expect((await api().data('{ entity(id: "national-centre-for-human-rights") { id } }')).entity).toBeNull();
        expect(await api().store.getRelationships(touching.map((r) => r.id))).toEqual(touching.map(() => null));

        const { changes } = await api().data(CHANGES, { entityId: 'saltanat-tursynbekova' }, admin);
        expect(changes.edges.map((e: any) => [e.node.actor, e.node.operation])).toEqual([['admin', 'DELETE_ENTITY']]);
        const { before, after } = changes.edges[0].node;
        expect(before.entity.id).toBe('national-centre-for-human-rights');
        expect(before.relationships.map((r: any) => r.id)).toEqual(touching.map((r) => r.id));
        expect(after).toBeNull();
      });

      it('deletes an entity without relationships without cascade', async () => {
        const { createEntity } = await api().data(
          CREATE_ENTITY,
          { input: { kind: 'TOPIC', name: 'Blind spots', evidence: [founding('eliminating all "blind spots."')] } },
          editor,
        );
        const { deleteEntity } = await api().data(DELETE_ENTITY, { id: createEntity.id }, admin);
        expect(deleteEntity).toEqual({ id: 'blind-spots', removedRelationshipIds: [] });
      });
    });
  });
}
