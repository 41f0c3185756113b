import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode, type AuditRecord, type Viewer } from '@hub/schema';
import type { OperationLog } from './audit/operationLog.ts';
import { requestInfo } from './errors/requestInfo.ts';
import { requestViewer } from './identity/authenticate.ts';
import type { TokenService } from './identity/tokens.ts';

/** The gateway's per-request context. */
export interface GatewayContext {
  viewer: Viewer | null;
  /** Why the caller reads (X-Hub-Purpose), logged with every cross-office read. */
  purpose: string | null;
  /** The case the read serves, such as an approval-form number (X-Hub-Case-Number). */
  caseNumber: string | null;
  /** Rows the subgraphs report this request's writes changed (their `extensions.audit`), with who reported them. */
  audit: ReportedChange[];
  /** Set once the executor's hook has logged this operation, so that nothing else logs it again. */
  recorded?: true;
  /** The id the client gets in X-Request-Id and on masked errors, and the server's log keeps beside their detail. */
  requestId: string;
  /** When the request arrived (performance.now()): its deadline runs from here. */
  receivedAt: number;
}

/** A change as a subgraph reported it, and which subgraph that was. */
export type ReportedChange = AuditRecord & { subgraph: string };

/** Header values are Latin-1 on the wire: Chinese text comes percent-encoded. */
function headerText(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).slice(0, 500);
  } catch {
    return raw.slice(0, 500);
  }
}

/**
 * Reads who is calling. A missing token is a public caller; a malformed, expired or forged one is
 * refused with 401 and the refusal is logged.
 */
export function createRequestContext(tokens: TokenService, log: OperationLog) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const purpose = headerText(req.headers['x-hub-purpose']);
    const caseNumber = headerText(req.headers['x-hub-case-number']);
    const { id: requestId, receivedAt } = requestInfo(req);
    try {
      return { viewer: await requestViewer(req, tokens), purpose, caseNumber, audit: [], requestId, receivedAt };
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.UNAUTHENTICATED) throw error;
      await log.append({
        kind: 'AUTH',
        outcome: 'DENIED',
        purpose,
        caseNumber,
        detail: { code: error.extensions.reason, message: error.extensions.messageEn },
      });
      throw error;
    }
  };
}
