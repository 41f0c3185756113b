import { describe, expect, it } from 'vitest';
import { approvalRemaining, approvalStatus, approvalValidUntil, unusedApprovedOnOrBefore } from './approvalStatus.ts';

const approval = { persons: 2, used: 0, validUntil: '2026-12-14', withdrawnOn: null };

describe('approvalStatus', () => {
  it('is ACTIVE through its last valid day, EXPIRED after it', () => {
    expect(approvalStatus(approval, '2026-12-14')).toBe('ACTIVE');
    expect(approvalStatus(approval, '2026-12-15')).toBe('EXPIRED');
  });
  it('is USED when every person is entered, WITHDRAWN once withdrawn, whatever the date', () => {
    expect(approvalStatus({ ...approval, used: 2 }, '2027-03-01')).toBe('USED');
    expect(approvalStatus({ ...approval, used: 1, withdrawnOn: '2026-12-20' }, '2026-12-20')).toBe('WITHDRAWN');
  });
  it('counts the persons still admitted: none once withdrawn', () => {
    expect([approvalRemaining(approval), approvalRemaining({ ...approval, used: 1 }), approvalRemaining({ ...approval, withdrawnOn: '2026-12-20' })]).toEqual([
      2, 1, 0,
    ]);
  });
});

describe('validity and the unused list', () => {
  it('runs for whole calendar months less a day, and lists what was approved that many months ago or earlier', () => {
    expect(approvalValidUntil('2026-06-15', 6)).toBe('2026-12-14');
    expect(approvalValidUntil('2026-08-31', 6)).toBe('2027-02-27');
    expect(approvalValidUntil('2026-12-01', 1)).toBe('2026-12-31');
    expect(unusedApprovedOnOrBefore('2026-12-15', 6)).toBe('2026-06-15');
  });
});
