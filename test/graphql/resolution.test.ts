import { storeDump, TOKEN_ENV, TOKENS } from '../support/api';
import { expectError } from '../support/expect-error';
import { useSeededApi } from '../support/seeded-api';
import { FOUNDING_SOURCE_ID, MEETING_ID } from '../support/seed-source';
import { describeStore, STORE_KINDS } from '../support/stores';

const editor = { token: TOKENS.editor };
const admin = { token: TOKENS.admin };

const KEEP = 'national-centre-for-human-rights';
const VARIANT = 'national-center-for-human-rights';

const CREATE_ENTITY = 'mutation ($input: CreateEntityInput!) { createEntity(input: $input) { id name } }';
const ADD_RELATIONSHIP = 'mutation ($input: AddRelationshipInput!) { addRelationship(input: $input) { id } }';
const MERGE = `mutation ($keep: ID!, $merge: [ID!]!) {
  mergeEntities(keep: $keep, merge: $merge) { id name aliases evidence { quote source { id } } }
}`;
const CANDIDATES = `query ($kind: EntityKind, $first: Int) {
  duplicateCandidates(kind: $kind, first: $first) { entities { id } score reason }
}`;
const ENTITY_RELATIONSHIPS = `query ($id: ID!) {
  entity(id: $id) { id evidence { quote } relationships(first: 100) { totalCount edges { node { id from { id } to { id } onBehalfOf { id } evidence { quote } } } } }
}`;

const founding = (quote: string) => ({ sourceId: FOUNDING_SOURCE_ID, quote });
const VARIANT_QUOTE = 'the Head of the National Center for Human Rights, noted the deep legislative modernization';

for (const kind of STORE_KINDS) {
  describeStore(kind, () => {
    describe('entity resolution: a variant spelling found, flagged and merged', () => {
      const api = useSeededApi(kind, TOKEN_ENV);
      let keptBefore: any;

      it('creating an entity named like an existing one succeeds with a POSSIBLE_DUPLICATE warning', async () => {
        keptBefore = (await api().data(ENTITY_RELATIONSHIPS, { id: KEEP })).entity;
        const result = await api().run(
          CREATE_ENTITY,
          { input: { kind: 'ORGANIZATION', name: 'National Center for Human Rights', evidence: [founding(VARIANT_QUOTE)] } },
          editor,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.createEntity).toEqual({ id: VARIANT, name: 'National Center for Human Rights' });
        expect(result.extensions?.warnings).toEqual([
          {
            code: 'POSSIBLE_DUPLICATE',
            message: expect.stringContaining(`may be the same as "National Centre for Human Rights" (${KEEP})`),
            existingId: KEEP,
          },
        ]);
      });

      it('no warning for a name no entity of that kind bears', async () => {
        const result = await api().run(
          CREATE_ENTITY,
          { input: { kind: 'TOPIC', name: 'National Center for Human Rights', evidence: [founding(VARIANT_QUOTE)] } },
          editor,
        );
        expect(result.errors).toBeUndefined();
        expect(result.extensions?.warnings).toBeUndefined();
        // Cleaned up so the merge below sees only the organization.
        await api().data('mutation { deleteEntity(id: "national-center-for-human-rights-2") { id } }', {}, admin);
      });

      it('relationships may point at the variant, as an end and on behalf of it', async () => {
        const spoke = await api().data(
          ADD_RELATIONSHIP,
          {
            input: {
              type: 'SPOKE_AT',
              fromId: 'saltanat-tursynbekova',
              toId: MEETING_ID,
              onBehalfOfId: VARIANT,
              evidence: [founding(VARIANT_QUOTE)],
            },
          },
          editor,
        );
        // The seed already has Tursynbekova's SPOKE_AT this meeting: the generated id is suffixed.
        expect(spoke.addRelationship.id).toBe('rel-saltanat-tursynbekova-spoke-at-dphd-cab-concluding-meeting-2023-2');
        const attended = await api().data(
          ADD_RELATIONSHIP,
          { input: { type: 'ATTENDED', fromId: VARIANT, toId: MEETING_ID, evidence: [founding(VARIANT_QUOTE)] } },
          editor,
        );
        expect(attended.addRelationship.id).toBe(`rel-${VARIANT}-attended-${MEETING_ID}`);
      });

      it('duplicateCandidates finds the pair with its reason, most likely first', async () => {
        const { duplicateCandidates } = await api().data(CANDIDATES, { kind: 'ORGANIZATION', first: 100 }, editor);
        const pair = duplicateCandidates.find((c: any) => c.entities.some((e: any) => e.id === VARIANT));
        expect(pair).toEqual({
          entities: [{ id: VARIANT }, { id: KEEP }],
          score: 1,
          reason: 'same normalized name: "National Center for Human Rights" / "National Center for Human Rights"',
        });
        const scores = duplicateCandidates.map((c: any) => c.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expectError(await api().run(CANDIDATES, {}, { token: TOKENS.reader }), 'FORBIDDEN', /EDITOR/);
        expectError(await api().run(CANDIDATES, { first: 0 }, editor), 'BAD_USER_INPUT', /"first" must be between 1 and 100/);
      });

      it('duplicateCandidates also pairs initials with the full name, by reason', async () => {
        await api().data(
          CREATE_ENTITY,
          { input: { kind: 'PERSON', name: 'S. Tursynbekova', evidence: [founding('Saltanat Tursynbekova')] } },
          editor,
        );
        const { duplicateCandidates } = await api().data(CANDIDATES, { kind: 'PERSON' }, editor);
        expect(duplicateCandidates).toContainEqual({
          entities: [{ id: 's-tursynbekova' }, { id: 'saltanat-tursynbekova' }],
          score: 0.8,
          reason: 'initials and surname: "S. Tursynbekova" / "Saltanat Tursynbekova"',
        });
      });

      it('merging needs the same kind and known ids, and writes nothing otherwise', async () => {
        for (const [variables, code, message] of [
          [{ keep: KEEP, merge: ['s-tursynbekova'] }, 'BAD_USER_INPUT', /Cannot merge PERSON "s-tursynbekova" into ORGANIZATION/],
          [{ keep: KEEP, merge: ['nobody'] }, 'BAD_USER_INPUT', /Unknown entity id\(s\) in "merge": "nobody"/],
          [{ keep: 'nobody', merge: [VARIANT] }, 'NOT_FOUND', /no entity with id "nobody"/],
          [{ keep: KEEP, merge: [KEEP] }, 'BAD_USER_INPUT', /contains the kept entity/],
          [{ keep: KEEP, merge: [] }, 'BAD_USER_INPUT', /"merge" is empty/],
        ] as const) {
          const before = await storeDump(api().store);
          expectError(await api().run(MERGE, variables, admin), code, message);
          expect(await storeDump(api().store)).toBe(before);
        }
      });

      it('merging the variant leaves one entity with both names, every relationship and all evidence', async () => {
        const { mergeEntities } = await api().data(MERGE, { keep: KEEP, merge: [VARIANT] }, admin);
        expect(mergeEntities.id).toBe(KEEP);
        expect(mergeEntities.name).toBe('National Centre for Human Rights');
        expect(mergeEntities.aliases).toEqual(['National Center for Human Rights']);
        expect(mergeEntities.evidence.map((e: any) => e.quote)).toEqual([...keptBefore.evidence.map((e: any) => e.quote), VARIANT_QUOTE]);
        expect(keptBefore.evidence).toHaveLength(2);

        expect((await api().data(ENTITY_RELATIONSHIPS, { id: VARIANT })).entity).toBeNull();
        const kept = (await api().data(ENTITY_RELATIONSHIPS, { id: KEEP })).entity;
        const ids = kept.relationships.edges.map((e: any) => e.node.id);
        expect(ids).toEqual(expect.arrayContaining([...keptBefore.relationships.edges.map((e: any) => e.node.id), `rel-${VARIANT}-attended-${MEETING_ID}`]));
        expect(kept.relationships.totalCount).toBe(keptBefore.relationships.totalCount + 1);
        const moved = kept.relationships.edges.find((e: any) => e.node.id === `rel-${VARIANT}-attended-${MEETING_ID}`).node;
        expect(moved).toMatchObject({ from: { id: KEEP }, to: { id: MEETING_ID }, evidence: [{ quote: VARIANT_QUOTE }] });

        const { entity } = await api().data(`{ entity(id: "${MEETING_ID}") { ... on Event { participants { entity { id } onBehalfOf { id } } } } }`);
        expect(entity.participants).toContainEqual({ entity: { id: 'saltanat-tursynbekova' }, onBehalfOf: { id: KEEP } });
        expect(JSON.stringify(entity.participants)).not.toContain(VARIANT);

        const { search } = await api().data('{ search(query: "National Center for Human Rights", kinds: [ORGANIZATION]) { edges { node { id } } } }');
        expect(search.edges.map((e: any) => e.node.id)).toEqual([KEEP]);
      });

      it('the merge is one audit entry naming every id it touched, and the pair is no longer a candidate', async () => {
        const { changes } = await api().data(
          `{ changes(entityId: "${VARIANT}") { edges { node { actor operation ids before after } } } }`,
          {},
          admin,
        );
        const merge = changes.edges.at(-1).node;
        expect(merge).toMatchObject({ actor: 'admin', operation: 'MERGE_ENTITIES' });
        expect(merge.ids).toEqual(expect.arrayContaining([KEEP, VARIANT, `rel-${VARIANT}-attended-${MEETING_ID}`, 'rel-saltanat-tursynbekova-spoke-at-dphd-cab-concluding-meeting-2023-2']));
        expect(merge.before.entities.map((e: any) => e.id)).toEqual([KEEP, VARIANT]);
        expect(merge.after.entity.aliases).toEqual(['National Center for Human Rights']);
        expect(merge.after.relationships).toContainEqual({ id: `rel-${VARIANT}-attended-${MEETING_ID}`, fromId: KEEP, toId: MEETING_ID, onBehalfOfId: null });

        const { duplicateCandidates } = await api().data(CANDIDATES, { kind: 'ORGANIZATION', first: 100 }, editor);
        expect(JSON.stringify(duplicateCandidates)).not.toContain(VARIANT);
      });
    });
  });
}
