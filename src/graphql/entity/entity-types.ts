import { Field, ObjectType } from 'type-graphql';
import { OrgType } from '../../domain/enums';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import { Entity } from './entity.interface';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A person, named as the sources name them.' })
export class Person extends Entity {}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A state body, commission, NGO, international organization or group.' })
export class Organization extends Entity {
  @Field(() => OrgType, { nullable: true, description: 'Null where the sources do not say.' })
  orgType!: OrgType | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, where the sources state it.' })
  country!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A meeting, session or other dated occurrence.' })
export class Event extends Entity {
  @Field(() => PartialDateScalar, { nullable: true })
  date!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A law, treaty, convention or declaration (adopted or proposed).' })
export class Law extends Entity {
  @Field(() => PartialDateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 for national law.' })
  country!: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A subject raised or discussed.' })
export class Topic extends Entity {}

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A document such as a work plan or report.' })
export class Document extends Entity {
  @Field(() => PartialDateScalar, { nullable: true })
  date!: string | null;
}

export const ENTITY_TYPES = [Person, Organization, Event, Law, Topic, Document] as const;
