import { describe, expect, it } from 'vitest';
import { nextVacantSince } from './vacantSince.ts';

describe('nextVacantSince', () => {
  it('starts today when a full quota gains a vacancy', () => expect(nextVacantSince(null, 1, '2026-12-02')).toBe('2026-12-02'));
  it('keeps its day while some vacancy remains', () => expect(nextVacantSince('2024-05-01', 3, '2026-12-02')).toBe('2024-05-01'));
  it('clears when the quota is full', () => expect(nextVacantSince('2024-05-01', 0, '2026-12-02')).toBeNull());
  it('clears when the quota is over', () => expect(nextVacantSince('2024-05-01', -2, '2026-12-02')).toBeNull());
});
