import { ErrorCode, hubError } from '@hub/schema';
import type { GraphQLFormattedError } from 'graphql';

/** An error as a client or a subgraph writes it. */
export interface ErrorLike {
  message: string;
  path?: readonly (string | number)[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}

const HUB_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * What a coded refusal may carry to a client besides its message: hubError's `field` and the extras
 * its codes document (README, "Deadlines and errors"). Nothing else passes (no stacktrace, host,
 * serviceName or a subgraph's own additions); a new extra needs its name here.
 */
const CLIENT_EXTENSIONS = [
  'code',
  'field',
  'messageZh',
  'messageEn',
  'reason',
  'basis',
  'coordinate',
  'limit',
  'unit',
  'actual',
  'operationField',
  'office',
  'requestId',
] as const;

/**
 * The hub's own refusal (a code of ErrorCode other than INTERNAL_SERVER_ERROR, with both messages),
 * as a client may see it: its message rebuilt from the two languages and only the extensions above,
 * each a plain value. Anything else, null: it is masked.
 */
export function codedRefusal(error: ErrorLike): GraphQLFormattedError | null {
  const extensions = error.extensions ?? {};
  const { code, messageZh, messageEn } = extensions;
  if (typeof code !== 'string' || !HUB_CODES.has(code) || code === ErrorCode.INTERNAL_SERVER_ERROR) return null;
  if (typeof messageZh !== 'string' || typeof messageEn !== 'string') return null;
  const kept = CLIENT_EXTENSIONS.filter((key) => ['string', 'number', 'boolean'].includes(typeof extensions[key])).map((key) => [key, extensions[key]]);
  return { message: `${messageZh} / ${messageEn}`, ...(error.path ? { path: [...error.path] } : {}), extensions: Object.fromEntries(kept) };
}

/**
 * Apollo Server's and graphql-js's refusals of the request itself (its text, its variables, which
 * operation to run): about what the caller sent, never the hub's inside; shown in both languages,
 * the English one graphql-js's own.
 */
const REQUEST_REFUSALS: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '操作文本有语法错误',
  GRAPHQL_VALIDATION_FAILED: '操作与接口定义不符',
  BAD_USER_INPUT: '变量或参数的值无效',
  BAD_REQUEST: '请求无效',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作',
  PERSISTED_QUERY_NOT_FOUND: '未找到该持久化查询',
  PERSISTED_QUERY_NOT_SUPPORTED: '不支持持久化查询',
};

/** graphql-js suggests names of the schema ("Did you mean …?"), also where Apollo's own switch does not reach (variable coercion). */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** Which of three an error is: the hub's coded refusal, a refusal of the request's own text, or an internal failure (masked). */
export function errorKind(error: ErrorLike): 'refusal' | 'request' | 'internal' {
  if (codedRefusal(error)) return 'refusal';
  const code = error.extensions?.code;
  // A subgraph's error carries its serviceName (@apollo/gateway adds it): never the client's request.
  return typeof code === 'string' && code in REQUEST_REFUSALS && error.extensions?.serviceName === undefined ? 'request' : 'internal';
}

/** The generic error a client sees in place of an internal one, at the same path. */
export function internalError(path?: readonly (string | number)[]): GraphQLFormattedError {
  const masked = hubError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    null,
    '服务内部错误，请稍后重试或联系管理员',
    'Internal error; try again later or contact the administrator',
  );
  return { message: masked.message, ...(path ? { path: [...path] } : {}), extensions: masked.extensions };
}

/**
 * The gateway's `formatError`: what of an error reaches a client. The hub's coded refusals (the
 * catalog's FORBIDDEN, an office's OTHER_UNIT, a limit, SUBGRAPH_UNAVAILABLE) pass without internal
 * extensions; the request's own refusals pass in both languages and without suggestions; anything
 * else becomes INTERNAL_SERVER_ERROR at its path, its detail in the server's log (errorPlugin.ts).
 * With `exposeDetails` (EXPOSE_ERROR_DETAILS, development only) the original rides along as `detail`.
 */
export function clientError(formatted: GraphQLFormattedError, exposeDetails: boolean): GraphQLFormattedError {
  const kind = errorKind(formatted);
  const shown =
    kind === 'refusal'
      ? { ...codedRefusal(formatted)!, ...(formatted.locations ? { locations: formatted.locations } : {}) }
      : kind === 'request'
        ? requestRefusal(formatted)
        : internalError(formatted.path);
  if (!exposeDetails || kind === 'request') return shown;
  // A subgraph's failure brings its own detail (subgraphFetch.ts); an internal error is its own.
  const detail = kind === 'internal' ? formatted : formatted.extensions?.detail;
  return detail === undefined ? shown : { ...shown, extensions: { ...shown.extensions, detail } };
}

function requestRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions!.code as string;
  const zh = REQUEST_REFUSALS[code]!;
  const en = formatted.message.replace(SUGGESTION, '');
  return { message: `${zh} / ${en}`, ...(formatted.locations ? { locations: formatted.locations } : {}), extensions: { code, messageZh: zh, messageEn: en } };
}
