import { describe, expect, it } from 'vitest';
import { type HireFacts, hireRefusal } from './hireRefusal.ts';

const facts: HireFacts = {
  approval: { persons: 2, hired: 1, approvedOn: '2026-12-01', validUntil: '2027-05-31', withdrawnOn: null },
  personName: null,
  employmentType: null,
  name: '李明',
  workStartDate: '2020-07-01',
  unitJoinDate: '2026-12-10',
  today: '2026-12-15',
};

describe('hireRefusal', () => {
  it('records a hire against an approval that is valid and not used up', () => {
    expect(hireRefusal(facts)).toBeNull();
    expect(hireRefusal({ ...facts, personName: '李明', employmentType: 'TEMPORARY' })).toBeNull();
  });
  it('names the approval rule broken', () => {
    const code = (f: Partial<HireFacts>) => hireRefusal({ ...facts, ...f })?.code;
    expect(code({ approval: null })).toBe('APPROVAL_NOT_FOUND');
    expect(code({ approval: { ...facts.approval!, withdrawnOn: '2026-12-12' } })).toBe('APPROVAL_WITHDRAWN');
    expect(code({ approval: { ...facts.approval!, hired: 2 } })).toBe('APPROVAL_USED');
    expect(code({ today: '2027-06-01', unitJoinDate: '2027-05-30' })).toBe('APPROVAL_EXPIRED');
  });
  it('refuses a person already in quota, another name for a known person, and dates out of order', () => {
    expect(hireRefusal({ ...facts, employmentType: 'IN_QUOTA' })).toEqual({ code: 'ALREADY_IN_QUOTA', field: 'input.idNumber' });
    expect(hireRefusal({ ...facts, personName: '李敏' })?.reason).toBe('NAME_DIFFERS');
    expect(hireRefusal({ ...facts, workStartDate: '2026-12-11' })?.reason).toBe('WORK_AFTER_JOIN');
    expect(hireRefusal({ ...facts, unitJoinDate: '2026-11-30' })?.reason).toBe('JOIN_BEFORE_APPROVAL');
    expect(hireRefusal({ ...facts, unitJoinDate: '2026-12-16' })?.reason).toBe('JOIN_IN_FUTURE');
  });
});
