import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCode, hubError, type Viewer } from '@hub/schema';
import type { CatalogContext } from '../context.ts';
import type { Refusal } from './refusal.ts';

/**
 * Refuses with a coded, bilingual error; callers write nothing before this. The gateway logs every
 * refusal it receives from a subgraph as a DENIAL with its code (DESIGN §4: every refusal is accounted for).
 */
export function refuse(refusal: Refusal): never {
  throw hubError(refusal.code, refusal.field ?? null, refusal.zh, refusal.en, refusal.extra);
}

/** The signed-in viewer, or an UNAUTHENTICATED refusal for an anonymous caller. */
export function requireViewer(ctx: CatalogContext): Viewer {
  if (ctx.viewer) return ctx.viewer;
  return refuse({ code: ErrorCode.UNAUTHENTICATED, zh: '请先登录（携带令牌）', en: 'sign in first (present a token)' });
}

/** The root field's coordinate (`Mutation.requestAccess`). */
export const fieldOf = (info: GraphQLResolveInfo) => `${info.parentType.name}.${info.fieldName}`;

/** A change that was made, with what it was before and after, for the gateway's operation log. */
export interface Change {
  entity: 'CatalogEntry' | 'AccessRequest' | 'Grant' | 'Finding' | 'VerificationRun';
  key: string | number;
  action: string;
  before: unknown;
  after: unknown;
  coordinates?: string[];
  purpose?: string | null;
  caseNumber?: string | null;
}

/** Reports changes in the response's `extensions.audit`, which only the gateway reads. */
export function reportChanges(ctx: CatalogContext, changes: Change[]): void {
  for (const c of changes) ctx.audit.push({ ...c, key: String(c.key) });
}
