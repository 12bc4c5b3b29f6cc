import { Field, ObjectType } from 'type-graphql';
import { ParticipationRole } from '../../domain/enums';
import type { EntityRecord, EvidenceRecord } from '../../domain/records';
import { Entity } from '../entity/entity.interface';
import { Evidence } from '../evidence/evidence.type';
import { Relationship } from '../relationship/relationship.type';
import type { RelationshipRecord } from '../../domain/records';
import { listOf, TYPICAL } from '../limits/cost';

@ObjectType({ simpleResolvers: true, description: 'Who took part in an event and how, derived from their relationship to it.' })
export class Participant {
  @Field(() => Entity)
  entity!: EntityRecord;

  @Field(() => ParticipationRole)
  role!: ParticipationRole;

  @Field(() => Entity, { nullable: true, description: 'The body the participant acted for, where stated.' })
  onBehalfOf!: EntityRecord | null;

  @Field(() => String, { nullable: true, description: 'The post or capacity stated, e.g. "Deputy Chairman".' })
  capacity!: string | null;

  @Field(() => [Evidence], { complexity: listOf(TYPICAL.EVIDENCE) })
  evidence!: readonly EvidenceRecord[];

  @Field(() => Relationship, { description: 'The relationship this participation is read from.' })
  relationship!: RelationshipRecord;
}
