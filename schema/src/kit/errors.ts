import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/**
 * Every error code the hub raises, subgraphs, catalog and gateway alike; the list is the contract
 * departments' apps switch on. A finer cause travels beside the code as `extensions.reason`.
 */
export const ErrorCode = {
  INVALID_ID_NUMBER: 'INVALID_ID_NUMBER',
  /** A valid ID number whose birth date no member of staff can have (see `requireStaffBirthDate`). */
  STAFF_AGE_OUT_OF_RANGE: 'STAFF_AGE_OUT_OF_RANGE',
  INVALID_CREDIT_CODE: 'INVALID_CREDIT_CODE',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  /** No token, or one the gateway refuses (`reason`: TOKEN_MISSING, TOKEN_EXPIRED …); a subgraph called without the gateway's credential. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The catalog denies the field (`reason`, `coordinate`), or the viewer may not do this (`reason`: OTHER_UNIT, WRITE_NOT_OWNER …). */
  FORBIDDEN: 'FORBIDDEN',
  /** The catalog entry is NOT_SHARED: no request can be made; `extensions.basis` says why. */
  NOT_SHAREABLE: 'NOT_SHAREABLE',
  /** The decider made the access request, or belongs to the requesting office. */
  SELF_APPROVAL: 'SELF_APPROVAL',
  /**
   * The gateway could not read the HTTP request (the body is not JSON), or not tell which operation to
   * run (`reason`: OPERATION_NAME_REQUIRED, UNKNOWN_OPERATION_NAME); Apollo Server's own refusals of a
   * request (an empty query, variables that are not an object) carry this code too.
   */
  BAD_REQUEST: 'BAD_REQUEST',
  /** The HTTP request's body is larger than the gateway accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A mutation's Idempotency-Key header is empty, too long or has characters outside its set (400). */
  IDEMPOTENCY_KEY_INVALID: 'IDEMPOTENCY_KEY_INVALID',
  /** The caller already used this Idempotency-Key for another request (operation, name or variables differ) (422). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key has not been answered yet: retry after `Retry-After` (409). */
  IDEMPOTENCY_KEY_IN_FLIGHT: 'IDEMPOTENCY_KEY_IN_FLIGHT',
  /** The operation nests deeper than the gateway's limit (`extensions.limit`). */
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  /** More aliased fields than the limit. */
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  /** More fields at the operation's root than the limit. */
  TOO_MANY_ROOT_FIELDS: 'TOO_MANY_ROOT_FIELDS',
  /** More directives than the limit. */
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  /** The document has more lexical tokens than the limit. */
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  /** More fragment spreads written in the document than the limit. */
  TOO_MANY_FRAGMENT_SPREADS: 'TOO_MANY_FRAGMENT_SPREADS',
  /** More fields than the limit once the fragments are expanded (a fragment bomb). */
  OPERATION_TOO_LARGE: 'OPERATION_TOO_LARGE',
  /** The operation's estimated cost (objects it would resolve, lists multiplied by their sizes) is above the limit. */
  OPERATION_TOO_COSTLY: 'OPERATION_TOO_COSTLY',
  /** The query plan would call subgraphs more times than the limit. */
  TOO_MANY_SUBGRAPH_FETCHES: 'TOO_MANY_SUBGRAPH_FETCHES',
  /** A string or list argument is longer than its schema's `@maxLength` / `@maxItems` (`field`: the argument path; `limit`, `unit`, `actual`). */
  INPUT_TOO_LONG: 'INPUT_TOO_LONG',
  /**
   * An office did not answer in time or not in a form the hub passes on (`extensions.office`; `reason`:
   * TIMEOUT, DEADLINE, UNREACHABLE, BAD_RESPONSE, ERROR): its fields are null at the error's paths, the
   * other offices' data stays. Details stay in the server's log under `extensions.requestId`.
   */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A quota movement names a category the source institution has no approved quota of (`field`). */
  NO_QUOTA: 'NO_QUOTA',
  /** Fewer vacancies than the operation needs (`limit`: vacancies there are, `actual`: asked; `reason`: SOURCE or TARGET). */
  NO_VACANCY: 'NO_VACANCY',
  /** The operation would leave an institution below its occupied + reserved, i.e. over quota (`limit`: what may go, `actual`: asked). */
  OVER_QUOTA: 'OVER_QUOTA',
  /** An allocation asks more than the central vacancy pool holds (`limit`: in the pool, `actual`: asked). */
  POOL_INSUFFICIENT: 'POOL_INSUFFICIENT',
  /** A level change would take a level's total above the ceiling the higher level approved (`limit`: room left, `actual`: asked). */
  REGION_CEILING_EXCEEDED: 'REGION_CEILING_EXCEEDED',
  /** The caller sent more requests than its rate limit (HTTP 429; `extensions.retryAfter` in seconds, as the Retry-After header). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Something failed that the client cannot fix; details stay in the server's log under `extensions.requestId`. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The one way the hub tells a client no: a coded GraphQL error carrying both languages. `message` is
 * "中文 / English" so a plain client shows both; `extensions` carries the parts for apps:
 * `{ code, field?, messageZh, messageEn, ...extra }`. `field` is the argument at fault (null: none);
 * `extra` adds what the code needs (`reason`, `basis`, `coordinate`, or `http: { status }`, which
 * Apollo Server turns into the response's status and leaves out of the body).
 */
export function hubError(
  code: ErrorCode,
  field: string | null,
  zh: string,
  en: string,
  extra: Record<string, unknown> = {},
  options: Omit<GraphQLErrorOptions, 'extensions'> = {},
): GraphQLError {
  return new GraphQLError(`${zh} / ${en}`, {
    ...options,
    extensions: { code, ...(field === null ? {} : { field }), messageZh: zh, messageEn: en, ...extra },
  });
}
