import { readFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../../src/graphql/emit-schema';
import type { GraphQLInterfaceType } from 'graphql';
import { buildGraphqlSchema, printGraphqlSchema } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printGraphqlSchema());
  });

  it('keeps the contract names of the API', () => {
    const sdl = printGraphqlSchema();
    for (const fragment of [
      'interface Entity {',
      'enum Direction {',
      'type Relationship {',
      'participants(roles: [ParticipationRole!]): [Participant!]!',
      'entity(id: ID!): Entity',
      'search(after: String, first: Int = 20, kinds: [EntityKind!], query: String!): EntityConnection!',
      'sources: [Source!]!',
      'scalar PartialDate',
    ]) {
      expect(sdl).toContain(fragment);
    }
  });

  it('keeps the contract arguments of Entity.relationships', () => {
    const entity = buildGraphqlSchema().getType('Entity') as GraphQLInterfaceType;
    const args = Object.fromEntries(
      entity.getFields().relationships!.args.map((a) => [a.name, [String(a.type), a.defaultValue ?? null]]),
    );
    expect(args).toMatchObject({
      types: ['[RelationshipType!]', null],
      direction: ['Direction', 'BOTH'],
      first: ['Int', 20],
      after: ['String', null],
    });
    expect(String(entity.getFields().relationships!.type)).toBe('RelationshipConnection!');
  });
});
