import { describe, expect, it } from 'vitest';
import { findingTransition } from './findingTransition.ts';
import { institutionFindings } from './institutionFindings.ts';
import { insuranceFindings } from './insuranceFindings.ts';
import { nearIdNumbers } from './nearIdNumbers.ts';
import { payrollFindings } from './payrollFindings.ts';
import type { InstitutionFigures, PersonRecord } from './types.ts';

const person = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  idNumber: '411321199208250225',
  ledger: { creditCode: 'C1', category: 'PUBLIC_SERVICE', name: '张三', staffingCardNumber: 'BZ1' },
  cards: [{ number: 'BZ1', creditCode: 'C1', category: 'PUBLIC_SERVICE' }],
  removals: [],
  stopPayNotices: [],
  hr: {
    name: '张三',
    employment: { creditCode: 'C1', type: 'IN_QUOTA', since: '2010-01-01' },
    insurance: { pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true, occupationalAnnuity: true },
  },
  cadre: null,
  payroll: { nameOnRecord: '张三', creditCode: 'C1', onPayroll: true, lastPaidMonth: '2026-10' },
  appliedStopPays: [],
  ...over,
});
const NOW = new Date('2026-11-02T00:00:00Z');

describe('verification checks', () => {
  it('find nothing on a consistent person', () => {
    expect(payrollFindings(person(), NOW)).toEqual([]);
    expect(insuranceFindings(person())).toEqual([]);
  });
  it('PAID_NOT_ON_ROSTER for a removed person still paid; STOP_PAY_NOT_APPLIED instead when a month-old notice is unapplied', () => {
    const removed = person({ ledger: null, cards: [], removals: [{ id: '1', creditCode: 'C1', reason: 'RETIREMENT', effectiveOn: '2026-06-30' }], hr: null });
    expect(payrollFindings(removed, NOW).map((f) => f.type)).toEqual(['PAID_NOT_ON_ROSTER']);
    const notice = { ...removed, stopPayNotices: [{ number: 'TB1', creditCode: 'C1', issuedAt: '2026-07-01T00:00:00Z' }] };
    expect(payrollFindings(notice, NOW).map((f) => f.type)).toEqual(['STOP_PAY_NOT_APPLIED']);
    expect(
      payrollFindings({ ...notice, appliedStopPays: [{ noticeNumber: 'TB1', appliedAt: '2026-07-02', outcome: 'STOPPED' }] }, NOW).map((f) => f.type),
    ).toEqual(['PAID_NOT_ON_ROSTER']);
  });
  it('WRONG_PENSION_ACCOUNT by employment and joining date', () => {
    const agency = (since: string, account: string) =>
      person({
        ledger: null,
        hr: {
          name: '张三',
          employment: { creditCode: 'C1', type: 'PERSONNEL_AGENCY', since },
          insurance: { pensionAccount: account, enrolled: true, occupationalAnnuity: false },
        },
      });
    expect(insuranceFindings(agency('2012-01-01', 'PUBLIC_INSTITUTION_AGENCY'))).toEqual([]);
    expect(insuranceFindings(agency('2016-01-01', 'PUBLIC_INSTITUTION_AGENCY')).map((f) => f.type)).toEqual(['WRONG_PENSION_ACCOUNT']);
    expect(insuranceFindings(agency('2012-01-01', 'ENTERPRISE')).map((f) => f.type)).toEqual(['WRONG_PENSION_ACCOUNT']);
  });
  it('nearIdNumbers: one character apart or two adjacent digits swapped', () => {
    expect(nearIdNumbers('411321199208250225', '411321199208255229')).toBe(false);
    expect(nearIdNumbers('411321199208250225', '411321199208250226')).toBe(true);
    expect(nearIdNumbers('411321199208250225', '411321199208252025')).toBe(true);
    expect(nearIdNumbers('411321199208250225', '411321199208250225')).toBe(false);
  });
  it('institution figures: over quota, funding form, headcount, leadership posts', () => {
    const f: InstitutionFigures = {
      creditCode: 'C1',
      name: 'x',
      level: 'CITY',
      system: 'HEALTH',
      fundingForm: 'FULL',
      leadershipPostsApproved: 2,
      quotas: new Map([['PUBLIC_SERVICE', { approved: 10, occupied: 10 }]]),
      budget: { fundingForm: 'FULL', budgetedHeadcount: 10 },
      employedInQuota: 10,
      leadershipFilled: 2,
    };
    expect(institutionFindings(f)).toEqual([]);
    expect(
      institutionFindings({ ...f, quotas: new Map([['PUBLIC_SERVICE', { approved: 10, occupied: 12 }]]), employedInQuota: 12 }).map((d) => d.type),
    ).toEqual(['OVER_QUOTA']);
    expect(institutionFindings({ ...f, budget: { fundingForm: 'PARTIAL', budgetedHeadcount: 10 } }).map((d) => d.type)).toEqual(['FUNDING_FORM_MISMATCH']);
    expect(institutionFindings({ ...f, leadershipFilled: 3 }).map((d) => d.type)).toEqual(['LEADERSHIP_POSTS_OVER_FILLED']);
    expect(institutionFindings({ ...f, employedInQuota: 9 }).map((d) => d.type)).toEqual(['HEADCOUNT_MISMATCH']);
  });
  it('the workflow: a run confirms a fix, a flagged value is resolved by its owner', () => {
    expect(findingTransition('OPEN', 'ACKNOWLEDGE', false)).toBe('ACKNOWLEDGED');
    expect(findingTransition('ACKNOWLEDGED', 'MARK_FIXED', false)).toBe('FIXED');
    expect(findingTransition('OPEN', 'MARK_FIXED', true)).toBe('RESOLVED');
    expect(findingTransition('RESOLVED', 'EXPLAIN', false)).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
