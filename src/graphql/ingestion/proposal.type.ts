import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Confidence, EntityKind, RelationshipType } from '../../domain/enums';
import { ProposalKind, ProposalStatus, type ProposalRecord } from '../../domain/review';
import { PartialDateScalar } from '../scalars/partial-date.scalar';
import './review.enums';

@ObjectType({ simpleResolvers: true, description: "A verbatim span of the ingested source's text: text[start, end) is the quote." })
export class ProposedSpan {
  @Field()
  quote!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The entity a proposal would create (or find among the existing ones: see resolvesTo).' })
export class ProposedEntity {
  @Field({ description: 'Its name within the ingestion; relationship proposals name their ends by it.' })
  ref!: string;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => [String])
  aliases!: string[];

  @Field(() => PartialDateScalar, { nullable: true })
  date!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The relationship a proposal would add. An end is an existing entity (fromId, toId) or an entity proposal (from, to: its ref).' })
export class ProposedRelationship {
  @Field()
  ref!: string;

  @Field(() => RelationshipType)
  type!: RelationshipType;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Null when the extraction could not tell (a HOLDS_POSITION without its organization).' })
  to!: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing entity a reviewer pointed `from` at; wins over `from`.' })
  fromId!: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing entity a reviewer pointed `to` at; wins over `to`.' })
  toId!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  onBehalfOf!: string | null;

  @Field(() => Confidence)
  confidence!: Confidence;
}

@ObjectType({ simpleResolvers: true, description: 'A stored fact the proposal disagrees with, and the quote it stands on.' })
export class Contradiction {
  @Field(() => ID)
  relationshipId!: string;

  @Field(() => ID)
  sourceId!: string;

  @Field()
  quote!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One fact proposed from an ingested document, waiting for review or reviewed.' })
export class Proposal {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ingestionId!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => ProposalKind)
  kind!: ProposalKind;

  @Field(() => ProposedEntity, { nullable: true, description: 'Set when kind is ENTITY.' })
  entity!: ProposedEntity | null;

  @Field(() => ProposedRelationship, { nullable: true, description: 'Set when kind is RELATIONSHIP.' })
  relationship!: ProposedRelationship | null;

  @Field(() => [ProposedSpan], { description: "Where the source's text states it." })
  evidence!: ProposedSpan[];

  @Field(() => ID, {
    nullable: true,
    description: 'For an entity, the existing entity it is (see resolvedEntity); for a relationship, the existing one it restates.',
  })
  resolvesTo!: string | null;

  @Field(() => Contradiction, { nullable: true, description: 'Set when it disagrees with a stored fact (e.g. another post for the same person).' })
  contradiction!: Contradiction | null;

  @Field(() => String, { nullable: true })
  rejectedReason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The entity or relationship accepting it created or added evidence to.' })
  acceptedAs!: string | null;
}

export function toProposal(p: ProposalRecord): Proposal {
  const common = {
    id: p.id,
    ingestionId: p.ingestionId,
    status: p.status,
    kind: p.kind,
    resolvesTo: p.resolvesTo,
    contradiction: p.contradiction,
    rejectedReason: p.rejectedReason,
    acceptedAs: p.acceptedAs,
  };
  if (p.kind === ProposalKind.ENTITY) {
    const { evidence, ...entity } = p.entity;
    return { ...common, entity: { ...entity, aliases: [...entity.aliases] }, relationship: null, evidence: [...evidence] };
  }
  const { evidence, ...relationship } = p.relationship;
  return { ...common, entity: null, relationship, evidence: [...evidence] };
}
