import type { EntryStatus, ShareType } from './catalog.ts';

/**
 * What enforcement needs of the catalog, and nothing more: the one narrow interface between the
 * coordination group's office (`subgraphs/catalog`, which owns the catalog and the grants) and the
 * gateway, which enforces them. The gateway holds a snapshot and refreshes it; it never reads the
 * catalog's tables.
 */
export interface PolicyEntry {
  code: string;
  name: string;
  providerOffice: string;
  shareType: ShareType;
  /** 开放属性: readable without a token. */
  open: boolean;
  status: EntryStatus;
  /** The legal or policy basis of a conditional or not-shared entry, told to whoever is refused. */
  basis: string | null;
  /** The schema coordinates (`Type.field`) of its items. */
  coordinates: string[];
}

/** A grant not revoked (expiry is checked against the clock at each decision). */
export interface PolicyGrant {
  id: number;
  granteeOffice: string;
  coordinates: string[];
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface CatalogSnapshot {
  entries: PolicyEntry[];
  grants: PolicyGrant[];
}

/** Where a snapshot comes from: the catalog office's database in one process, its service across processes. */
export interface CatalogSource {
  load(): Promise<CatalogSnapshot>;
}

/** A snapshot with each coordinate's entry looked up once. */
export interface IndexedSnapshot extends CatalogSnapshot {
  byCoordinate: ReadonlyMap<string, PolicyEntry>;
}

export function indexSnapshot(snapshot: CatalogSnapshot): IndexedSnapshot {
  const byCoordinate = new Map<string, PolicyEntry>();
  for (const entry of snapshot.entries) for (const c of entry.coordinates) byCoordinate.set(c, entry);
  return { ...snapshot, byCoordinate };
}

/** A grant works until it is revoked or its expiry instant passes, whichever is first. */
export type GrantState = 'LIVE' | 'EXPIRED' | 'REVOKED';

export function grantState(grant: Pick<PolicyGrant, 'revokedAt' | 'expiresAt'>, now: Date): GrantState {
  if (grant.revokedAt) return 'REVOKED';
  return grant.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'LIVE';
}

export const isGrantLive = (grant: Pick<PolicyGrant, 'revokedAt' | 'expiresAt'>, now: Date): boolean => grantState(grant, now) === 'LIVE';

/** The snapshot as JSON travels (instants as ISO strings), read back. */
export function reviveSnapshot(json: {
  entries: PolicyEntry[];
  grants: (Omit<PolicyGrant, 'expiresAt' | 'revokedAt'> & { expiresAt: string; revokedAt: string | null })[];
}): CatalogSnapshot {
  return {
    entries: json.entries,
    grants: json.grants.map((g) => ({ ...g, expiresAt: new Date(g.expiresAt), revokedAt: g.revokedAt ? new Date(g.revokedAt) : null })),
  };
}
