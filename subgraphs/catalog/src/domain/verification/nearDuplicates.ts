import { draft } from './draft.ts';
import { nearIdNumbers } from './nearIdNumbers.ts';
import type { FindingDraft } from './types.ts';

/** The name an office holds under an ID number that only that office knows (a finding's person). */
export type NamesByIdNumber = ReadonlyMap<string, string>;

const birthDate = (idNumber: string) => idNumber.slice(6, 14);

/**
 * 人员重复信息筛查 (DESIGN §3.8): a payroll record under a number nobody else knows and a roster
 * entry nobody pays, in the same institution, with ID numbers one slip apart or the same name and
 * birth date, are one person under a mistyped number: one NEAR_DUPLICATE_PERSON (Finance, whose number
 * is the stray one, acts) replaces the PAID_NOT_ON_ROSTER and ON_ROSTER_NOT_PAID the pair produced.
 * Only the unmatched records are compared, so the work stays small whatever the number of persons.
 */
export function nearDuplicates(drafts: readonly FindingDraft[], names: NamesByIdNumber): FindingDraft[] {
  const paid = drafts.filter((d) => d.type === 'PAID_NOT_ON_ROSTER' && !d.values.some((v) => v.item === 'Removal.effectiveOn'));
  const unpaid = drafts.filter((d) => d.type === 'ON_ROSTER_NOT_PAID');
  const replaced = new Set<FindingDraft>();
  const pairs: FindingDraft[] = [];
  for (const stray of paid) {
    const match = unpaid.find(
      (u) =>
        !replaced.has(u) &&
        u.creditCode === stray.creditCode &&
        (nearIdNumbers(u.idNumber!, stray.idNumber!) ||
          (names.get(u.idNumber!) !== undefined &&
            names.get(u.idNumber!) === names.get(stray.idNumber!) &&
            birthDate(u.idNumber!) === birthDate(stray.idNumber!))),
    );
    if (!match) continue;
    replaced.add(stray).add(match);
    pairs.push(
      draft(
        'NEAR_DUPLICATE_PERSON',
        'MEDIUM',
        'finance',
        { idNumber: match.idNumber, creditCode: match.creditCode, extra: stray.idNumber! },
        [
          `疑似同一人：财政工资记录的身份号码 ${stray.idNumber} 与台账上的 ${match.idNumber} 仅一处之差，疑为录入错误`,
          `probably one person: Finance pays under ${stray.idNumber}, the roster has ${match.idNumber}, one slip apart`,
        ],
        [
          { office: 'staffing', item: 'LedgerEntry.idNumber', value: match.idNumber },
          { office: 'finance', item: 'PayrollRecord.idNumber', value: stray.idNumber },
          { office: 'finance', item: 'PayrollRecord.nameOnRecord', value: names.get(stray.idNumber!) ?? null },
          { office: 'staffing', item: 'LedgerEntry.name', value: names.get(match.idNumber!) ?? null },
        ],
      ),
    );
  }
  return [...drafts.filter((d) => !replaced.has(d)), ...pairs];
}
