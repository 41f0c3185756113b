import { beijing } from './dates.ts';
import { decideControls } from './decideControls.ts';
import { h } from './h.ts';
import { label, officeLabel, REQUEST_STATUS_LABELS } from './labels.ts';
import { table } from './table.ts';

export interface RequestRow {
  id: string;
  entryCode: string;
  requesterOffice: string;
  requesterSub: string;
  purpose: string;
  caseNumber: string | null;
  periodFrom: string;
  periodTo: string;
  status: string;
  submittedAt: string;
  dueOn: string;
  overdue: boolean;
  decisionReason: string | null;
  entry?: { providerOffice: string; name: string };
}
export const REQUEST_FIELDS =
  'id entryCode requesterOffice requesterSub purpose caseNumber periodFrom periodTo status submittedAt dueOn overdue decisionReason';

/**
 * Access requests as a table; a pending one gets the decision controls when the viewer's office
 * provides the entry (the API then checks the role and that nobody decides their own request).
 */
export function requestRows(requests: RequestRow[], viewerOffice: string, providerOf: (r: RequestRow) => string, done: () => void): HTMLElement {
  if (!requests.length) return h('p', { class: 'muted' }, '没有共享申请。');
  return table(
    ['编号', '资源', '申请部门', '用途', '案件编号', '期限', '提交时间', '答复期限', '状态', '审核'],
    requests.map((r) => [
      r.id,
      h('a', { href: `#/catalog/${encodeURIComponent(r.entryCode)}` }, r.entryCode),
      `${officeLabel(r.requesterOffice)}（${r.requesterSub}）`,
      r.purpose,
      r.caseNumber ?? '—',
      `${r.periodFrom} 至 ${r.periodTo}`,
      beijing(r.submittedAt),
      h('span', { class: r.overdue ? 'overdue' : '' }, r.dueOn, r.overdue ? '（已逾期）' : ''),
      h('span', {}, label(REQUEST_STATUS_LABELS, r.status), r.decisionReason ? `：${r.decisionReason}` : ''),
      r.status === 'PENDING' && providerOf(r) === viewerOffice ? decideControls(r.id, done) : null,
    ]),
    { 'data-testid': 'requests-table' },
  );
}
