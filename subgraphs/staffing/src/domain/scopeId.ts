import { ErrorCode, hubError, requireCreditCode } from '@hub/schema';
import type { AdminLevel, FundingForm, InstitutionKind, InstitutionSystem } from '../generated/enums.ts';
import { FUNDING_LABELS, KIND_LABELS, LEVEL_LABELS, SYSTEM_LABELS } from './scopeLabels.ts';

/** The conditions of a statistics scope (统计范围); every one given must hold. */
export interface ScopeConditions {
  level: AdminLevel | null;
  kind: InstitutionKind | null;
  system: InstitutionSystem | null;
  /** Any of these; empty is any funding form. Sorted and without repeats. */
  fundingForms: FundingForm[];
  creditCode: string | null;
}

const invalid = (why: string, whyEn: string) => hubError(ErrorCode.INVALID_ARGUMENT, 'id', `统计范围标识无效：${why}`, `invalid scope id: ${whyEn}`);

/**
 * The scope's id: its conditions written canonically (`level=CITY;kind=PARTY_ORGAN;funding=FULL,PARTIAL`,
 * in this order, the whole city is `all`), so one scope has one id whoever asks and however the
 * conditions were ordered, and the other offices' statistics over it are cached and joined by it.
 */
export function scopeId(c: ScopeConditions): string {
  const parts = [
    c.level && `level=${c.level}`,
    c.kind && `kind=${c.kind}`,
    c.system && `system=${c.system}`,
    c.fundingForms.length > 0 && `funding=${c.fundingForms.join(',')}`,
    c.creditCode && `unit=${c.creditCode}`,
  ].filter(Boolean);
  return parts.length ? parts.join(';') : 'all';
}

/** Conditions as given (input or id), checked and made canonical. */
export function scopeConditions(input: {
  level?: string | null;
  kind?: string | null;
  system?: string | null;
  fundingForms?: readonly string[] | null;
  creditCode?: string | null;
}): ScopeConditions {
  const member = <T extends string>(values: Record<T, string>, value: string | null | undefined, name: string): T | null => {
    if (value === null || value === undefined) return null;
    if (!Object.hasOwn(values, value)) throw invalid(`${name} 取值 ${value} 不存在`, `no ${name} ${value}`);
    return value as T;
  };
  const fundingForms = [...new Set((input.fundingForms ?? []).map((f) => member(FUNDING_LABELS, f, 'funding')!))].sort();
  return {
    level: member(LEVEL_LABELS, input.level, 'level'),
    kind: member(KIND_LABELS, input.kind, 'kind'),
    system: member(SYSTEM_LABELS, input.system, 'system'),
    fundingForms,
    creditCode: input.creditCode == null ? null : requireCreditCode(input.creditCode),
  };
}

/** The conditions an id stands for; refuses an id `scopeId` would not write. */
export function parseScopeId(id: string): ScopeConditions {
  const given: Record<string, string> = {};
  if (id !== 'all') {
    for (const part of id.split(';')) {
      const [name, value, ...rest] = part.split('=');
      if (!name || !value || rest.length || !['level', 'kind', 'system', 'funding', 'unit'].includes(name) || name in given)
        throw invalid(`无法识别 ${part}`, `cannot read ${part}`);
      given[name] = value;
    }
  }
  const conditions = scopeConditions({
    level: given.level,
    kind: given.kind,
    system: given.system,
    fundingForms: given.funding?.split(','),
    creditCode: given.unit,
  });
  if (scopeId(conditions) !== id) throw invalid('条件未按规范顺序书写', 'conditions not written canonically');
  return conditions;
}
