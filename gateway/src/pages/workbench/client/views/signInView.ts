import { h } from '../h.ts';
import { OFFICE_LABELS, ROLE_LABELS } from '../labels.ts';
import { session } from '../session.ts';

const OFFICES = ['organization', 'staffing', 'hr', 'finance'];
const ROLES = ['LEADER', 'OPERATOR', 'REVIEWER', 'SECURITY_OFFICER', 'COORDINATOR', 'AUDITOR'];

/**
 * Sign-in: paste a token of the configured identity provider (or `pnpm run token`); in development
 * (the gateway says so in the page) also pick an office and role, for which the gateway signs a token.
 * The token is checked by one query before it is kept.
 */
export function signInView({ devSignIn, onSignedIn }: { devSignIn: boolean; onSignedIn: () => void }): HTMLElement {
  const notice = sessionStorage.getItem('hub.workbench.notice');
  sessionStorage.removeItem('hub.workbench.notice');
  const message = h('p', { class: 'error', role: 'alert', 'data-testid': 'sign-in-error' }, notice ?? '');
  const keep = async (token: string) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).catch(() => null);
    if (!response) return void message.replaceChildren('无法连接网关');
    if (response.status === 401) {
      const body = await response.json().catch(() => ({}));
      return void message.replaceChildren(body.errors?.[0]?.message ?? '令牌无效');
    }
    session.signIn(token);
    onSignedIn();
  };

  const tokenBox = h('textarea', { name: 'token', rows: 4, maxlength: 8192, placeholder: 'eyJhbGciOi…', required: true, 'aria-label': '令牌' });
  const pasteForm = h(
    'form',
    {
      class: 'card',
      'data-testid': 'token-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const token = tokenBox.value.trim().replace(/^Bearer\s+/i, '');
        if (token) void keep(token);
      },
    },
    h('h2', {}, '使用令牌登录'),
    h('p', { class: 'muted' }, '粘贴统一身份认证平台签发的令牌（开发环境可用 pnpm run token 生成）。令牌只保存在本标签页内，关闭即退出。'),
    tokenBox,
    h('button', { type: 'submit' }, '登录'),
  );

  const officeSelect = h('select', { name: 'office', 'aria-label': '部门' }, ...OFFICES.map((o) => h('option', { value: o }, OFFICE_LABELS[o] ?? o)));
  const roleSelect = h('select', { name: 'role', 'aria-label': '角色' }, ...ROLES.map((r) => h('option', { value: r }, ROLE_LABELS[r] ?? r)));
  const devForm = h(
    'form',
    {
      class: 'card dev',
      'data-testid': 'dev-sign-in',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const response = await fetch('/workbench/dev-token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ office: officeSelect.value, role: roleSelect.value }),
        }).catch(() => null);
        const body = response ? await response.json().catch(() => ({})) : {};
        if (!response?.ok || typeof body.token !== 'string') return void message.replaceChildren(body.errors?.[0]?.message ?? '开发登录失败');
        await keep(body.token);
      },
    },
    h('h2', {}, '开发环境登录'),
    h('p', { class: 'muted' }, '仅开发环境提供：选择部门与角色，由网关以开发密钥签发 8 小时令牌。生产环境无此入口。'),
    h('label', {}, '部门 ', officeSelect),
    h('label', {}, '角色 ', roleSelect),
    h('button', { type: 'submit' }, '进入工作台'),
  );
  return h('section', { class: 'sign-in' }, h('h1', {}, '登录工作台'), message, devSignIn ? devForm : null, pasteForm);
}
