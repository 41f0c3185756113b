import type { ScopeConditions } from './scopeId.ts';
import { FUNDING_LABELS, KIND_LABELS, LEVEL_LABELS, SYSTEM_LABELS } from './scopeLabels.ts';

/** The scope's Chinese label, e.g. 市直·党委机关·全额拨款/差额拨款; 全市 without conditions; `unitName` for one institution. */
export function scopeLabel(c: ScopeConditions, unitName?: string | null): string {
  const parts = [
    c.level && LEVEL_LABELS[c.level],
    c.kind && KIND_LABELS[c.kind],
    c.system && `${SYSTEM_LABELS[c.system]}系统`,
    c.fundingForms.length > 0 && c.fundingForms.map((f) => FUNDING_LABELS[f]).join('/'),
    c.creditCode && (unitName ?? c.creditCode),
  ].filter(Boolean);
  return parts.length ? parts.join('·') : '全市';
}
