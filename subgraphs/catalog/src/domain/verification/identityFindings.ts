import { parseIdNumber } from '@hub/schema';
import { draft } from './draft.ts';
import type { FindingDraft, FindingOffice, HeldValue, PersonRecord } from './types.ts';

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * One ID number, one identity (DESIGN §2: HR owns name and birth date; the birth date is part of the
 * number, so only the name can differ): IDENTITY_MISMATCH when another office's copy of the name
 * differs from HR's (that office must act); INVALID_ID_NUMBER when the number itself fails
 * GB 11643-1999 (the first office holding it must act).
 */
export function identityFindings(p: PersonRecord, today: string): FindingDraft[] {
  const holders: FindingOffice[] = [
    ...(p.ledger || p.cards.length || p.removals.length ? (['staffing'] as const) : []),
    ...(p.hr ? (['hr'] as const) : []),
    ...(p.cadre ? (['organization'] as const) : []),
    ...(p.payroll ? (['finance'] as const) : []),
  ];
  if (typeof parseIdNumber(p.idNumber, today) === 'string') {
    return [
      draft(
        'INVALID_ID_NUMBER',
        'MEDIUM',
        holders[0] ?? 'staffing',
        { idNumber: p.idNumber, creditCode: p.ledger?.creditCode ?? p.hr?.employment?.creditCode ?? p.payroll?.creditCode ?? p.cadre?.creditCode ?? null },
        ['公民身份号码校验不通过（GB 11643-1999）', 'the ID number fails its GB 11643-1999 check'],
        holders.map((office) => ({ office, item: 'Person.idNumber', value: p.idNumber })),
      ),
    ];
  }
  if (!p.hr) return [];
  const copies: HeldValue[] = [
    ...(p.ledger ? [{ office: 'staffing' as const, item: 'LedgerEntry.name', value: p.ledger.name }] : []),
    ...(p.cadre ? [{ office: 'organization' as const, item: 'Cadre.name', value: p.cadre.name }] : []),
    ...(p.payroll ? [{ office: 'finance' as const, item: 'PayrollRecord.nameOnRecord', value: p.payroll.nameOnRecord }] : []),
  ];
  const differing = copies.filter((c) => !same(c.value!, p.hr!.name));
  if (differing.length === 0) return [];
  return [
    draft(
      'IDENTITY_MISMATCH',
      'MEDIUM',
      differing[0]!.office,
      { idNumber: p.idNumber, creditCode: p.ledger?.creditCode ?? p.hr.employment?.creditCode ?? null },
      ['同一公民身份号码在各部门的姓名不一致（以人社局为准）', 'one ID number, different names in two offices (HR owns the name)'],
      [{ office: 'hr', item: 'Person.name', value: p.hr.name }, ...copies],
    ),
  ];
}
