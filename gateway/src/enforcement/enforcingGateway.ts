import { createHash } from 'node:crypto';
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { Kind, print, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
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
        const operation = inlineFragments(requestContext.document, requestContext.operationName)!;
        const filter = filterOperation(requestContext.schema, operation, await hooks.decide(context));
        let result: GatewayExecutionResult;
        let subgraphErrors: readonly GraphQLError[];
        if (!filter.denials.length) {
          result = await run(requestContext);
          subgraphErrors = (result.errors ?? []) as readonly GraphQLError[];
        } else {
          const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [filter.operation] };
          const source = print(document);
          const narrowed = Object.create(requestContext, {
            document: { value: document },
            source: { value: source },
            operation: { value: filter.operation },
            queryHash: { value: createHash('sha256').update(source).digest('hex') },
          }) as GatewayGraphQLRequestContext;
          const executed = await run(narrowed);
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
