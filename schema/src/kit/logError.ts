import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { maskPersonalData, maskText, personalTextsIn } from './maskPersonalData.ts';
import { logger } from './observability/logger.ts';

/** Where an error was met, and what the request carried that may reappear in it. */
export interface LogContext {
  /** Who logs: `hub`, `gateway`, `catalog snapshot` … */
  source: string;
  /** The request id the client was given, when there is one. */
  requestId?: string | null;
  /** The request's variables: never logged, only masked wherever they reappear in the error. */
  variables?: unknown;
}

/** A failed query as drizzle reports it (`DrizzleQueryError`): its message repeats every parameter. */
interface FailedQuery {
  query: string;
  params: unknown[];
}

const isFailedQuery = (error: unknown): error is Error & FailedQuery =>
  error instanceof Error && typeof (error as Partial<FailedQuery>).query === 'string' && Array.isArray((error as Partial<FailedQuery>).params);

/** Fields of a PostgreSQL error (postgres.js, PGlite) worth a line; `detail` may hold a whole row. */
const DATABASE_FIELDS = ['code', 'detail', 'hint', 'table_name', 'table', 'column_name', 'column', 'constraint_name', 'constraint'] as const;

/** The error and its causes, one after the other; the stack's frames only (its first line repeats the message). */
function describe(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error)) return [String(error)];
  const head = isFailedQuery(error)
    ? `${error.name}: Failed query: ${error.query}\nparams: ${error.params.map((p) => (typeof p === 'string' ? maskText(p) : String(p))).join(', ')}`
    : `${error.name}: ${error.message}`;
  const fields = DATABASE_FIELDS.flatMap((key) => {
    const value = (error as unknown as Record<string, unknown>)[key];
    return typeof value === 'string' && value ? [`  ${key}: ${value}`] : [];
  });
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const cause = error.cause !== undefined && depth < 4 ? ['caused by', ...describe(error.cause, depth + 1)] : [];
  return [head, ...fields, ...frames, ...cause];
}

/** Strings a failed query of the error or its causes was given. */
function parametersOf(error: unknown, depth = 0): unknown[] {
  if (!(error instanceof Error) || depth > 4) return [];
  return [...(isFailedQuery(error) ? error.params : []), ...parametersOf(error.cause, depth + 1)];
}

/** The text `logError` writes: the error, its causes and frames, personal data masked. */
export function describeForLog(context: LogContext, error: unknown): string {
  const known = personalTextsIn([parametersOf(error), context.variables ?? null]);
  return maskPersonalData(describe(error).join('\n'), known);
}

/**
 * The one way the hub's servers log an error, as one line of the hub's logger: `source` (who met it),
 * `requestId` (when there is one) and `error` (the error, its causes and frames), with `msg` its first
 * line. ID numbers and the known personal values (the failed query's parameters, the request's
 * variables) are masked wherever they appear; the variables themselves are never written. A log
 * reader sees what failed and where, not whom it concerned.
 */
export function logError(context: LogContext, error: unknown, level: 'error' | 'warn' = 'error'): void {
  const text = describeForLog(context, error);
  logger[level]({ source: context.source, ...(context.requestId ? { requestId: context.requestId } : {}), error: text }, text.split('\n', 1)[0]);
}

/**
 * Apollo's logger for the hub's servers: its warnings and errors (an unexpected failure of a request)
 * go through `logError`; its debug and info lines ("Gateway successfully loaded schema") are dropped,
 * as the gateway's own default logger dropped them.
 */
export const hubLogger: NonNullable<ApolloServerOptions<BaseContext>['logger']> = {
  debug: () => {},
  info: () => {},
  warn: (...message: unknown[]) => logError({ source: 'apollo' }, message.length === 1 ? message[0] : message.map(String).join(' '), 'warn'),
  error: (...message: unknown[]) => logError({ source: 'apollo' }, message.length === 1 ? message[0] : message.map(String).join(' ')),
};
