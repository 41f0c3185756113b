import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type ExecutionResult, type GraphQLSchema, isObjectType } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/** Compiled queries kept per subgraph process: the gateway sends a few dozen distinct documents, a client's odd query adds one. */
export const COMPILED_QUERIES_KEPT = 500;

/**
 * Runs a subgraph's queries through graphql-jit instead of graphql-js's interpreter: each document
 * is compiled once to a JavaScript function (no per-field promise or resolve-info object for a field
 * a default resolver reads, no per-request walk of the selection set), kept in a bounded LRU keyed by
 * the exact document text and operation name (one schema per process). The 808-person Roster's
 * `_entities` answers are several thousand fields, which graphql-js executes one promise at a time.
 *
 * Apollo Server lets an executor be swapped only through its gateway interface, so this is one: it
 * loads the schema it was given and never changes it. Apollo still parses, validates (its own
 * document cache), runs every plugin hook around execution (input limits, the audit extension, the
 * request recorder) and formats errors (masking); only `execute` is replaced.
 *
 * Mutations stay on graphql-js: they are few and small, and their top-level fields must run one after
 * another in order (GraphQL spec, "Normal and Serial Execution"), which the reference executor is the
 * authority on; a result is never worth a doubt about the order of writes.
 */
export function compiledExecutor(schema: GraphQLSchema, kept = COMPILED_QUERIES_KEPT): GatewayInterface {
  resolveLazyCounts(schema);
  const compiled = new LRUCache<string, CompiledQuery | ExecutionResult>({ max: kept });
  const executor: GatewayExecutor = async ({ source, document, operation, operationName, request, context }) => {
    if (operation.operation !== 'query') {
      return (await execute({ schema, document, operationName, variableValues: request.variables, contextValue: context })) as ExecutionResult<
        Record<string, unknown>
      >;
    }
    const key = `${operationName ?? ''}\n${source}`;
    let query = compiled.get(key);
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined);
      compiled.set(key, query);
    }
    if (!isCompiledQuery(query)) return query as ExecutionResult<Record<string, unknown>>;
    const result = (await query.query(undefined, context, request.variables ?? {})) as ExecutionResult<Record<string, unknown>>;
    // graphql-js puts `errors` before `data`; the same order keeps the answer the same bytes.
    return result.errors ? { errors: result.errors, data: result.data } : result;
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}

/**
 * graphql-jit reads a field without a resolver as a plain synchronous property: a promise there is
 * serialized as it is. The kit's connections count their rows only when asked (`connection()`'s
 * `totalCount` getter returns a promise), so each `totalCount` without a resolver gets one that
 * returns the property, which the compiled code then awaits like any resolver's answer. graphql-js
 * answers the same either way.
 */
function resolveLazyCounts(schema: GraphQLSchema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve) field.resolve = (parent: { totalCount?: unknown }) => parent.totalCount;
  }
}
