import { errorList } from './errorList.ts';
import { graphql } from './graphql.ts';
import { h } from './h.ts';

const REVOKE = `mutation WorkbenchRevoke($id: ID!, $reason: String!) { revokeGrant(id: $id, reason: $reason) { grant { id revokedAt live } } }`;

/** Revoke one live grant with a reason (the provider's LEADER or REVIEWER, or a coordinator; the API decides). */
export function revokeControls(grantId: string, done: () => void): HTMLElement {
  const reason = h('input', { type: 'text', name: 'reason', maxlength: 1000, placeholder: '撤销理由（必填）', 'aria-label': '撤销理由' });
  const result = h('div', { class: 'result' });
  const revoke = async () => {
    const answer = await graphql(REVOKE, { id: grantId, reason: reason.value });
    if (answer.errors?.length) return void result.replaceChildren(errorList(answer.errors));
    result.replaceChildren(h('p', { class: 'ok', role: 'status' }, '授权已撤销。'));
    setTimeout(done, 600);
  };
  return h(
    'div',
    { class: 'decide', 'data-testid': `revoke-${grantId}` },
    reason,
    h('button', { type: 'button', class: 'refuse', onclick: () => void revoke() }, '撤销授权'),
    result,
  );
}
