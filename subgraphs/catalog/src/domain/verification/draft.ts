import type { FindingSeverity, FindingType } from '../../generated/enums.ts';
import { findingKey } from './findingKey.ts';
import type { FindingDraft, FindingOffice, HeldValue } from './types.ts';

/** A finding draft with its key made from its type, person, institution and any further subject. */
export function draft(
  type: FindingType,
  severity: FindingSeverity,
  mustAct: FindingOffice,
  subject: { idNumber?: string | null; creditCode?: string | null; extra?: string },
  description: [zh: string, en: string],
  values: HeldValue[],
): FindingDraft {
  const idNumber = subject.idNumber ?? null;
  const creditCode = subject.creditCode ?? null;
  const offices = [...new Set<FindingOffice>([mustAct, ...values.map((v) => v.office)])];
  return {
    key: findingKey(type, idNumber, creditCode, subject.extra),
    type,
    severity,
    offices,
    mustAct,
    creditCode,
    idNumber,
    description: `${description[0]} / ${description[1]}`,
    values,
  };
}
