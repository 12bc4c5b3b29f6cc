import { readFileSync } from 'node:fs';
import { SCHEMA_FILE } from '../../src/graphql/emit-schema';
import { printGraphqlSchema } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printGraphqlSchema());
  });

  it('keeps the contract names of the API', () => {
    const sdl = printGraphqlSchema();
    for (const fragment of [
      'interface Entity {',
      'relationships(after: String, direction: Direction = BOTH, first: Int = 20, types: [RelationshipType!]): RelationshipConnection!',
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
});
