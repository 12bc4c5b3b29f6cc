import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/**
 * The Relay connection and edge types for one node type (`<Name>Connection`, `<Name>Edge`), so
 * every paged list has the same shape and one definition; `toConnection` (./connection) fills them.
 */
export function connectionTypes<TNode>(name: string, node: () => ClassType | object): ClassType {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(node)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return Connection;
}
