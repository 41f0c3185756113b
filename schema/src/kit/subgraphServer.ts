import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { auditExtensionPlugin } from './audit.ts';
import { inputLimitsPlugin } from './inputLimitsPlugin.ts';
import { subgraphTypeDefs } from './inputLimits.ts';
import { hubLogger } from './logError.ts';
import { maskUnexpectedErrors } from './maskErrors.ts';

/**
 * A subgraph's resolvers by type name, as its generated `Resolvers` type (`pnpm codegen`) checks them
 * where they are declared. Apollo's GraphQLResolverMap cannot express `__resolveReference(reference,
 * context, info)`, which every generated map has, so the map is handed to Apollo as its type here only.
 */
export type ResolverMap = { readonly [typeName: string]: object | undefined };

/**
 * A subgraph's executable schema from its SDL (Federation 2 `@link` imports read, the input-limit
 * directives defined) and resolvers.
 */
export function buildSubgraphSchemaOf(sdl: string, resolvers: ResolverMap) {
  return buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}

/**
 * An office's Apollo Server from its SDL and resolvers: no inline tracing, input limits checked before
 * execution, database errors masked (and logged without personal data).
 */
export function buildSubgraphServer<TContext extends BaseContext>(
  sdl: string,
  resolvers: ResolverMap,
  plugins: ApolloServerPlugin<TContext>[] = [],
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema: buildSubgraphSchemaOf(sdl, resolvers),
    plugins: [ApolloServerPluginInlineTraceDisabled(), inputLimitsPlugin<TContext>(), auditExtensionPlugin<TContext>(), ...plugins],
    formatError: maskUnexpectedErrors,
    logger: hubLogger,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Whoever runs the subgraph stops it (index.ts or the launcher); see the gateway's server.ts.
    stopOnTerminationSignals: false,
  });
}

export interface ListenOptions<TContext> {
  port: number;
  host: string;
  context: (headers: Record<string, string | string[] | undefined>) => Promise<TContext>;
}

/** Starts a subgraph on its own HTTP port; returns its URL. */
export async function listenSubgraph<TContext extends BaseContext>(server: ApolloServer<TContext>, options: ListenOptions<TContext>): Promise<string> {
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host },
    context: ({ req }) => options.context(req.headers),
  });
  return url;
}
