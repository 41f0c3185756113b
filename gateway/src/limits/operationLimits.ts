import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode, hubError } from '@hub/schema';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFormattedError,
  Kind,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { CostLimits } from './operationCost.ts';

/**
 * How large an operation the gateway accepts. Each is checked on the parsed document, before any
 * fragment is expanded and before anything is planned, so a refusal costs the hub one pass over the
 * document and calls no subgraph.
 */
export interface OperationLimits extends CostLimits {
  /** Nested fields, counted as graphql-armor does (the README's Roster query is 6). */
  depth: number;
  /** Aliased fields in the operation, a fragment counted once per use. */
  aliases: number;
  /** Fields at the operation's root, through fragments, each counted once per use. */
  rootFields: number;
  /** Directives in the operation, a fragment counted once per use. */
  directives: number;
  /** Lexical tokens of the document (the parser stops at the limit). */
  tokens: number;
  /** Fragment spreads written in the document. */
  fragmentSpreads: number;
  /** Fields of the operation once every fragment is expanded (what enforcement and the planner would walk). */
  expandedFields: number;
}

/**
 * Well above what the hub's own pages, the README's examples and the tests ask (the deepest is 7, the
 * largest a few dozen fields), well below what hurts: graphql-armor's and OWASP's orders of magnitude.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  depth: 12,
  aliases: 30,
  rootFields: 20,
  directives: 50,
  tokens: 2000,
  fragmentSpreads: 100,
  expandedFields: 2000,
  cost: 10_000,
  assumedListSize: 10,
  subgraphFetches: 40,
});

/** The codes a limit refuses with; Apollo Server renames validation errors, and `restoreLimitCode` gives them back. */
const LIMIT_CODES: ReadonlySet<string> = new Set([
  ErrorCode.OPERATION_TOO_DEEP,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_ROOT_FIELDS,
  ErrorCode.TOO_MANY_DIRECTIVES,
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.TOO_MANY_FRAGMENT_SPREADS,
  ErrorCode.OPERATION_TOO_LARGE,
]);

const refusal = (code: ErrorCode, zh: string, en: string, limit: number) => hubError(code, null, zh, en, { limit, http: { status: 400 } });

const refusals = {
  depth: (n: number) => refusal(ErrorCode.OPERATION_TOO_DEEP, `操作嵌套过深（上限 ${n} 层）`, `Operation nested too deep (limit ${n})`, n),
  aliases: (n: number) => refusal(ErrorCode.TOO_MANY_ALIASES, `别名过多（上限 ${n} 个）`, `Too many aliases (limit ${n})`, n),
  rootFields: (n: number) => refusal(ErrorCode.TOO_MANY_ROOT_FIELDS, `根字段过多（上限 ${n} 个）`, `Too many root fields (limit ${n})`, n),
  directives: (n: number) => refusal(ErrorCode.TOO_MANY_DIRECTIVES, `指令过多（上限 ${n} 个）`, `Too many directives (limit ${n})`, n),
  tokens: (n: number) => refusal(ErrorCode.TOO_MANY_TOKENS, `操作文本过长（上限 ${n} 个记号）`, `Operation too long (limit ${n} tokens)`, n),
  fragmentSpreads: (n: number) => refusal(ErrorCode.TOO_MANY_FRAGMENT_SPREADS, `片段引用过多（上限 ${n} 处）`, `Too many fragment spreads (limit ${n})`, n),
  expandedFields: (n: number) =>
    refusal(
      ErrorCode.OPERATION_TOO_LARGE,
      `展开片段后操作过大（上限 ${n} 个字段）`,
      `Operation too large once its fragments are expanded (limit ${n} fields)`,
      n,
    ),
};

/**
 * Counts over the operation as if its fragments were expanded, without expanding them: each
 * fragment's count is computed once and reused wherever it is spread, so `{ ...F24 }` over 24 doubling
 * fragments costs 25 steps, not 2^24. A fragment spread inside itself counts 0 (NoFragmentCycles refuses it).
 */
function expandedCounter(context: ValidationContext, count: (set: SelectionSetNode, recurse: (set: SelectionSetNode) => number) => number) {
  const memo = new Map<string, number>();
  const visit = (set: SelectionSetNode): number => count(set, visit);
  return {
    visit,
    fragment(name: string): number {
      const known = memo.get(name);
      if (known !== undefined) return known;
      memo.set(name, 0);
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      const n = fragment ? visit(fragment.selectionSet) : 0;
      memo.set(name, n);
      return n;
    },
  };
}

/**
 * Fields of the operation counted as if its fragments were expanded, refused past `limit`: every field
 * at any depth (`nested`), or the root's only. Additions saturate at the limit so no count overflows.
 */
function expandedCountRule(limit: number, nested: boolean, refuse: (limit: number) => GraphQLError): ValidationRule {
  return (context): ASTVisitor => {
    const counter = expandedCounter(context, (set, recurse) => {
      let n = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) n += 1 + (nested && sel.selectionSet ? recurse(sel.selectionSet) : 0);
        else if (sel.kind === Kind.INLINE_FRAGMENT) n += recurse(sel.selectionSet);
        else n += counter.fragment(sel.name.value);
        if (n > limit) return limit + 1;
      }
      return n;
    });
    return {
      OperationDefinition(operation) {
        if (counter.visit(operation.selectionSet) > limit) context.reportError(refuse(limit));
      },
    };
  };
}

/** Fields of the operation once expanded (what enforcement and the planner would walk). */
const expandedFieldsRule = (limit: number) => expandedCountRule(limit, true, refusals.expandedFields);

/** Fields at the operation's root, fragments and inline fragments there counted once per use. */
const rootFieldsRule = (limit: number) => expandedCountRule(limit, false, refusals.rootFields);

/** Fragment spreads as written in the document (not expanded): a cheap bound on how many names the expansion resolves. */
function fragmentSpreadsRule(limit: number): ValidationRule {
  return (context): ASTVisitor => {
    let spreads = 0;
    return {
      FragmentSpread() {
        spreads += 1;
        if (spreads === limit + 1) context.reportError(refusals.fragmentSpreads(limit));
      },
    };
  };
}

/**
 * An operation of a type the graph has no root for (a subscription: the hub has none) is a client's
 * mistake, refused at validation (400); graphql-js leaves it to execution, where the gateway answers 500.
 */
const knownOperationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (!context.getSchema().getRootType(operation.operation))
      context.reportError(
        hubError(ErrorCode.BAD_REQUEST, null, `此图不支持 ${operation.operation} 操作`, `This graph has no ${operation.operation} operations`),
      );
  },
});

/** Reports a graphql-armor rejection as the hub's coded error instead of armor's own. */
const reportAs = (error: () => GraphQLError) => ({
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null) => context?.reportError(error())],
});

/**
 * The validation rules that hold an operation to `limits`: graphql-armor's depth, alias and directive
 * rules (they count through fragments with memoisation) and the hub's own for root fields, fragment
 * spreads and the expanded size. Apollo Server runs them with graphql-js's rules, before the executor.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ...reportAs(() => refusals.depth(limits.depth)) },
    maxAliases: { n: limits.aliases, ...reportAs(() => refusals.aliases(limits.aliases)) },
    maxDirectives: { n: limits.directives, ...reportAs(() => refusals.directives(limits.directives)) },
    // armor's token limit runs as a plugin and its refusal answers 500; graphql-js's parser option answers 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return [
    knownOperationTypeRule,
    fragmentSpreadsRule(limits.fragmentSpreads),
    expandedFieldsRule(limits.expandedFields),
    rootFieldsRule(limits.rootFields),
    ...(armor.protect().validationRules as ValidationRule[]),
  ];
}

/** The parser's own token bound (the parse stops at it); its refusal is renamed by `restoreLimitCode`. */
export function operationParseOptions(limits: OperationLimits): ParseOptions {
  return { maxTokens: limits.tokens };
}

/** graphql-js 16 says "more that N tokens" (sic). */
const TOKEN_LIMIT_MESSAGE = /Document contains more th\w+ \d+ tokens/;

/**
 * Apollo Server wraps a validation rule's error and sets its code to GRAPHQL_VALIDATION_FAILED, and
 * answers the parser's token refusal as GRAPHQL_PARSE_FAILED with graphql-js's English message: this
 * gives a limit's refusal its own code back (status 400 stays). Anything else: undefined.
 */
export function restoreLimitCode(formatted: GraphQLFormattedError, error: unknown, limits: OperationLimits): GraphQLFormattedError | undefined {
  const original = (error as GraphQLError | undefined)?.originalError as GraphQLError | undefined;
  const code = original?.extensions?.code;
  if (typeof code === 'string' && LIMIT_CODES.has(code)) return { ...formatted, extensions: { ...formatted.extensions, code } };
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT_MESSAGE.test(formatted.message)) {
    const { http: _http, ...extensions } = refusals.tokens(limits.tokens).extensions;
    return { message: refusals.tokens(limits.tokens).message, extensions };
  }
  return undefined;
}
