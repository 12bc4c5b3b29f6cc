import { Field, ID, InterfaceType } from 'type-graphql';
import { EntityKind } from '../../domain/enums';
import type { EntityRecord, EvidenceRecord } from '../../domain/records';
import { Evidence } from '../evidence/evidence.type';
import { listOf, TYPICAL } from '../limits/cost';

/** GraphQL type name for each kind; resolveType reads the record's kind, never guesses. */
export const TYPE_NAME_OF_KIND: Readonly<Record<EntityKind, string>> = {
  [EntityKind.PERSON]: 'Person',
  [EntityKind.ORGANIZATION]: 'Organization',
  [EntityKind.EVENT]: 'Event',
  [EntityKind.LAW]: 'Law',
  [EntityKind.TOPIC]: 'Topic',
  [EntityKind.DOCUMENT]: 'Document',
};

/** The object type of an entity: read from its kind, never guessed. */
export const entityTypeName = (value: EntityRecord): string => TYPE_NAME_OF_KIND[value.kind];

@InterfaceType({
  description: 'A node of the graph: a person, organization, event, law, topic or document.',
  resolveType: entityTypeName,
})
export abstract class Entity {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field({ description: 'The fullest name the sources give.' })
  name!: string;

  @Field(() => [String], { description: 'Every other form the sources write the name in.' })
  aliases!: string[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Evidence], {
    description: 'Where the sources state that this entity exists as described.',
    complexity: listOf(TYPICAL.EVIDENCE),
  })
  evidence!: EvidenceRecord[];
}
