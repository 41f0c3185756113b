import { parseCreditCode } from '@hub/schema';
import { invalid, type Refusal } from '../refusal.ts';
import type { RunScope } from './scopeCovers.ts';

/** AdminLevel and InstitutionSystem of the Staffing Office's contract (DESIGN §6), which scopes name. */
const LEVELS = ['CITY', 'DISTRICT', 'TOWNSHIP'];
const SYSTEMS = [
  'PARTY_AFFAIRS',
  'GENERAL_AFFAIRS',
  'POLITICS_AND_LAW',
  'EDUCATION',
  'HEALTH',
  'AGRICULTURE',
  'NATURAL_RESOURCES',
  'TRANSPORT',
  'CULTURE_AND_TOURISM',
  'MARKET_REGULATION',
  'CIVIL_AFFAIRS',
  'MASS_ORGANIZATIONS',
];

/** A run's scope from the caller's input, or why it is refused. */
export function readScope(kind: RunScope['kind'], raw: string | null | undefined): RunScope | Refusal {
  const value = (raw ?? '').trim().toUpperCase();
  if (kind === 'ALL') return value ? invalid('input.value', '全市范围不带范围值', 'a scope of everything takes no value') : { kind, value: '' };
  if (kind === 'LEVEL')
    return LEVELS.includes(value)
      ? { kind, value }
      : invalid('input.value', `层级应为 ${LEVELS.join('、')} 之一`, `the level must be one of ${LEVELS.join(', ')}`);
  if (kind === 'SYSTEM')
    return SYSTEMS.includes(value) ? { kind, value } : invalid('input.value', '系统代码无效', `the system must be one of ${SYSTEMS.join(', ')}`);
  const parsed = parseCreditCode(value);
  return typeof parsed === 'string'
    ? invalid('input.value', '统一社会信用代码无效', 'the credit code is not valid (GB 32100-2015)')
    : { kind, value: parsed.creditCode };
}
