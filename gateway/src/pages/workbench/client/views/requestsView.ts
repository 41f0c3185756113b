import { errorList } from '../errorList.ts';
import { GRANT_FIELDS, type GrantRow, grantRows } from '../grantRows.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { REQUEST_FIELDS, type RequestRow, requestRows } from '../requestRows.ts';
import { session } from '../session.ts';

const QUERY = `query WorkbenchRequests($overdue: Boolean) {
  accessRequests(overdue: $overdue) { ${REQUEST_FIELDS} entry { providerOffice name } }
  grants { ${GRANT_FIELDS} }
  catalogEntries { code providerOffice }
}`;

/**
 * The requests and grants the API lets the viewer see (a coordinator or auditor all; an office those it
 * made, holds or provides), overdue ones on their own when asked, each with its actions.
 */
export async function requestsView(): Promise<HTMLElement> {
  const viewer = session.viewer()!;
  const onlyOverdue = new URLSearchParams(location.hash.split('?')[1] ?? '').get('overdue') === '1';
  const answer = await graphql<{
    accessRequests: (RequestRow & { entry: { providerOffice: string } })[] | null;
    grants: GrantRow[] | null;
    catalogEntries: { code: string; providerOffice: string }[] | null;
  }>(QUERY, { overdue: onlyOverdue ? true : null });
  const provider = new Map((answer.data?.catalogEntries ?? []).map((e) => [e.code, e.providerOffice]));
  const reload = () => dispatchEvent(new HashChangeEvent('hashchange'));
  const requests = answer.data?.accessRequests ?? [];
  const pending = requests.filter((r) => r.status === 'PENDING');
  const decided = requests.filter((r) => r.status !== 'PENDING');
  return h(
    'section',
    {},
    h('h1', {}, '共享申请与授权'),
    h(
      'p',
      { class: 'filters' },
      onlyOverdue
        ? h('a', { href: '#/requests' }, '显示全部申请')
        : h('a', { href: '#/requests?overdue=1', 'data-testid': 'overdue-link' }, '只看逾期未答复的申请'),
    ),
    answer.errors ? errorList(answer.errors) : null,
    h('h2', {}, onlyOverdue ? `逾期未答复（${pending.length}）` : `待审核（${pending.length}）`),
    requestRows(pending, viewer.office, (r) => r.entry?.providerOffice ?? '', reload),
    onlyOverdue ? null : h('h2', {}, `已处理（${decided.length}）`),
    onlyOverdue ? null : requestRows(decided, viewer.office, (r) => r.entry?.providerOffice ?? '', reload),
    h('h2', {}, '授权'),
    grantRows(answer.data?.grants ?? [], (g) => provider.get(g.entryCode) === viewer.office || viewer.role === 'COORDINATOR', reload),
  );
}
