import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import {
  createDecide,
  encodeViewer,
  ErrorCode,
  hubError,
  readRequestBody,
  ROUTER_SIGNATURE_EXTENSION,
  ROUTER_VIEWER_EXTENSION,
  routerKey,
  routerSignature,
  routerSignedText,
  routerViewerClaim,
  type Viewer,
} from '@hub/schema';
import { SERVICE_SUBGRAPHS } from '@hub/schema/contracts';
import type { OperationLog } from '../audit/operationLog.ts';
import type { SnapshotCache } from '../catalog/snapshotCache.ts';
import type { Route } from '../httpServer.ts';
import { authenticate } from '../identity/authenticate.ts';
import type { TokenService } from '../identity/tokens.ts';
import { decidePolicies } from './decidePolicies.ts';

/** The hub's own decision endpoint (the Hive Gateway plugin calls it) and the routers' coprocessor endpoint. */
export const POLICY_DECIDE_PATH = '/policy/decide';
export const POLICY_COPROCESSOR_PATH = '/policy/coprocessor';
export const POLICY_DENIALS_PATH = '/policy/denials';

/** The most policies one request may ask about (the policy supergraph has about 400 fields) and the largest body. */
export const MAX_POLICIES = 2000;
const MAX_POLICY_BODY_BYTES = 1024 * 1024;
const MAX_POLICY_NAME = 200;

/** The context keys under which each router publishes the policies an operation needs. */
const REQUIRED_POLICY_KEYS = [
  'apollo::authorization::required_policies', // Apollo Router 2.x (SupergraphRequest stage)
  'apollo_authorization::policies::required', // Apollo Router 1.x
  'hive::authorization::required_policies', // Hive Router (graphql.analysis stage)
];

export interface PolicyEndpointOptions {
  snapshots: SnapshotCache;
  /** The operation log the denials a router reports are appended to. */
  log: OperationLog;
  /** The shared subgraph secret: Apollo Router's SubgraphRequest stage is signed with each subgraph's router key. */
  subgraphSecret: string;
  tokens: TokenService;
  now: () => Date;
}

const badRequest = (zh: string, en: string, reason: string) => hubError(ErrorCode.BAD_REQUEST, null, zh, en, { reason, http: { status: 400 } });

/** The policy names of a request, each a bounded string, at most MAX_POLICIES of them. */
function policyNames(value: unknown): string[] {
  const names = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.keys(value) : null;
  if (!names) throw badRequest('缺少策略列表', 'the policies to decide are missing', 'POLICIES_MISSING');
  if (names.length > MAX_POLICIES) throw badRequest(`一次最多判定 ${MAX_POLICIES} 条策略`, `at most ${MAX_POLICIES} policies per request`, 'TOO_MANY_POLICIES');
  if (!names.every((n) => typeof n === 'string' && n.length <= MAX_POLICY_NAME))
    throw badRequest(
      `策略名应为不超过 ${MAX_POLICY_NAME} 个字符的字符串`,
      `each policy is a string of at most ${MAX_POLICY_NAME} characters`,
      'POLICY_INVALID',
    );
  return names as string[];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const bytes = await readRequestBody(req, MAX_POLICY_BODY_BYTES);
  try {
    const value = JSON.parse(bytes.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {}
  throw badRequest('请求体应为 JSON 对象', 'the request body must be a JSON object', 'BODY_INVALID');
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A refusal as its status and the GraphQL error shape (`http` left out of the body). */
function refusal(error: GraphQLError): { status: number; body: { errors: unknown[] } } {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  return { status: http?.status ?? 400, body: { errors: [{ message: error.message, extensions }] } };
}

/**
 * The policy decision service on the gateway (README, "Putting a standard router in front"):
 *
 * - `POST /policy/decide` with the viewer's `Authorization` and `{ "policies": [...] }`: the viewer the
 *   token names and each policy's decision with its reason (and, when refused, the bilingual message
 *   and basis the hub's own FORBIDDEN carries). The Hive Gateway plugin (useCatalogPolicy.ts) calls it.
 * - `POST /policy/denials` with the viewer's `Authorization` and `{ "operationName", "coordinates": [...] }`:
 *   the fields a router cut from that viewer's operation, appended to the operation log as one DENIAL,
 *   as the hub's gateway logs its own; each coordinate is decided again here and only those the catalog
 *   does refuse are logged, with the catalog's reasons (a caller cannot log a reason it was not given).
 * - `POST /policy/coprocessor`: the same decision in the coprocessor protocol of Apollo Router
 *   (SupergraphRequest stage, `context.entries["apollo::authorization::required_policies"]`) and of Hive
 *   Router (graphql.analysis stage, `context["hive::authorization::required_policies"]`): each policy
 *   mapped to true or false; the viewer's token is read from the forwarded request headers. A bad token
 *   breaks the request with 401, as the hub's gateway answers it. Apollo Router's SubgraphRequest stage
 *   gets each subgraph request signed with the router credential for the viewer decided (signSubgraphStage).
 */
export function policyEndpoints(options: PolicyEndpointOptions): { decide: Route; coprocessor: Route; denials: Route } {
  return {
    decide: policyRoute(POLICY_DECIDE_PATH, options),
    coprocessor: policyRoute(POLICY_COPROCESSOR_PATH, options),
    denials: policyRoute(POLICY_DENIALS_PATH, options),
  };
}

function policyRoute(route: string, options: PolicyEndpointOptions): Route {
  const decideFor = async (viewer: Viewer | null, policies: string[]) =>
    decidePolicies(createDecide(viewer, await options.snapshots.current(), options.now()), policies);

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    if (path !== route) return false;
    try {
      if (req.method !== 'POST') throw hubError(ErrorCode.BAD_REQUEST, null, '只接受 POST 请求', 'POST only', { reason: 'METHOD', http: { status: 405 } });
      const body = await readJson(req);
      if (path === POLICY_DECIDE_PATH) {
        const viewer = await authenticate(req.headers.authorization, options.tokens);
        const decisions = await decideFor(viewer, policyNames(body.policies));
        send(res, 200, {
          viewer,
          decisions: Object.fromEntries(
            [...decisions].map(([policy, d]) => [
              policy,
              d.allowed
                ? { granted: true, reason: d.reason }
                : { granted: false, reason: d.reason, messageZh: d.messageZh, messageEn: d.messageEn, ...(d.basis ? { basis: d.basis } : {}) },
            ]),
          ),
        });
        return true;
      }
      if (path === POLICY_DENIALS_PATH) {
        send(res, 200, await recordDenials(req, body, options));
        return true;
      }
      send(res, 200, await coprocessorAnswer(body as CoprocessorPayload, options.tokens, decideFor, options.subgraphSecret));
      return true;
    } catch (error) {
      if (!(error instanceof GraphQLError)) {
        if ((error as { status?: number }).status === 413) {
          send(res, 413, refusal(hubError(ErrorCode.PAYLOAD_TOO_LARGE, null, '请求体过大', 'the request body is too large')).body);
          return true;
        }
        throw error;
      }
      const { status, body } = refusal(error);
      send(res, status, body);
      return true;
    }
  };
}

/** One header of a coprocessor payload: Apollo sends each as an array of values, Hive as one string or an array. */
function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/** The coprocessor's answer: the policies decided in the payload's own context shape, or a break with 401. */
/** A coprocessor stage payload, as far as the decision reads it. */
interface CoprocessorPayload extends Record<string, unknown> {
  version?: unknown;
  stage?: unknown;
  headers?: unknown;
  serviceName?: unknown;
  body?: unknown;
  context?: Record<string, unknown> & { entries?: Record<string, unknown> };
}

/** The context entry in which the SupergraphRequest stage leaves the viewer it authenticated for the SubgraphRequest stage. */
export const VIEWER_CONTEXT_KEY = 'hub::viewer';

async function coprocessorAnswer(
  payload: CoprocessorPayload,
  tokens: TokenService,
  decideFor: (viewer: Viewer | null, policies: string[]) => Promise<Map<string, { allowed: boolean }>>,
  subgraphSecret: string,
): Promise<Record<string, unknown>> {
  if (typeof payload.version !== 'number') throw badRequest('协处理器请求缺少 version', 'the coprocessor payload has no version', 'BODY_INVALID');
  if (payload.stage === 'SubgraphRequest') return signSubgraphStage(payload, subgraphSecret);
  const hive = typeof payload.stage === 'string' && payload.stage.startsWith('graphql.');
  // Apollo nests the context's keys under `entries`; Hive sends them flat.
  const entries: Record<string, unknown> = (hive ? payload.context : payload.context?.entries) ?? {};
  const key = REQUIRED_POLICY_KEYS.find((k) => entries[k] !== undefined);
  if (!key) return hive ? { version: payload.version, control: 'continue' } : payload;

  let viewer: Viewer | null;
  try {
    viewer = await authenticate(headerOf(payload.headers, 'authorization'), tokens);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const { status, body } = refusal(error);
    // At the SupergraphRequest and graphql.analysis stages the body is the GraphQL response itself.
    const answer = { version: payload.version, control: { break: status }, body };
    return hive ? { ...answer, headers: { 'content-type': 'application/json' } } : { ...payload, ...answer };
  }
  const decisions = await decideFor(viewer, policyNames(entries[key]));
  const decided = Object.fromEntries([...decisions].map(([policy, d]) => [policy, d.allowed]));
  if (hive) return { version: payload.version, control: 'continue', context: { [key]: decided } };
  // Apollo Router carries the context to its SubgraphRequest stage, where the viewer signs each subgraph request.
  return {
    ...payload,
    control: 'continue',
    context: { ...payload.context, entries: { ...entries, [key]: decided, [VIEWER_CONTEXT_KEY]: encodeViewer(viewer) } },
  };
}

/**
 * Apollo Router's SubgraphRequest stage: the subgraph request's body with the router credential the
 * subgraphs accept (routerCredential.ts): the viewer the SupergraphRequest stage authenticated, as a
 * claim, and the HMAC of the subgraph's router key over the query, operation name, variables and claim.
 * No viewer in the context (the SupergraphRequest stage was not run): the request is broken with 401.
 */
function signSubgraphStage(payload: CoprocessorPayload, subgraphSecret: string): Record<string, unknown> {
  const viewer = payload.context?.entries?.[VIEWER_CONTEXT_KEY];
  const body = payload.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: Record<string, unknown> } | undefined;
  const service = typeof payload.serviceName === 'string' ? payload.serviceName : '';
  if (typeof viewer !== 'string' || !body || typeof body !== 'object' || !SERVICE_SUBGRAPHS.some((s) => s.name === service)) {
    const { status, body: errors } = refusal(
      hubError(ErrorCode.UNAUTHENTICATED, null, '子图请求没有经过策略判定', 'the subgraph request was not decided by the policy service', {
        reason: 'NOT_DECIDED',
        http: { status: 401 },
      }),
    );
    return { ...payload, control: { break: status }, body: errors };
  }
  const claim = { ...routerViewerClaim(null), viewer };
  const signature = routerSignature(
    routerKey(subgraphSecret, service),
    routerSignedText({ query: body.query, operationName: body.operationName, variables: body.variables, claim }),
  );
  return {
    ...payload,
    control: 'continue',
    body: { ...body, extensions: { ...body.extensions, [ROUTER_VIEWER_EXTENSION]: claim, [ROUTER_SIGNATURE_EXTENSION]: signature } },
  };
}

/** Header values are Latin-1 on the wire: Chinese text comes percent-encoded (as the gateway reads them). */
function headerText(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).slice(0, 500);
  } catch {
    return raw.slice(0, 500);
  }
}

/** Appends the denials a router reports for one operation, as decided here, as one DENIAL entry. */
async function recordDenials(req: IncomingMessage, body: Record<string, unknown>, options: PolicyEndpointOptions): Promise<{ logged: string[] }> {
  const viewer = await authenticate(req.headers.authorization, options.tokens);
  const coordinates = policyNames(body.coordinates);
  const operationName = typeof body.operationName === 'string' ? body.operationName.slice(0, 200) : null;
  const decide = createDecide(viewer, await options.snapshots.current(), options.now());
  const reasons: Record<string, string> = {};
  // Writes a router refused are not reads denied (the hub logs them as refused writes): left out here.
  for (const coordinate of new Set(coordinates)) {
    if (coordinate.startsWith('Mutation.')) continue;
    const decision = decide(coordinate);
    if (!decision.allowed) reasons[coordinate] = decision.reason;
  }
  const logged = Object.keys(reasons);
  if (logged.length)
    await options.log.append({
      kind: 'DENIAL',
      outcome: 'DENIED',
      actor: viewer,
      operationName,
      purpose: headerText(req.headers['x-hub-purpose']),
      caseNumber: headerText(req.headers['x-hub-case-number']),
      coordinates: logged,
      detail: { reasons, via: 'router' },
    });
  return { logged };
}
