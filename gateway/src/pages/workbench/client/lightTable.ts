import { h } from './h.ts';
import { table } from './table.ts';

export const LIGHT_FIELDS = `totalCount nodes { institution { creditCode name } light reasons vacancyRate longestIdleMonths total { approved occupied reserved vacant overQuota } }`;

export interface LightRow {
  institution: { creditCode: string; name: string | null };
  light: 'RED' | 'YELLOW' | 'GREEN';
  reasons: string[];
  vacancyRate: number | null;
  longestIdleMonths: number | null;
  total: { approved: number; occupied: number; reserved: number; vacant: number; overQuota: number };
}
const LIGHTS: Record<string, string> = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };
const REASONS: Record<string, string> = { OVER_QUOTA: '超编', VACANCY_RATE: '空编率超过阈值', IDLE_VACANCY: '空编长期闲置' };

/** Institutions with their light (超缺编亮灯), the reasons the Staffing Office gives, and each a link to drill into. */
export function lightTable(rows: LightRow[]): HTMLElement {
  if (!rows.length) return h('p', { class: 'muted' }, '没有机构。');
  return table(
    ['灯', '机构', '核定', '实有', '已审批未入编', '空编', '超编', '原因'],
    rows.map((r) => [
      h('span', { class: `light ${r.light.toLowerCase()}`, title: LIGHTS[r.light] ?? r.light }, LIGHTS[r.light] ?? r.light),
      h('a', { href: `#/institution/${encodeURIComponent(r.institution.creditCode)}` }, r.institution.name ?? r.institution.creditCode),
      r.total.approved,
      r.total.occupied,
      r.total.reserved,
      r.total.vacant,
      r.total.overQuota,
      r.reasons.map((x) => REASONS[x] ?? x).join('、') || '—',
    ]),
    { 'data-testid': 'light-table' },
  );
}
