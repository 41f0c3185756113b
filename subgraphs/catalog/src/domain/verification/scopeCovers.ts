/** A run's scope: the whole city or province, one level, one system, or one institution. */
export interface RunScope {
  kind: 'ALL' | 'LEVEL' | 'SYSTEM' | 'INSTITUTION';
  /** The level, system or credit code; '' for ALL. */
  value: string;
}

/**
 * Whether a run of this scope covers a finding about this institution (null: about no institution,
 * such as an office's stale data, which only a run of everything covers).
 */
export function scopeCovers(scope: RunScope, institution: { creditCode: string; level: string; system: string } | null): boolean {
  if (scope.kind === 'ALL') return true;
  if (!institution) return false;
  if (scope.kind === 'LEVEL') return institution.level === scope.value;
  if (scope.kind === 'SYSTEM') return institution.system === scope.value;
  return institution.creditCode === scope.value;
}
