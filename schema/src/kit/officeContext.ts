import type { AuditRecord } from './audit.ts';
import type { Viewer } from './roles.ts';

/** What every office's resolvers receive per request; an office adds only its own database and loaders. */
export interface OfficeContext<TDb, TLoaders> {
  db: TDb;
  /** Per-request DataLoaders: made with the context, never shared between requests. */
  loaders: TLoaders;
  /** Who the gateway vouches for; null for a public caller. A UNIT_OPERATOR sees only viewer.unit's rows. */
  viewer: Viewer | null;
  /** The subgraph's clock (grant expiry, due dates); tests move it. */
  now: () => Date;
  /** Rows this request's writes changed, before and after, for the gateway's operation log. */
  audit: AuditRecord[];
}

/**
 * An office's `createContext` from its `createLoaders`: each call is a fresh context, with fresh
 * loaders, so no batch or cache outlives its request.
 */
export function officeContext<TDb, TLoaders>(createLoaders: (db: TDb) => TLoaders) {
  return (db: TDb, viewer: Viewer | null = null, now: () => Date = () => new Date()): OfficeContext<TDb, TLoaders> => ({
    db,
    loaders: createLoaders(db),
    viewer,
    now,
    audit: [],
  });
}
