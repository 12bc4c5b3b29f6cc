import { ArgsType, Field, ID, Int } from 'type-graphql';
import { Direction, RelationshipType } from '../../domain/enums';

/** What `path` and `paths` share; bounds are checked in the resolver (./bounds). */
@ArgsType()
export class PathArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => Int, { nullable: true, defaultValue: 4 })
  maxHops!: number | null;

  @Field(() => [RelationshipType], { nullable: true })
  types!: RelationshipType[] | null;

  @Field(() => Direction, { nullable: true, defaultValue: Direction.BOTH })
  direction!: Direction | null;
}

@ArgsType()
export class PathsArgs extends PathArgs {
  @Field(() => Int, { nullable: true, defaultValue: 5 })
  first!: number | null;
}
