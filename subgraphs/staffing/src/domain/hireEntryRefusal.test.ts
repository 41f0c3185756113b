import { describe, expect, it } from 'vitest';
import { hireEntryRefusal } from './hireEntryRefusal.ts';

const approval = { persons: 2, used: 1, validUntil: '2027-05-31', withdrawnOn: null };
const newcomer = { activeCards: 0, onLedger: false };

describe('hireEntryRefusal', () => {
  it('enters a newcomer against an approval that still admits someone, expired or not (HR checks the validity)', () => {
    expect(hireEntryRefusal(approval, newcomer)).toBeNull();
    expect(hireEntryRefusal({ ...approval, validUntil: '2020-01-01' }, newcomer)).toBeNull();
  });
  it('refuses without an approval, after a withdrawal, and when every person is in', () => {
    expect(hireEntryRefusal(null, newcomer)).toBe('APPROVAL_NOT_FOUND');
    expect(hireEntryRefusal({ ...approval, withdrawnOn: '2026-12-01' }, newcomer)).toBe('APPROVAL_WITHDRAWN');
    expect(hireEntryRefusal({ ...approval, used: 2 }, newcomer)).toBe('APPROVAL_USED');
  });
  it('refuses a second card or ledger entry for one person', () => {
    expect(hireEntryRefusal(approval, { activeCards: 1, onLedger: false })).toBe('ALREADY_IN_QUOTA');
    expect(hireEntryRefusal(approval, { activeCards: 0, onLedger: true })).toBe('ALREADY_IN_QUOTA');
  });
});
