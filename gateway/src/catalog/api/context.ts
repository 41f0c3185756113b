import { GraphQLError } from 'graphql';
import type { OperationLog } from '../../audit/operationLog.ts';
import { OFFICES, ROLES, type Office, type Role } from '../../identity/roles.ts';
import type { Viewer } from '../../identity/viewer.ts';
import type { CatalogStore } from '../catalogStore.ts';

/**
 * Per-request context of the catalog subgraph. `now` is a clock so tests (and a replay) can move
 * time; `holidays` are the official non-working days (YYYY-MM-DD) the 10-working-day answer period
 * skips. Build a new object per request: per-request caches hang on it (see requestCache.ts).
 */
export interface CatalogApiContext {
  /** Who the gateway vouches for; null for an anonymous (public) caller. */
  viewer: Viewer | null;
  store: CatalogStore;
  log: OperationLog;
  now: () => Date;
  holidays?: ReadonlySet<string>;
}

/**
 * The viewer a gateway credential carries (`verifyGatewayCredential` types its office and role as
 * strings) narrowed to the gateway's own Viewer. The gateway signs only viewers it built itself, so an
 * unknown office or role means mismatched versions: refused, never read as anonymous.
 */
export function toCatalogViewer(viewer: { office: string; role: string; sub: string; unit?: string | undefined } | null): Viewer | null {
  if (!viewer) return null;
  const { office, role, sub, unit } = viewer;
  if (!(OFFICES as readonly string[]).includes(office) || !(ROLES as readonly string[]).includes(role) || !sub) {
    throw new GraphQLError('凭证中的身份无法识别 / the credential names an unknown office or role', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  return { office: office as Office, role: role as Role, sub, ...(unit ? { unit } : {}) };
}
