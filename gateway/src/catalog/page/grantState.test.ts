import { describe, expect, it } from 'vitest';
import { grantState } from './grantState.ts';

describe('grantState', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  it('is live before expiry, expired from the expiry instant on, and revoked whatever the expiry', () => {
    expect(grantState({ revokedAt: null, expiresAt: new Date('2026-12-01T02:00:01Z') }, now)).toBe('LIVE');
    expect(grantState({ revokedAt: null, expiresAt: now }, now)).toBe('EXPIRED');
    expect(grantState({ revokedAt: new Date('2026-11-01T00:00:00Z'), expiresAt: new Date('2027-01-01T00:00:00Z') }, now)).toBe('REVOKED');
  });
});
