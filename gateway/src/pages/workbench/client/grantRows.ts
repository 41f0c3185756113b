import { beijing } from './dates.ts';
import { h } from './h.ts';
import { officeLabel } from './labels.ts';
import { revokeControls } from './revokeControls.ts';
import { table } from './table.ts';

export interface GrantRow {
  id: string;
  entryCode: string;
  granteeOffice: string;
  coordinates: string[];
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  live: boolean;
}
export const GRANT_FIELDS = 'id entryCode granteeOffice coordinates grantedAt expiresAt revokedAt revokeReason live';

/** Grants as a table; a live one gets the revoke controls when `mayRevoke` says the viewer could. */
export function grantRows(grants: GrantRow[], mayRevoke: (g: GrantRow) => boolean, done: () => void): HTMLElement {
  if (!grants.length) return h('p', { class: 'muted' }, '没有授权。');
  return table(
    ['编号', '资源', '被授权部门', '信息项', '授权时间', '到期', '状态', '操作'],
    grants.map((g) => [
      g.id,
      h('a', { href: `#/catalog/${encodeURIComponent(g.entryCode)}` }, g.entryCode),
      officeLabel(g.granteeOffice),
      `${g.coordinates.length} 项`,
      beijing(g.grantedAt),
      beijing(g.expiresAt),
      g.live ? h('span', { class: 'ok' }, '有效') : g.revokedAt ? `已撤销（${g.revokeReason ?? ''}）` : '已到期',
      g.live && mayRevoke(g) ? revokeControls(g.id, done) : null,
    ]),
    { 'data-testid': 'grants-table' },
  );
}
