import type { GatewayPlugin } from '@graphql-hive/gateway';
import { defaultExecutionRequestSerializer, useHmacUpstreamSignature } from '@graphql-mesh/hmac-upstream-signature';
import { Kind, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { type Decision, ErrorCode, hubError, ROUTER_VIEWER_EXTENSION, routerKey, routerSignedText, routerViewerClaim, type Viewer } from '@hub/schema';
import { SERVICE_SUBGRAPHS } from '@hub/schema/contracts';
import { applyDenials } from '../enforcement/applyDenials.ts';
import { filterOperation } from '../enforcement/filterOperation.ts';
import { inlineFragments } from '../enforcement/inlineFragments.ts';
import { POLICY_DECIDE_PATH, POLICY_DENIALS_PATH } from './policyEndpoints.ts';
import { policyOfCoordinate } from './policyOfCoordinate.ts';

export interface CatalogPolicyOptions {
  /** The hub gateway's base URL (its decision service answers at /policy/decide), e.g. http://hub.internal:4000. */
  hubUrl: string;
  /** The policy supergraph Hive Gateway runs on (schema/supergraph.policy.graphql): each field's policy is read from it. */
  policySupergraphSdl: string;
  /** The shared subgraph secret: each subgraph's router key is derived from it (routerCredential.ts). */
  subgraphSecret: string;
  /** How long one decision may take before the request is refused. */
  decisionTimeoutMs?: number;
}

interface Decided {
  viewer: Viewer | null;
  decisions: Record<string, { granted: boolean; reason: string; messageZh?: string; messageEn?: string; basis?: string }>;
}

/**
 * The hub's catalog enforced by Hive Gateway (README, "Putting a standard router in front"), as plugins
 * for its `plugins` option:
 *
 * 1. Before execution, the operation's fields are read (fragments inlined, as the hub's gateway does),
 *    their `@policy` names from the policy supergraph are sent with the client's token to the hub's
 *    decision service (/policy/decide: the catalog's own rule), and the hub's own enforcement code
 *    (filterOperation, applyDenials) cuts the refused fields out before planning and answers them null
 *    with FORBIDDEN at their paths, the rest intact: the same decisions, paths and errors as the hub.
 *    The denials go to the hub's operation log (/policy/denials) before the answer is sent.
 * 2. Every upstream request carries the viewer the decision service authenticated, with a created time
 *    and a nonce (`extensions.hubViewer`), and Hive's own `useHmacUpstreamSignature` signs it per
 *    subgraph with that subgraph's router key, over the query, operation name, variables and claim. The
 *    subgraphs check it and limit a unit operator to its unit's rows themselves, as they do for the hub.
 */
export function useCatalogPolicy(options: CatalogPolicyOptions): GatewayPlugin[] {
  const policyOf = policyOfCoordinate(options.policySupergraphSdl);
  const decideUrl = new URL(POLICY_DECIDE_PATH, options.hubUrl).toString();
  const denialsUrl = new URL(POLICY_DENIALS_PATH, options.hubUrl).toString();
  const timeoutMs = options.decisionTimeoutMs ?? 5000;
  const viewers = new WeakMap<object, Viewer | null>();

  async function decide(authorization: string | null, policies: string[]): Promise<Decided> {
    const response = await fetch(decideUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ policies }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as Decided & { errors?: { message: string; extensions: Record<string, unknown> }[] };
    if (response.ok) return body;
    // The hub's refusal (a bad token: 401) as it is, with its status.
    const error = body.errors?.[0];
    throw hubError(
      (error?.extensions.code as ErrorCode) ?? ErrorCode.INTERNAL_SERVER_ERROR,
      null,
      String(error?.extensions.messageZh ?? '策略判定服务拒绝了请求'),
      String(error?.extensions.messageEn ?? 'the policy decision service refused the request'),
      { ...error?.extensions, http: { status: response.status } },
    );
  }

  const enforce: GatewayPlugin = {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const operation = inlineFragments(args.document, args.operationName);
      if (!operation) return;
      // First pass: which coordinates the operation reads (interface fields with every implementation).
      const asked = new Set<string>();
      filterOperation(args.schema, operation, (coordinate) => {
        asked.add(coordinate);
        return { allowed: true, reason: 'COLLECT' };
      });
      const context = args.contextValue as { request?: Request; headers?: Record<string, string> };
      const authorization = context.request?.headers.get('authorization') ?? context.headers?.authorization ?? null;
      let decided: Decided;
      try {
        decided = await decide(authorization, [...new Set([...asked].map(policyOf))]);
      } catch (error) {
        const refusal =
          (error as GraphQLError).extensions?.code !== undefined
            ? (error as GraphQLError)
            : hubError(ErrorCode.INTERNAL_SERVER_ERROR, null, '策略判定服务不可用', 'the policy decision service is unavailable', { http: { status: 503 } });
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      viewers.set(args.contextValue as object, decided.viewer);
      const filter = filterOperation(args.schema, operation, (coordinate): Decision => {
        const d = decided.decisions[policyOf(coordinate)];
        if (d?.granted) return { allowed: true, reason: d.reason };
        return {
          allowed: false,
          reason: d?.reason ?? 'UNDECIDED',
          messageZh: d?.messageZh ?? `${coordinate} 未获判定`,
          messageEn: d?.messageEn ?? `${coordinate} was not decided`,
          basis: d?.basis ?? null,
        };
      });
      if (!filter.denials.length) return;
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [filter.operation] };
      setExecuteFn((executeArgs) => executeFn({ ...executeArgs, document }));
      // The hub's operation log keeps the denials, as its gateway keeps its own (the caller's purpose and case with them).
      const forwarded = Object.fromEntries(
        ['authorization', 'x-hub-purpose', 'x-hub-case-number'].flatMap((name) => {
          const value = context.request?.headers.get(name) ?? context.headers?.[name];
          return value ? [[name, value]] : [];
        }),
      );
      const denied = fetch(denialsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...forwarded },
        body: JSON.stringify({ operationName: operation.name?.value ?? null, coordinates: filter.denials.map((d) => d.coordinate) }),
        signal: AbortSignal.timeout(timeoutMs),
      }).then(
        (response) => response.ok,
        () => false,
      );
      return {
        async onExecuteDone({ result, setResult }) {
          // Nothing is answered that the log does not hold, as at the hub's gateway.
          if (!(await denied)) {
            setResult({
              errors: [hubError(ErrorCode.INTERNAL_SERVER_ERROR, null, '操作日志暂不可用', 'the operation log is unavailable', { http: { status: 503 } })],
            });
            return;
          }
          if (Symbol.asyncIterator in (result as object)) return;
          const executed = result as ExecutionResult;
          const patched = applyDenials(executed.data as Record<string, unknown> | null | undefined, filter.denials);
          setResult({ ...executed, data: patched.data ?? null, errors: [...(executed.errors ?? []), ...patched.errors] });
        },
      };
    },
    onSubgraphExecute({ executionRequest }) {
      const context = executionRequest.context as object | undefined;
      // A request that passed no decision gets no claim, and the subgraph refuses it.
      if (!context || !viewers.has(context)) return;
      executionRequest.extensions = { ...executionRequest.extensions, [ROUTER_VIEWER_EXTENSION]: routerViewerClaim(viewers.get(context) ?? null) };
    },
  };

  // Hive's own signer, one per subgraph with that subgraph's key, over what the subgraph checks.
  const signers = SERVICE_SUBGRAPHS.map(
    ({ name }) =>
      // Its declarations bundle their own copy of Hive's types, the same plugin at run time.
      useHmacUpstreamSignature({
        secret: routerKey(options.subgraphSecret, name),
        shouldSign: ({ subgraphName }) => subgraphName.toLowerCase() === name,
        serializeExecutionRequest: (request) => {
          // Hive's default serialization prints the query as its HTTP transport sends it.
          const { query, variables } = JSON.parse(defaultExecutionRequestSerializer(request) ?? '{}');
          return routerSignedText({ query, operationName: request.operationName, variables, claim: request.extensions?.[ROUTER_VIEWER_EXTENSION] });
        },
      }) as unknown as GatewayPlugin,
  );
  return [enforce, ...signers];
}
export { policyOfCoordinate } from './policyOfCoordinate.ts';
export { withSubgraphUrls } from './withSubgraphUrls.ts';
