import type { PageEntry as EntryRow } from './types.ts';
import type { GrantState } from '@hub/schema/contracts';
import { html, type SafeHtml } from './html.ts';
import { openLabel, SHARE_TYPE_LABELS, STATUS_LABELS } from './labels.ts';

const GRANT_STATE_LABELS: Record<GrantState, string> = { LIVE: '有效', EXPIRED: '已过期', REVOKED: '已撤销' };

export const shareTypeBadge = (shareType: EntryRow['shareType']): SafeHtml =>
  html`<span class="badge share-${shareType}">${SHARE_TYPE_LABELS[shareType]}</span>`;

export const statusBadge = (status: EntryRow['status']): SafeHtml => html`<span class="badge status-${status}">${STATUS_LABELS[status]}</span>`;

export const openText = (open: boolean): SafeHtml => html`<span class="open-${String(open)}">${openLabel(open)}</span>`;

export const grantStateBadge = (state: GrantState): SafeHtml => html`<span class="badge grant-${state}">${GRANT_STATE_LABELS[state]}</span>`;

export const overdueBadge = (): SafeHtml => html`<span class="badge overdue" title="超过答复期限仍未审批 / overdue">逾期</span>`;
