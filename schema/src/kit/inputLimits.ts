import {
  getDirectiveValues,
  type DirectiveDefinitionNode,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
  Kind,
  parse,
} from 'graphql';

/**
 * The two directives a subgraph's SDL declares its input limits with, written once here and added by
 * `subgraphTypeDefs` to every SDL the hub reads (the servers, `pnpm compose`, `pnpm codegen`), so no
 * SDL repeats them. They are type-system directives that no subgraph `@composeDirective`s: composition
 * leaves them out of the supergraph, and a client never sees them (the limit reaches it in the error).
 * On a list, `@maxLength` bounds each element and `@maxItems` the list.
 */
export const INPUT_LIMIT_DIRECTIVES = `
"""最多字符数（Unicode 码点）；用于列表时限每个元素 / At most this many characters (Unicode code points); on a list, each element"""
directive @maxLength(chars: Int!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

"""列表最多元素数 / At most this many elements in the list"""
directive @maxItems(n: Int!) on ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
`;

const DIRECTIVE_NAMES = ['maxLength', 'maxItems'];

/** A subgraph's SDL as every reader of it parses it: the input-limit directives defined beside it. */
export function subgraphTypeDefs(sdl: string): DocumentNode {
  const document = parse(sdl);
  const defined = document.definitions.some(
    (d): d is DirectiveDefinitionNode => d.kind === Kind.DIRECTIVE_DEFINITION && DIRECTIVE_NAMES.includes(d.name.value),
  );
  if (defined) return document;
  return { ...document, definitions: [...document.definitions, ...parse(INPUT_LIMIT_DIRECTIVES).definitions] };
}

/** What one argument or input field admits; null: no bound declared. */
export interface InputLimit {
  chars: number | null;
  items: number | null;
}

const cache = new WeakMap<GraphQLArgument | GraphQLInputField, InputLimit | null>();

/** The limit an argument or input field declares in its schema's SDL (read once, then cached). */
export function inputLimitOf(schema: GraphQLSchema, target: GraphQLArgument | GraphQLInputField): InputLimit | null {
  if (cache.has(target)) return cache.get(target)!;
  const node = target.astNode;
  const read = (name: string, arg: string): number | null => {
    const directive = schema.getDirective(name);
    if (!directive || !node) return null;
    const value = getDirectiveValues(directive, node)?.[arg];
    return typeof value === 'number' ? value : null;
  };
  const chars = read('maxLength', 'chars');
  const items = read('maxItems', 'n');
  const limit = chars === null && items === null ? null : { chars, items };
  cache.set(target, limit);
  return limit;
}
