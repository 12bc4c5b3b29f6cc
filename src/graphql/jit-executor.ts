import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, isEnumType, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../context';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter, through the one door
 * Apollo Server 5 leaves for another executor: a gateway that serves one fixed schema. Apollo
 * still parses, validates, runs every plugin hook we use (none reads single field resolutions)
 * and serializes; only execution changes.
 *
 * Why: graphql-js re-reads the document for every field of every object it completes (argument
 * maps, field collection, type checks); on an event's participants with their relationships
 * (W2/W3 of bench:peers) that was most of the server's CPU after the store. graphql-jit compiles
 * an operation once into a function that does only the work its selection needs, and answers the
 * same result: the whole test suite runs through it.
 *
 * Compiled operations are kept per parsed document: Apollo keeps one parsed document per query
 * text (its document store, an LRU), so a repeated query is compiled once, and a document
 * Apollo forgets is collected with its compilations. A document graphql-jit cannot compile runs
 * on graphql-js.
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type)) continue;
    for (const value of type.getValues()) {
      if (value.value !== value.name) throw new Error(`enum ${type.name}.${value.name} has another value; jit-executor passes coerced variables on`);
    }
  }
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (byOperation === undefined) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      // Errors keep their original error's stack, or none: capturing one per error is waste.
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        async executor({ document, operation, operationName, request, context }): Promise<ExecutionResult> {
          const variables = request.variables ?? {};
          const query = compiledFor(document, operationName);
          if (query === null) return execute({ schema, document, operationName, variableValues: variables, contextValue: context });
          // Variables are coerced by graphql-js, as its execute would: its errors name the variable's
          // definition, which is how Apollo tells the caller's bad input (BAD_USER_INPUT, HTTP 400)
          // from ours, and it fills the defaults of input fields, which graphql-jit's own coercion
          // leaves out. graphql-jit reads the coerced values as given: every enum's value is its
          // name (checked when the gateway is made) and PartialDate parses to the same string.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
          if (coerced.errors) return { errors: coerced.errors };
          const result = await query.query(undefined, context, coerced.coerced);
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are its own objects that only inherit from graphql-js's GraphQLError: they
 * lack its `extensions` object (Apollo reads `extensions.code` and fails on the whole response)
 * and its serialisation. Each becomes a real one, keeping the path, the locations and the
 * resolver's original error, where the error formatter (./errors.ts) finds its code.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error;
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js derives locations from nodes, which graphql-jit no longer has; it kept the result.
  (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}
