import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, hubError, logError } from '@hub/schema';
import { errorKind } from './clientErrors.ts';

/** The codes whose detail stays in the server's log: the client gets the request id to quote instead. */
const MASKED: ReadonlySet<unknown> = new Set([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SUBGRAPH_UNAVAILABLE]);

const badRequest = (reason: string, zh: string, en: string) => hubError(ErrorCode.BAD_REQUEST, null, zh, en, { reason, http: { status: 400 } });

/**
 * The gateway's error handling around each request (clientErrors.ts masks): a document whose
 * operation cannot be told (several operations and no operationName, or an unknown one) is a 400
 * before anything is planned; an internal error's full detail goes to the server's log under the
 * request's id; and every masked error in the answer carries that id as `extensions.requestId`.
 */
export function errorPlugin(): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          throw request.operationName == null
            ? badRequest(
                'OPERATION_NAME_REQUIRED',
                '文档含多个操作，须以 operationName 指明执行哪一个',
                'The document has several operations: name the one to run in operationName',
              )
            : badRequest('UNKNOWN_OPERATION_NAME', '文档中没有 operationName 所指的操作', 'The document has no operation of the given operationName');
        },
        async didEncounterErrors({ contextValue, errors, request }) {
          for (const error of errors) {
            if (errorKind(error) !== 'internal') continue;
            const original = error.originalError ?? error;
            logError(
              { source: `gateway: internal error at ${JSON.stringify(error.path ?? null)}`, requestId: contextValue.requestId, variables: request.variables },
              original,
            );
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            MASKED.has(error.extensions?.code) ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } } : error,
          );
        },
      };
    },
  };
}
