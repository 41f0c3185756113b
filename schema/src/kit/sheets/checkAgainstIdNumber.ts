import { parseIdNumber } from '../idNumber.ts';
import type { SheetIssueDraft } from './types.ts';

/** Which columns of a row repeat what the ID number already says (their keys). */
export interface IdNumberEchoes {
  idNumber: string;
  gender?: 'MALE' | 'FEMALE' | null;
  /** YYYY-MM (出生年月) or YYYY-MM-DD. */
  birth?: string | null;
}

/**
 * Gender and birth date are read off the ID number, never typed twice (DESIGN §2); a sheet may still
 * carry them (the ten ledger items include both), and where it does they must agree with the number:
 * a row that disagrees is an error, since one of the two is mistyped.
 */
export function checkAgainstIdNumber(row: IdNumberEchoes, columns: { gender?: string; birth?: string }, today: string): SheetIssueDraft[] {
  const parsed = parseIdNumber(row.idNumber, today);
  if (typeof parsed === 'string') return [];
  const drafts: SheetIssueDraft[] = [];
  if (columns.gender && row.gender && row.gender !== parsed.gender)
    drafts.push({ severity: 'ERROR', column: columns.gender, zh: '性别与公民身份号码不符', en: 'the gender disagrees with the ID number' });
  if (columns.birth && row.birth && !parsed.birthDate.startsWith(row.birth))
    drafts.push({
      severity: 'ERROR',
      column: columns.birth,
      zh: `出生年月与公民身份号码（${parsed.birthDate.slice(0, 7)}）不符`,
      en: `the birth date disagrees with the ID number (${parsed.birthDate.slice(0, 7)})`,
    });
  return drafts;
}
