import { describe, expect, it } from 'vitest';
import type { EntryRow, ItemRow, RequestRow } from '../db/queries.ts';
import { checkAccessRequest } from './accessRequestRules.ts';
import { beijingDay, endOfBeijingDay } from '@hub/schema';
import { isGrantLive } from '@hub/schema/contracts';
import { isCalendarDate } from '@hub/schema';
import { checkDecision } from './decisionRules.ts';
import { checkEntryChange } from './entryChange.ts';
import { isOverdue, parseId } from './liveness.ts';

const entry: EntryRow & { items: ItemRow[] } = {
  code: 'CZ-02-002',
  classification: '部门信息资源/财政/工资统发/发放金额',
  name: '工资发放金额',
  providerOffice: 'finance',
  providerCode: 'CZ-410100',
  summary: '月应发工资',
  format: 'GraphQL / JSON',
  shareType: 'CONDITIONAL',
  shareConditions: '用于工资审核',
  shareMethod: '接口共享',
  open: false,
  updateCycle: 'MONTHLY',
  publishedOn: '2026-11-01',
  relatedCodes: [],
  basis: '《政务数据共享条例》',
  maintainer: '工资统发中心',
  status: 'ACTIVE',
  version: 1,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  items: [{ coordinate: 'PayrollRecord.monthlyGrossPay', entryCode: 'CZ-02-002', name: '月应发工资', dataType: '数值型 N', sensitivity: 'HIGH' }],
};
const hr = { office: 'hr', role: 'OPERATOR', sub: 'li' } as const;

describe('Beijing days', () => {
  it('turns over at 16:00 UTC, and a day ends at 23:59:59.999 Beijing time', () => {
    expect(beijingDay(new Date('2026-11-16T15:59:59.999Z'))).toBe('2026-11-16');
    expect(beijingDay(new Date('2026-11-16T16:00:00Z'))).toBe('2026-11-17');
    expect(endOfBeijingDay('2026-12-31').toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect([isCalendarDate('2028-02-29'), isCalendarDate('2026-02-29'), isCalendarDate('2026-1-01')]).toEqual([true, false, false]);
  });
});

describe('liveness', () => {
  it('reads overdue, live and ids', () => {
    expect([isOverdue({ status: 'PENDING', dueOn: '2026-11-30' }, '2026-11-30'), isOverdue({ status: 'PENDING', dueOn: '2026-11-30' }, '2026-12-01')]).toEqual([
      false,
      true,
    ]);
    expect(isOverdue({ status: 'REFUSED', dueOn: '2026-11-30' }, '2026-12-31')).toBe(false);
    const at = new Date('2026-12-01T00:00:00Z');
    expect([
      isGrantLive({ revokedAt: null, expiresAt: at }, new Date(at.getTime() - 1)),
      isGrantLive({ revokedAt: null, expiresAt: at }, at),
      isGrantLive({ revokedAt: at, expiresAt: new Date(8e15) }, at),
    ]).toEqual([true, false, false]);
    expect(['7', '0', '07', '-1', '1.5', 'x', '2147483648'].map(parseId)).toEqual([7, null, null, null, null, null, null]);
  });
});

describe('an access request', () => {
  const input = { entryCode: entry.code, purpose: ' 工资审核 ', periodFrom: '2026-09-30', periodTo: '2026-10-31' };

  // From Wednesday 30 September: 1–2 and 5–7 October are holidays, so the 10th working day is Wednesday 21 October.
  it('is due 10 working days on, skipping the given holidays', () => {
    const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
    const checked = checkAccessRequest(hr, entry, input, '2026-09-30', new Date('2026-09-30T02:00:00Z'), holidays);
    expect(checked).toEqual({
      row: {
        entryCode: entry.code,
        requesterOffice: 'hr',
        requesterSub: 'li',
        purpose: '工资审核',
        caseNumber: null,
        coordinates: ['PayrollRecord.monthlyGrossPay'],
        periodFrom: '2026-09-30',
        periodTo: '2026-10-31',
        status: 'PENDING',
        submittedAt: new Date('2026-09-30T02:00:00Z'),
        dueOn: '2026-10-21',
      },
    });
  });

  it('is refused for a draft entry', () => {
    expect(checkAccessRequest(hr, { ...entry, status: 'DRAFT' }, input, '2026-09-30', new Date())).toMatchObject({ refusal: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('a decision', () => {
  const request: RequestRow = {
    id: 1,
    entryCode: entry.code,
    requesterOffice: 'hr',
    requesterSub: 'li',
    purpose: '工资审核',
    caseNumber: null,
    coordinates: [],
    periodFrom: '2026-11-01',
    periodTo: '2026-11-30',
    status: 'PENDING',
    submittedAt: new Date(0),
    dueOn: '2026-11-14',
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
  };
  const finance = { office: 'finance', role: 'REVIEWER', sub: 'wang' } as const;

  it('needs a future expiry once the requested period is over', () => {
    expect(checkDecision(finance, request, entry, { approve: true, reason: '' }, '2026-12-01')).toMatchObject({
      refusal: { field: 'expiresOn', en: expect.stringContaining('give expiresOn') },
    });
    expect(checkDecision(finance, request, entry, { approve: true, reason: ' ok ' }, '2026-11-30')).toEqual({
      reason: 'ok',
      expiresAt: new Date('2026-11-30T15:59:59.999Z'),
    });
  });
});

describe('an entry change', () => {
  it('returns the trimmed patch, clearing with null or blank', () => {
    const { patch, problems } = checkEntryChange(
      entry,
      { shareType: 'UNCONDITIONAL', shareConditions: ' ', basis: null, name: ' 工资 ' },
      new Set([entry.code]),
    );
    expect(problems).toEqual([]);
    expect(patch).toEqual({ shareType: 'UNCONDITIONAL', shareConditions: null, basis: null, name: '工资' });
  });

  it('lists every problem at once', () => {
    const { problems } = checkEntryChange(entry, { open: true, basis: null, status: null, relatedCodes: ['ZZ-99-999'] }, new Set([entry.code]));
    expect(problems.map((p) => p.field)).toEqual(['input.status', 'input.open', 'input.basis', 'input.relatedCodes']);
  });
});
