import { draft } from './draft.ts';
import { nearIdNumbers } from './nearIdNumbers.ts';
import type { FindingDraft } from './types.ts';

/** The name an office holds under an ID number that only that office knows (a finding's person). */
export type NamesByIdNumber = ReadonlyMap<string, string>;

/**
 * One group of HR's person records with one name, birth date and native place under different ID
 * numbers (HR's SAME_NAME_BIRTH dataset): `idNumbers` in order, `creditCodes` their employers ('' for none).
 */
export interface SameNameBirthGroup {
  name: string;
  birthDate: string;
  nativePlace: string;
  idNumbers: readonly string[];
  creditCodes: readonly string[];
}

const birthDate = (idNumber: string) => idNumber.slice(6, 14);

/**
 * 人员重复信息筛查 (DESIGN §3.8), two ways:
 * - a payroll record under a number nobody else knows and a roster entry nobody pays, in the same
 *   institution, with ID numbers one slip apart or the same name and birth date, are one person under a
 *   mistyped number: one NEAR_DUPLICATE_PERSON (Finance, whose number is the stray one, acts) replaces
 *   the PAID_NOT_ON_ROSTER and ON_ROSTER_NOT_PAID the pair produced. Only the unmatched records are
 *   compared, so the work stays small whatever the number of persons.
 * - HR's person master data holding one human twice (same name, birth date and native place, different
 *   ID numbers; HR groups them in its own database): one NEAR_DUPLICATE_PERSON per group (HR acts),
 *   whatever its size, about its first ID number. A group whose numbers are all in stray pairs already
 *   found is that finding, and not reported again.
 */
export function nearDuplicates(drafts: readonly FindingDraft[], names: NamesByIdNumber, groups: readonly SameNameBirthGroup[] = []): FindingDraft[] {
  const paid = drafts.filter((d) => d.type === 'PAID_NOT_ON_ROSTER' && !d.values.some((v) => v.item === 'Removal.effectiveOn'));
  const unpaid = drafts.filter((d) => d.type === 'ON_ROSTER_NOT_PAID');
  const replaced = new Set<FindingDraft>();
  const paired = new Set<string>();
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
    paired.add(stray.idNumber!).add(match.idNumber!);
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
  const twice = groups.filter((g) => g.idNumbers.length > 1 && !g.idNumbers.every((id) => paired.has(id))).map(sameNameBirth);
  return [...drafts.filter((d) => !replaced.has(d)), ...pairs, ...twice];
}

/** The finding of one HR group: about its first ID number and the first employer among its records. */
function sameNameBirth(g: SameNameBirthGroup): FindingDraft {
  const ids = g.idNumbers.join('、');
  return draft(
    'NEAR_DUPLICATE_PERSON',
    'MEDIUM',
    'hr',
    { idNumber: g.idNumbers[0], creditCode: g.creditCodes.find((c) => c !== '') ?? null, extra: g.idNumbers.join(',') },
    [
      `疑似同一人：人社局有 ${g.idNumbers.length} 条人员记录同名（${g.name}）、同出生日期（${g.birthDate}）、同籍贯（${g.nativePlace}），身份号码不同：${ids}`,
      `probably one person: HR holds ${g.idNumbers.length} person records with one name (${g.name}), birth date (${g.birthDate}) and native place (${g.nativePlace}) under different ID numbers: ${g.idNumbers.join(', ')}`,
    ],
    [
      ...g.idNumbers.map((id) => ({ office: 'hr' as const, item: 'Person.idNumber', value: id })),
      { office: 'hr', item: 'Person.name', value: g.name },
      { office: 'hr', item: 'Person.birthDate', value: g.birthDate },
      { office: 'hr', item: 'Person.nativePlace', value: g.nativePlace },
    ],
  );
}

/** A row of HR's SAME_NAME_BIRTH bulk read as a group (its lists comma-separated, in ID-number order). */
export const sameNameBirthGroup = (row: Record<string, string | null>): SameNameBirthGroup => ({
  name: row.name ?? '',
  birthDate: row.birthDate ?? '',
  nativePlace: row.nativePlace ?? '',
  idNumbers: (row.idNumbers ?? '').split(','),
  creditCodes: (row.creditCodes ?? '').split(','),
});
