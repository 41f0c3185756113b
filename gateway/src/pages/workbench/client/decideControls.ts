import { errorList } from './errorList.ts';
import { graphql } from './graphql.ts';
import { h } from './h.ts';

const DECIDE = `mutation WorkbenchDecide($id: ID!, $approve: Boolean!, $reason: String!, $expiresOn: Date) {
  decideAccessRequest(id: $id, approve: $approve, reason: $reason, expiresOn: $expiresOn) { request { id status decisionReason } grant { id expiresAt } }
}`;

/**
 * Approve or refuse one pending request, with a reason (required by the API for both) and an optional
 * expiry; the provider's LEADER or REVIEWER may, and the API says so to anyone else in its own words.
 */
export function decideControls(requestId: string, done: () => void): HTMLElement {
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 1000, placeholder: '审核意见或拒绝理由（必填）', 'aria-label': '审核意见' });
  const expiresOn = h('input', { type: 'date', name: 'expiresOn', 'aria-label': '授权到期日（可空）', title: '授权到期日，空则为申请期限止' });
  const result = h('div', { class: 'result' });
  const decide = async (approve: boolean) => {
    const answer = await graphql(DECIDE, { id: requestId, approve, reason: reason.value, expiresOn: expiresOn.value || null });
    if (answer.errors?.length) return void result.replaceChildren(errorList(answer.errors));
    result.replaceChildren(h('p', { class: 'ok', role: 'status' }, approve ? '已同意，授权已生效。' : '已拒绝。'));
    setTimeout(done, 600);
  };
  return h(
    'div',
    { class: 'decide', 'data-testid': `decide-${requestId}` },
    reason,
    expiresOn,
    h('button', { type: 'button', class: 'approve', onclick: () => void decide(true) }, '同意'),
    h('button', { type: 'button', class: 'refuse', onclick: () => void decide(false) }, '拒绝'),
    result,
  );
}
