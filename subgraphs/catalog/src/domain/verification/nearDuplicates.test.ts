import { describe, expect, it } from 'vitest';
import { draft } from './draft.ts';
import { nearDuplicates, type SameNameBirthGroup, sameNameBirthGroup } from './nearDuplicates.ts';
import type { FindingDraft } from './types.ts';

const paidNotOnRoster = (idNumber: string, creditCode = 'C1') =>
  draft(
    'PAID_NOT_ON_ROSTER',
    'HIGH',
    'finance',
    { idNumber, creditCode },
    ['x', 'x'],
    [{ office: 'finance', item: 'PayrollRecord.idNumber', value: idNumber }],
  );
const onRosterNotPaid = (idNumber: string, creditCode = 'C1') =>
  draft(
    'ON_ROSTER_NOT_PAID',
    'MEDIUM',
    'finance',
    { idNumber, creditCode },
    ['x', 'x'],
    [{ office: 'staffing', item: 'LedgerEntry.idNumber', value: idNumber }],
  );
const group = (idNumbers: string[], creditCodes = idNumbers.map(() => 'C1')): SameNameBirthGroup => ({
  name: '王宇',
  birthDate: '1974-04-30',
  nativePlace: '河南郑州',
  idNumbers,
  creditCodes,
});
const types = (drafts: FindingDraft[]) => drafts.map((d) => [d.type, d.mustAct, d.idNumber, d.creditCode]);

describe('nearDuplicates', () => {
  it('pairs a stray payroll record with the unpaid roster entry one slip apart, replacing both', () => {
    const found = nearDuplicates([paidNotOnRoster('411321199208250226'), onRosterNotPaid('411321199208250225')], new Map());
    expect(types(found)).toEqual([['NEAR_DUPLICATE_PERSON', 'finance', '411321199208250225', 'C1']]);
  });

  it('turns each HR group of one name, birth date and native place into one finding for HR, whatever its size', () => {
    const two = nearDuplicates([], new Map(), [group(['410122197404303916', '41072119740430443X'], ['C2', 'C3'])]);
    expect(types(two)).toEqual([['NEAR_DUPLICATE_PERSON', 'hr', '410122197404303916', 'C2']]);
    expect(two[0]!.values).toEqual([
      { office: 'hr', item: 'Person.idNumber', value: '410122197404303916' },
      { office: 'hr', item: 'Person.idNumber', value: '41072119740430443X' },
      { office: 'hr', item: 'Person.name', value: '王宇' },
      { office: 'hr', item: 'Person.birthDate', value: '1974-04-30' },
      { office: 'hr', item: 'Person.nativePlace', value: '河南郑州' },
    ]);
    const three = nearDuplicates([], new Map(), [group(['410122197404303916', '410122197404305000', '41072119740430443X'], ['', 'C4', 'C5'])]);
    expect(types(three)).toEqual([['NEAR_DUPLICATE_PERSON', 'hr', '410122197404303916', 'C4']]);
    expect(nearDuplicates([], new Map(), [group(['410122197404303916'])])).toEqual([]);
  });

  it('keys a group by all its ID numbers: another group of the same first number is another finding, the same group the same one', () => {
    const [a] = nearDuplicates([], new Map(), [group(['410122197404303916', '41072119740430443X'])]);
    const [b] = nearDuplicates([], new Map(), [group(['410122197404303916', '410122197404305000'])]);
    const [again] = nearDuplicates([], new Map(), [group(['410122197404303916', '41072119740430443X'])]);
    expect(a!.key).not.toBe(b!.key);
    expect(again!.key).toBe(a!.key);
  });

  it('does not report a pair twice: an HR group whose numbers are all one stray pair is that pair’s finding', () => {
    const drafts = [paidNotOnRoster('411321199208250226'), onRosterNotPaid('411321199208250225')];
    const same = nearDuplicates(drafts, new Map(), [group(['411321199208250225', '411321199208250226'])]);
    expect(types(same)).toEqual([['NEAR_DUPLICATE_PERSON', 'finance', '411321199208250225', 'C1']]);
    // A third record of the same human at HR is more than the pair: the group is reported too.
    const more = nearDuplicates(drafts, new Map(), [group(['411321199208250225', '411321199208250226', '411321199208251000'])]);
    expect(types(more)).toEqual([
      ['NEAR_DUPLICATE_PERSON', 'finance', '411321199208250225', 'C1'],
      ['NEAR_DUPLICATE_PERSON', 'hr', '411321199208250225', 'C1'],
    ]);
  });

  it('reads a row of HR’s SAME_NAME_BIRTH dataset', () => {
    expect(
      sameNameBirthGroup({
        name: '王宇',
        birthDate: '1974-04-30',
        nativePlace: '河南郑州',
        idNumbers: '410122197404303916,41072119740430443X',
        creditCodes: ',C3',
      }),
    ).toEqual(group(['410122197404303916', '41072119740430443X'], ['', 'C3']));
  });
});
