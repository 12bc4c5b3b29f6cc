import { registerEnumType } from 'type-graphql';
import { Confidence, Direction, EntityKind, OrgType, ParticipationRole, RelationshipType } from '../domain/enums';
import { EntityOrder } from '../ports/graph-store';

registerEnumType(EntityKind, { name: 'EntityKind', description: 'What an entity is.' });
registerEnumType(OrgType, { name: 'OrgType', description: 'What kind of body an organization is.' });
registerEnumType(RelationshipType, { name: 'RelationshipType', description: 'What a relationship states.' });
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'HIGH: the source states it outright; MEDIUM or LOW: inferred from the source.',
});
registerEnumType(Direction, { name: 'Direction', description: 'Which relationships of an entity to follow.' });
registerEnumType(ParticipationRole, { name: 'ParticipationRole', description: 'How an entity took part in an event.' });
registerEnumType(EntityOrder, { name: 'EntityOrder', description: 'How to order entity listings.' });
