import type { GraphQLResolveInfo } from 'graphql';
import type { LogEntryInput } from '../../audit/operationLog.ts';
import type { Viewer } from '../../identity/viewer.ts';
import { catalogError } from '../catalogError.ts';
import type { CatalogApiContext } from './context.ts';
import { CatalogErrorCode, type Refusal } from './domain/refusal.ts';

export const actorOf = (viewer: Viewer | null): LogEntryInput['actor'] =>
  viewer && { office: viewer.office, role: viewer.role, sub: viewer.sub, ...(viewer.unit ? { unit: viewer.unit } : {}) };

/** The root field's coordinate (`Mutation.requestAccess`), so the log can be searched by it. */
const fieldOf = (info: GraphQLResolveInfo) => `${info.parentType.name}.${info.fieldName}`;

/**
 * Refuses: the DENIAL is in the operation log before the client hears of it (DESIGN §4: every refusal
 * is accounted for), then the coded error is thrown. Callers write nothing before this.
 */
export async function refuse(ctx: CatalogApiContext, info: GraphQLResolveInfo, refusal: Refusal, args: Record<string, unknown> = {}): Promise<never> {
  await ctx.log.append({
    kind: 'DENIAL',
    outcome: 'DENIED',
    actor: actorOf(ctx.viewer),
    operationName: info.operation.name?.value ?? null,
    coordinates: [fieldOf(info)],
    detail: { field: fieldOf(info), code: refusal.code, reason: `${refusal.zh} / ${refusal.en}`, args, ...refusal.extra },
  });
  throw catalogError(refusal.code, refusal.zh, refusal.en, refusal.extra);
}

/** The signed-in viewer, or an UNAUTHENTICATED refusal (logged) for an anonymous caller. */
export async function requireViewer(ctx: CatalogApiContext, info: GraphQLResolveInfo, args: Record<string, unknown> = {}): Promise<Viewer> {
  if (ctx.viewer) return ctx.viewer;
  return refuse(ctx, info, { code: CatalogErrorCode.UNAUTHENTICATED, zh: '请先登录（携带令牌）', en: 'sign in first (present a token)' }, args);
}

/** A change that was made, with what it was before and after. */
export interface Change {
  kind: 'CATALOG' | 'REQUEST' | 'GRANT';
  action: string;
  before: unknown;
  after: unknown;
  coordinates?: string[];
  purpose?: string | null;
  caseNumber?: string | null;
}

/** The log entries of changes, which the store writes in the changes' own transaction. */
export function changeEntries(ctx: CatalogApiContext, info: GraphQLResolveInfo, changes: Change[]): LogEntryInput[] {
  return changes.map((c) => ({
      kind: c.kind,
      outcome: 'ALLOWED' as const,
      actor: actorOf(ctx.viewer),
      operationName: info.operation.name?.value ?? null,
      coordinates: [fieldOf(info), ...(c.coordinates ?? [])],
      purpose: c.purpose ?? null,
      caseNumber: c.caseNumber ?? null,
      detail: { field: fieldOf(info), action: c.action, before: c.before, after: c.after },
  }));
}
