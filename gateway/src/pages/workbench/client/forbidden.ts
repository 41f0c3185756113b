import type { GraphQLErrorShape } from './graphql.ts';

/**
 * The paths the catalog cut from an answer (FORBIDDEN at their path), as "a.b.0.c" strings, so a view
 * can tell a field it may not read (无权查看) from one that is empty.
 */
export function forbiddenPaths(errors: GraphQLErrorShape[] | undefined): Set<string> {
  return new Set((errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.path).map((e) => e.path!.join('.')));
}
