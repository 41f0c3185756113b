import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ErrorCode, hubError, logError } from '@hub/schema';
import { type ServiceName, SUBGRAPHS } from '@hub/schema/contracts';
import { type GraphQLFormattedError, parse } from 'graphql';
import { codedRefusal, type ErrorLike } from './errors/clientErrors.ts';
import { fetchPaths, type ResponsePath } from './errors/fetchPaths.ts';

/** How long the gateway waits for the offices (README, "Deadlines and errors"). */
export interface Deadlines {
  /** One fetch of the query plan from one subgraph. */
  subgraphTimeoutMs: number;
  /** The whole request, from its arrival: no fetch starts after it, and one under way is cut off at it. */
  requestDeadlineMs: number;
}

/** An office answers the hub's own queries in tens of milliseconds; seconds mean it is stuck, and a person is waiting. */
export const DEFAULT_DEADLINES: Deadlines = Object.freeze({ subgraphTimeoutMs: 5000, requestDeadlineMs: 10_000 });

/** Why an office's fields are missing (SUBGRAPH_UNAVAILABLE's `reason`). */
type Reason = 'TIMEOUT' | 'DEADLINE' | 'UNREACHABLE' | 'BAD_RESPONSE' | 'ERROR';

class SubgraphFailure extends Error {
  constructor(
    readonly reason: Reason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Node's own network errors (ECONNREFUSED, ECONNRESET, ENOTFOUND …) and undici's socket errors (the
 * connection closed or reset under a request, no connection within its time) mean the office cannot be reached.
 */
const UNREACHABLE_CODES = /^(E[A-Z]+|UND_ERR_(SOCKET|CLOSED|CONNECT_TIMEOUT|DESTROYED))$/;

function failureOf(error: unknown): SubgraphFailure {
  if (error instanceof SubgraphFailure) return error;
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code === 'string' && UNREACHABLE_CODES.test(code)) return new SubgraphFailure('UNREACHABLE', String(error), { cause: error });
  // A status other than 2xx (RemoteGraphQLDataSource.errorFromResponse), a body that is not JSON, or not a GraphQL answer.
  return new SubgraphFailure('BAD_RESPONSE', String(error), { cause: error });
}

/** What the guard reads of the request's context (GatewayContext has both). */
interface DeadlineContext {
  requestId?: string;
  receivedAt?: number;
}

/** Which office a data source serves, and how it is held to the deadlines. */
export interface Guard {
  office: ServiceName;
  deadlines: Deadlines;
  /** Development only: the failure's detail rides along as `extensions.detail`. */
  exposeDetails: boolean;
}

/** RemoteGraphQLDataSource's (private) last step: didReceiveResponse, then the subgraph's cache-control into the request's policy. */
interface Responder<TContext> {
  respond(options: {
    response: GatewayGraphQLResponse;
    request: GatewayGraphQLRequest;
    context: TContext;
    overallCachePolicy: unknown;
    pathInIncomingRequest: ResponsePath | undefined;
  }): Promise<GatewayGraphQLResponse>;
}

/** One fetch of an operation's query plan (not a health check or a schema load). */
// biome-ignore lint/suspicious/noExplicitAny: RemoteGraphQLDataSource's own bound on its context.
type IncomingFetch<TContext extends Record<string, any>> = Extract<GraphQLDataSourceProcessOptions<TContext>, { incomingRequestContext: unknown }>;

/**
 * A subgraph's data source held to the deadlines: each fetch gets the subgraph timeout or what is
 * left of the request's deadline, whichever is shorter, and is aborted then (the signal reaches
 * whatever fetcher the data source has). An office that fails (refused, hung, slow, an HTTP error, a
 * body that is not a GraphQL answer, an error of its own) yields SUBGRAPH_UNAVAILABLE at the fields
 * this fetch would have filled, so @apollo/gateway keeps every other office's data; the office's
 * coded refusals (OTHER_UNIT, FORBIDDEN …) pass, stripped of anything else. The detail (URL,
 * status, body, stack) goes to the server's log under the request's id, never to the client unless
 * `exposeDetails`. Configured as RemoteGraphQLDataSource is, with `guard` besides.
 */
// biome-ignore lint/suspicious/noExplicitAny: RemoteGraphQLDataSource's own bound on its context.
export class GuardedDataSource<TContext extends Record<string, any> & DeadlineContext> extends RemoteGraphQLDataSource<TContext> {
  declare guard: Guard;

  constructor(config: Partial<RemoteGraphQLDataSource<TContext>> & { guard: Guard }) {
    super(config);
  }

  /**
   * RemoteGraphQLDataSource.process for one fetch of a query plan, the same steps (the request's
   * headers and content type, willSendRequest, the body serialised once, a status other than 2xx an
   * error, the answer JSON, didReceiveResponse and the cache policy) with the fetch's abort signal
   * handed to the fetcher, and the headers in a Map (willSendRequest sets on it as on Headers): no
   * node-fetch Headers and Request built for every fetch only to be copied into plain objects again.
   */
  async #send(options: IncomingFetch<TContext>, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    const { request, context, incomingRequestContext } = options;
    const headers = new Map<string, string>();
    for (const [name, value] of request.http?.headers ?? []) headers.set(name.toLowerCase(), value);
    headers.set('content-type', 'application/json');
    request.http = { method: 'POST', url: this.url, headers } as never;
    await this.willSendRequest?.(options);
    if (!request.query) throw new Error('Missing query');
    const { http: _, ...body } = request;
    const response = await this.fetcher(this.url, { method: 'POST', headers: Object.fromEntries(headers), body: JSON.stringify(body), signal });
    if (!response.ok) throw await this.errorFromResponse(response);
    const parsed = await this.parseBody(response, undefined, context);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${parsed}`);
    const policy = incomingRequestContext.overallCachePolicy;
    return (this as unknown as Responder<TContext>).respond({
      response: { ...parsed, http: response } as GatewayGraphQLResponse,
      request,
      context,
      overallCachePolicy: this.honorSubgraphCacheControlHeader && policy && 'restrict' in policy ? policy : null,
      pathInIncomingRequest: options.pathInIncomingRequest,
    });
  }

  override async process(request: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayGraphQLResponse> {
    // Health checks and schema loading (the gateway runs on a supergraph file, so neither happens) go as they are.
    if (!('incomingRequestContext' in request)) return super.process(request);
    const { office, deadlines } = this.guard;
    const requestId = request.context.requestId ?? '-';
    const url = this.url;
    const unavailable = (reason: Reason, path: ResponsePath | undefined, detail: string) => this.#unavailable(reason, path, detail);
    /** SUBGRAPH_UNAVAILABLE at every field this fetch would have filled (one error without a path if it asked for none). */
    const atItsFields = (reason: Reason, detail: string) => {
      const paths = fetchPaths(request.document ?? parse(request.request.query!), request.request.variables);
      return (paths.length ? paths : [undefined]).map((path) => unavailable(reason, path, detail));
    };
    const failed = (failure: SubgraphFailure): GatewayGraphQLResponse => {
      logError(
        { source: `gateway: ${office} at ${url} unavailable (${failure.reason})`, requestId, variables: request.request.variables },
        failure.cause ?? failure,
      );
      return { errors: atItsFields(failure.reason, failure.message) };
    };

    const left = (request.context.receivedAt ?? performance.now()) + deadlines.requestDeadlineMs - performance.now();
    if (left <= 0) return failed(new SubgraphFailure('DEADLINE', `the request's ${deadlines.requestDeadlineMs} ms had passed before this fetch`));
    const [timeout, reason]: [number, Reason] = deadlines.subgraphTimeoutMs <= left ? [deadlines.subgraphTimeoutMs, 'TIMEOUT'] : [left, 'DEADLINE'];
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new SubgraphFailure(reason, `no answer within ${Math.round(timeout)} ms`)), timeout);
    // The abort ends the wait even where the fetch cannot be interrupted (a hook that hangs before it).
    const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true }));
    try {
      return checked(await Promise.race([this.#send(request, controller.signal), aborted]));
    } catch (error) {
      return failed(controller.signal.aborted ? (controller.signal.reason as SubgraphFailure) : failureOf(error));
    } finally {
      clearTimeout(timer);
    }

    /** The office's answer, each error it sent either a coded refusal or SUBGRAPH_UNAVAILABLE (its detail logged). */
    function checked(response: GatewayGraphQLResponse): GatewayGraphQLResponse {
      const data = response.data;
      const representations = request.request.variables?.representations;
      const shaped =
        (data === null || (typeof data === 'object' && !Array.isArray(data))) &&
        (!Array.isArray(representations) || data === null || (Array.isArray(data._entities) && data._entities.length === representations.length));
      if (!response.errors?.length) {
        if (data && shaped) return response;
        throw new SubgraphFailure('BAD_RESPONSE', `not a GraphQL answer to this fetch: ${JSON.stringify(response).slice(0, 500)}`);
      }
      // A request the office refused as a whole, before any resolver ran (INPUT_TOO_LONG): its refusals as they are.
      if (data === undefined || data === null) {
        const refusals = (response.errors as readonly ErrorLike[]).map(codedRefusal);
        if (refusals.every((r) => r !== null)) return { errors: refusals as GraphQLFormattedError[] };
      }
      const errors: GraphQLFormattedError[] = [];
      const unplaced: string[] = [];
      for (const error of response.errors as readonly ErrorLike[]) {
        const refusal = codedRefusal(error);
        if (refusal) errors.push(refusal);
        else {
          logError({ source: `gateway: ${office} answered an error`, requestId, variables: request.request.variables }, new Error(JSON.stringify(error)));
          if (error.path && data && shaped) errors.push(unavailable('ERROR', [...error.path], error.message));
          else unplaced.push(error.message);
        }
      }
      if (unplaced.length || !shaped) errors.push(...atItsFields(shaped ? 'ERROR' : 'BAD_RESPONSE', unplaced.join('; ')));
      return shaped ? { data, errors } : { errors };
    }
  }

  /** The coded, bilingual error a client sees at a field of the office that failed; `detail` only with exposeDetails. */
  #unavailable(reason: Reason, path: ResponsePath | undefined, detail: string): GraphQLFormattedError {
    const { office, exposeDetails } = this.guard;
    const { office: zh, officeEn: en } = SUBGRAPHS.find((s) => s.name === office)!;
    const error = hubError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      null,
      `${zh}暂时无法提供数据，其字段为空；其他部门的数据照常返回`,
      `${en} is unavailable: its fields are null; the other offices' data is returned as usual`,
      { office, reason, ...(exposeDetails ? { detail } : {}) },
    );
    return { message: error.message, ...(path ? { path } : {}), extensions: error.extensions };
  }
}
