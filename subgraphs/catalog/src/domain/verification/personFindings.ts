import { cadreFindings } from './cadreFindings.ts';
import { cardFindings } from './cardFindings.ts';
import { identityFindings } from './identityFindings.ts';
import { insuranceFindings } from './insuranceFindings.ts';
import { payrollFindings } from './payrollFindings.ts';
import type { FindingDraft, PersonRecord } from './types.ts';

/** Every person check on what the four offices hold under one ID number. */
export function personFindings(p: PersonRecord, now: Date, today: string): FindingDraft[] {
  const identity = identityFindings(p, today);
  return [...identity, ...payrollFindings(p, now), ...insuranceFindings(p), ...cardFindings(p), ...cadreFindings(p)];
}
