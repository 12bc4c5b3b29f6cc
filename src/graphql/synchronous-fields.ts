import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context';

/**
 * A field resolved by graphql-js directly, not through type-graphql's wrapper. type-graphql passes
 * every argument through its validation step, which is asynchronous even with validation off
 * (`validate: false`), so a field with arguments always answers a promise, and each object
 * holding it a Promise.all. Fields that sit under planned reads, where the value is already in
 * the loaders, lose nothing by resolving at once: these are those fields. The decorated method
 * stays (it declares the field, its arguments and its cost) and calls the same function, so both
 * paths answer alike.
 */
export interface SynchronousField {
  /** The object types that have the field; an interface's field is listed on each implementation. */
  readonly on: (typeName: string) => boolean;
  readonly field: string;
  // graphql-js hands the parent and the arguments over untyped.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly resolve: GraphQLFieldResolver<any, RequestContext, any>;
}

export function withSynchronousFields(schema: GraphQLSchema, fields: readonly SynchronousField[]): GraphQLSchema {
  for (const { on, field, resolve } of fields) {
    let found = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !on(type.name)) continue;
      const config = type.getFields()[field];
      if (!config) throw new Error(`${type.name} has no field ${field}`);
      config.resolve = resolve;
      found++;
    }
    if (found === 0) throw new Error(`no object type has the field ${field}`);
  }
  return schema;
}
