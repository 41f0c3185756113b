import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { ErrorCode, hubError, MAX_PAGE_SIZE } from '@hub/schema';
import {
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** The plan @apollo/gateway executes (its planner's type, without depending on the planner). */
type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];
type PlanNode = NonNullable<QueryPlan['node']>;

/** What an operation may cost once it is known what it asks (README, "Operation limits"). */
export interface CostLimits {
  /** Estimated objects the operation resolves: each object field 1, lists multiplied by their size. */
  cost: number;
  /** Size assumed for a list that has no `first` argument and is not the page of a connection. */
  assumedListSize: number;
  /** Subgraph fetches in the query plan (what the gateway would send, entity fetches included). */
  subgraphFetches: number;
}

/** The argument that sizes a list or a connection's page. */
const SLICING_ARGUMENT = 'first';

/**
 * The estimated cost of an operation, in the manner of Apollo Router's demand control and IBM's
 * GraphQL cost specification: every field that returns an object costs 1 (scalars and enums 0), and
 * a list multiplies what is under it by its size. The size is the field's `first` (the variable's or
 * the literal's value, else the schema's default, at most the hub's page limit); a connection's `first`
 * sizes the lists right under it (its `nodes`); any other list is assumed `assumedListSize` long.
 * Fragments are costed once per page size and reused, so the estimate is linear in the document; the
 * sum stops at `stopAbove`, so no count overflows.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  assumedListSize: number,
  stopAbove: number,
): { cost: number; readsVariables: boolean } {
  const memo = new Map<string, number>();
  const cap = (n: number) => Math.min(n, stopAbove + 1);
  let readsVariables = false;

  const sizeOf = (field: GraphQLField<unknown, unknown>, given: readonly { name: { value: string }; value: ValueNode }[] | undefined): number | null => {
    const definition = field.args.find((a) => a.name === SLICING_ARGUMENT);
    if (!definition) return null;
    const value = given?.find((a) => a.name.value === SLICING_ARGUMENT)?.value;
    let n: unknown = definition.defaultValue;
    if (value?.kind === Kind.INT) n = Number(value.value);
    else if (value?.kind === Kind.VARIABLE) {
      readsVariables = true;
      n = variables[value.name.value] ?? definition.defaultValue;
    }
    // An unusable size is the subgraph's to refuse; the estimate takes the largest page it would serve.
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? Math.min(n, MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  };

  const visit = (set: SelectionSetNode, type: GraphQLCompositeType, page: number | null): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !('getFields' in type)) continue;
        const field = type.getFields()[selection.name.value];
        if (!field) continue;
        const nullable = getNullableType(field.type);
        const named = getNamedType(field.type);
        const sliced = sizeOf(field, selection.arguments);
        // A page sized by `first` whose rows are not objects under `nodes` (the bulk reads' lists of scalars)
        // costs its size: its rows cost the office what objects would, though none of them is an object.
        const bulkPage = sliced !== null && !isListType(nullable) && isObjectType(named) && !('nodes' in named.getFields());
        const count = isListType(nullable) ? (sliced ?? page ?? assumedListSize) : bulkPage ? Math.max(1, sliced) : 1;
        const below = selection.selectionSet && isCompositeType(named) ? visit(selection.selectionSet, named, isListType(nullable) ? null : sliced) : 0;
        total = cap(total + cap(count * ((isCompositeType(named) ? 1 : 0) + below)));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total = cap(total + (on && isCompositeType(on) ? visit(selection.selectionSet, on, page) : 0));
      } else {
        const name = selection.name.value;
        const key = `${name}\u0000${page}`;
        let n = memo.get(key);
        if (n === undefined) {
          memo.set(key, 0); // a cycle counts 0 (NoFragmentCycles refuses it anyway)
          const fragment = fragments.get(name);
          const on = fragment && schema.getType(fragment.typeCondition.name.value);
          n = fragment && on && isCompositeType(on) ? visit(fragment.selectionSet, on, page) : 0;
          memo.set(key, n);
        }
        total = cap(total + n);
      }
      if (total > stopAbove) return total;
    }
    return total;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return { cost: root ? visit(operation.selectionSet, root, null) : 0, readsVariables };
}

/** The subgraph fetches a query plan makes (each fetch node once: entity fetches are batched per node). */
export function countFetches(plan: QueryPlan): number {
  const count = (node: PlanNode | undefined): number => {
    if (!node) return 0;
    switch (node.kind) {
      case 'Fetch':
        return 1;
      case 'Sequence':
      case 'Parallel':
        return node.nodes.reduce((n, child) => n + count(child), 0);
      case 'Flatten':
        return count(node.node);
      case 'Condition':
        return count(node.ifClause) + count(node.elseClause);
      case 'Defer':
        return count(node.primary.node) + node.deferred.reduce((n, d) => n + count(d.node), 0);
      case 'Subscription':
        return count(node.primary) + count(node.rest);
      default:
        return 0;
    }
  };
  return count(plan.node);
}

const costRefusal = (cost: number, limit: number) =>
  hubError(
    ErrorCode.OPERATION_TOO_COSTLY,
    null,
    `操作估算代价过高（约 ${cost > limit ? `超过 ${limit}` : cost}，上限 ${limit}）：请减少列表大小（first）或所选字段`,
    `Operation too costly (estimated ${cost > limit ? `over ${limit}` : cost}, limit ${limit}): ask for smaller pages (first) or fewer fields`,
    { limit, http: { status: 400 } },
  );

/**
 * Refuses an operation whose estimated cost is above the limit, once the operation is resolved and
 * its variables are known, before the gateway plans or calls anything.
 */
export function operationCostPlugin<TContext extends BaseContext>(limits: CostLimits): ApolloServerPlugin<TContext> {
  // The cost of an operation no variable sizes (`first: 1000` written out, or no list argument at all) is
  // the same on every request: kept per parsed operation, which Apollo reuses for the same text.
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let cost = fixedCosts.get(operation);
          if (cost === undefined) {
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
            const estimate = estimateCost(schema, operation, fragments, request.variables ?? {}, limits.assumedListSize, limits.cost);
            cost = estimate.cost;
            if (!estimate.readsVariables) fixedCosts.set(operation, cost);
          }
          if (cost > limits.cost) throw costRefusal(cost, limits.cost);
        },
      };
    },
  };
}

/**
 * The check @apollo/gateway runs on each query plan before it executes it (`experimental_didResolveQueryPlan`):
 * a plan that would call subgraphs more than `limit` times is refused, and nothing is fetched.
 */
export function fetchCap(limit: number) {
  const counted = new WeakMap<QueryPlan, number>();
  return ({ queryPlan }: { queryPlan: QueryPlan }) => {
    let fetches = counted.get(queryPlan);
    if (fetches === undefined) {
      fetches = countFetches(queryPlan);
      counted.set(queryPlan, fetches);
    }
    if (fetches > limit)
      throw hubError(
        ErrorCode.TOO_MANY_SUBGRAPH_FETCHES,
        null,
        `此操作需要调用子图 ${fetches} 次，超过上限 ${limit} 次：请拆分为多个请求`,
        `This operation would call the subgraphs ${fetches} times, more than the limit of ${limit}: split it into several requests`,
        { limit, http: { status: 400 } },
      );
  };
}
