import type { ApolloServer, BaseContext } from '@apollo/server';

/**
 * Runs one operation in-process against a subgraph's server (tests of `_entities` and resolvers),
 * returning its single result: data, errors and extensions.
 */
export async function runOperation<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  contextValue: TContext,
  query: string,
  variables?: Record<string, unknown>,
) {
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result, not an incremental one');
  return response.body.singleResult;
}
