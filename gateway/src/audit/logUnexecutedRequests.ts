import type { ApolloServerPlugin } from '@apollo/server';
import { REPLAYED_HEADER } from '../edge/idempotency.ts';
import type { GatewayContext } from '../requestContext.ts';
import type { OperationLog } from './operationLog.ts';
import { rootCoordinates } from './rootCoordinates.ts';

/** Codes that are not a refusal of the caller: an APQ client's first try, and the hub's own failures. */
const NOT_REFUSALS: ReadonlySet<string> = new Set(['PERSISTED_QUERY_NOT_FOUND', 'INTERNAL_SERVER_ERROR']);

/** Errors and root fields kept in one entry, and characters of each message: a refused document can be large, its entry need not be. */
const MAX_LISTED = 20;

const MAX_MESSAGE = 500;

/**
 * Logs, as a DENIAL with the viewer and the codes the caller got, every request refused before the
 * gateway's executor runs, which therefore never reaches `recordOperation`: a document that does not
 * parse (GRAPHQL_PARSE_FAILED, TOO_MANY_TOKENS), fails validation (GRAPHQL_VALIDATION_FAILED) or an
 * operation limit (OPERATION_TOO_DEEP, TOO_MANY_ALIASES …), names no operation it has, is a mutation
 * sent by GET, or has an Idempotency-Key refused; and an operation whose query plan the executor refused
 * before calling anything (TOO_MANY_SUBGRAPH_FETCHES). `detail.stage` says where: PARSE, VALIDATION,
 * REQUEST or PLAN. A request that was executed is logged by the executor's hook instead, and a replayed answer
 * by the idempotency plugin, so no refusal is logged twice.
 */
export function logUnexecutedRequests(log: OperationLog): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let executed = false;
      let stage: 'PARSE' | 'VALIDATION' | 'REQUEST' | 'PLAN' = 'REQUEST';
      return {
        async parsingDidStart() {
          return async (error) => {
            if (error) stage = 'PARSE';
          };
        },
        async validationDidStart() {
          return async (errors) => {
            if (errors?.length) stage = 'VALIDATION';
          };
        },
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ contextValue, response, request, document }) {
          // What the executor's hook logged (recordOperation) is not logged again; an operation refused
          // once the executor had started never reached that hook: its query plan was refused.
          if (contextValue.recorded || response.http.headers.get(REPLAYED_HEADER) || response.body.kind !== 'single') return;
          if (executed) stage = 'PLAN';
          const refusals = (response.body.singleResult.errors ?? []).filter((e) => {
            const code = e.extensions?.code;
            return typeof code === 'string' && !NOT_REFUSALS.has(code);
          });
          if (!refusals.length) return;
          const viewer = contextValue.viewer;
          await log.append({
            kind: 'DENIAL',
            outcome: 'DENIED',
            actor: viewer,
            operationName: request.operationName ?? null,
            coordinates: rootCoordinates(document, request.operationName, MAX_LISTED),
            purpose: contextValue.purpose,
            caseNumber: contextValue.caseNumber,
            detail: {
              stage,
              status: response.http.status ?? null,
              codes: [...new Set(refusals.map((e) => e.extensions!.code as string))],
              // Not the variables: what was refused unread may be any size (the body limit is 1 MiB).
              errors: refusals.slice(0, MAX_LISTED).map((e) => ({ code: e.extensions!.code, message: e.message.slice(0, MAX_MESSAGE) })),
            },
          });
        },
      };
    },
  };
}
