import { createHash } from 'node:crypto';
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { Kind, print, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { applyDenials } from './applyDenials.ts';
import { filterOperation, type FilterResult } from './filterOperation.ts';
import { inlineFragments } from './inlineFragments.ts';
import type { Decide } from './types.ts';

export interface EnforcementHooks<TContext> {
  /** The viewer's rule for this request (catalog and grants as they are now). */
  decide(context: TContext): Promise<Decide>;
  /** Called once the answer is known, before it is sent: the operation log is written here. */
  record(
    context: TContext,
    operation: {
      name: string | null;
      type: string;
      filter: FilterResult;
      data: unknown;
      /** Every error of the answer, the catalog's FORBIDDEN ones included. */
      errors: readonly GraphQLError[];
      /** The errors that came from executing the plan (the subgraphs' own refusals and failures). */
      subgraphErrors: readonly GraphQLError[];
      variables: Record<string, unknown>;
      /** The API schema the operation ran against (to name the field an error's path points at). */
      schema: GraphQLSchema;
    },
  ): Promise<void>;
}

/** An operation as the enforcement runs it: its fragments inlined, its denied fields cut, and the narrowed document printed. */
interface Filtered {
  operation: OperationDefinitionNode;
  filter: FilterResult;
  narrowed?: { document: DocumentNode; source: string; queryHash: string };
}

const cache = new WeakMap<GraphQLSchema, WeakMap<Decide, WeakMap<DocumentNode, Map<string, Filtered>>>>();

/** The entry of `key` in `map`, made by `make` the first time. */
function entry<K, V>(map: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * The operation filtered by the viewer's rule, once per (schema, rule, document, operation name): the
 * rule is the same function for every request with the same rights on the same catalog
 * (cachedDecide.ts), and Apollo Server hands the same parsed document to every request with the same
 * text. What is cached is never changed afterwards (applyDenials patches the answer, not the denials).
 */
function filtered(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, decide: Decide): Filtered {
  const byDecide = entry(cache, schema, () => new WeakMap<Decide, WeakMap<DocumentNode, Map<string, Filtered>>>());
  const byDocument = entry(byDecide, decide, () => new WeakMap<DocumentNode, Map<string, Filtered>>());
  const byName = entry(byDocument, document, () => new Map<string, Filtered>());
  return entry(byName, operationName ?? '', () => {
    const operation = inlineFragments(document, operationName)!;
    const filter = filterOperation(schema, operation, decide);
    if (!filter.denials.length) return { operation, filter };
    const narrowed: DocumentNode = { kind: Kind.DOCUMENT, definitions: [filter.operation] };
    const source = print(narrowed);
    return { operation, filter, narrowed: { document: narrowed, source, queryHash: createHash('sha256').update(source).digest('hex') } };
  });
}

/**
 * Wraps @apollo/gateway so that every operation is checked field by field before it is planned:
 * denied fields are cut out (a subgraph that would serve only denied fields is never called), the
 * rest runs as usual, and the answer gets nulls and FORBIDDEN errors where the denied fields were.
 */
export function enforcingGateway<TContext extends object>(inner: GatewayInterface, hooks: EnforcementHooks<TContext>): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => inner.onSchemaLoadOrUpdate(callback),
    stop: () => inner.stop(),
    async load(options) {
      const loaded = await inner.load(options);
      const run = loaded.executor;
      if (!run) return loaded;
      const executor: GatewayExecutor = async (requestContext) => {
        const context = requestContext.context as TContext;
        const { operation, filter, narrowed } = filtered(
          requestContext.schema,
          requestContext.document,
          requestContext.operationName,
          await hooks.decide(context),
        );
        let result: GatewayExecutionResult;
        let subgraphErrors: readonly GraphQLError[];
        if (!filter.denials.length) {
          result = await run(requestContext);
          subgraphErrors = (result.errors ?? []) as readonly GraphQLError[];
        } else {
          const executed = await run(
            Object.create(requestContext, {
              document: { value: narrowed!.document },
              source: { value: narrowed!.source },
              operation: { value: filter.operation },
              queryHash: { value: narrowed!.queryHash },
            }) as GatewayGraphQLRequestContext,
          );
          subgraphErrors = (executed.errors ?? []) as readonly GraphQLError[];
          const patched = applyDenials(executed.data, filter.denials);
          result = { ...executed, data: patched.data, errors: [...(executed.errors ?? []), ...patched.errors] };
        }
        await hooks.record(context, {
          name: requestContext.operationName,
          type: operation.operation,
          filter,
          data: result.data,
          errors: (result.errors ?? []) as readonly GraphQLError[],
          subgraphErrors,
          variables: requestContext.request.variables ?? {},
          schema: requestContext.schema,
        });
        return result;
      };
      return { ...loaded, executor };
    },
  };
}
