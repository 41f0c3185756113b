import { h } from '../h.ts';

/**
 * 核查问题 (verification findings). The verification API (issue 9) is not in this hub's graph yet, so
 * the panel says so instead of showing an empty list that would read as "no findings".
 */
export async function findingsPanel(_creditCode?: string): Promise<HTMLElement> {
  return h(
    'section',
    { class: 'panel', 'data-testid': 'findings' },
    h('h2', {}, '核查问题'),
    h('p', { class: 'notice' }, '机构编制核查接口尚未接入本平台，暂无法显示核查问题。'),
  );
}
