import type { GrantRow } from '../catalogStore.ts';

export type GrantState = 'LIVE' | 'EXPIRED' | 'REVOKED';

/** A grant works until it is revoked or its expiry passes (the policy checks the same at each read). */
export function grantState(grant: Pick<GrantRow, 'revokedAt' | 'expiresAt'>, now: Date): GrantState {
  if (grant.revokedAt) return 'REVOKED';
  return grant.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'LIVE';
}
