import { describe, expect, it } from 'vitest';
import { requestOverdue } from './requestOverdue.ts';

describe('requestOverdue', () => {
  const pending = { status: 'PENDING' as const, dueOn: '2026-11-16' };
  it('is false through the due day in Beijing and true from the next Beijing midnight', () => {
    expect(requestOverdue(pending, new Date('2026-11-16T15:59:59Z'))).toBe(false);
    expect(requestOverdue(pending, new Date('2026-11-16T16:00:00Z'))).toBe(true);
  });
  it('is false for a request already answered or withdrawn, however late', () => {
    const late = new Date('2027-01-01T00:00:00Z');
    expect((['APPROVED', 'REFUSED', 'WITHDRAWN'] as const).map((status) => requestOverdue({ ...pending, status }, late))).toEqual([false, false, false]);
  });
});
