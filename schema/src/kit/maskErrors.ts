import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode, hubError } from './errors.ts';
import { logError } from './logError.ts';

/**
 * Errors the hub raised on purpose (coded GraphQLErrors) pass as they are; anything else (a database
 * error, a bug) is logged and replaced by a generic coded error, so no SQL or stack reaches a client.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  logError({ source: 'hub' }, original);
  const masked = hubError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    null,
    '服务内部错误，请稍后重试或联系管理员',
    'Internal error; try again later or contact the administrator',
  );
  return { ...masked.toJSON(), locations: formatted.locations, path: formatted.path };
}
