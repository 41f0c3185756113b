import { errorList } from '../errorList.ts';
import { forbiddenPaths } from '../forbidden.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { label, SYSTEM_LABELS } from '../labels.ts';
import { LIGHT_FIELDS, lightTable } from '../lightTable.ts';
import { SCOPE_FIELDS } from '../scopeFields.ts';
import { scopePanels } from '../scopePanels.ts';
import { value } from '../value.ts';

const QUERY = `query WorkbenchSystem($system: InstitutionSystem!) {
  scope: staffScope(scope: { system: $system }) { ${SCOPE_FIELDS} institutions: institutionQuotaUse(first: 500) { ${LIGHT_FIELDS} } }
}`;

/** One system (所属系统): its figures, charts and alerts, and every institution in it with its light. */
export async function systemView(system: string): Promise<HTMLElement> {
  if (!(system in SYSTEM_LABELS)) return h('section', {}, h('h1', {}, '未找到'), h('p', {}, '没有这个系统。'));
  const answer = await graphql(QUERY, { system });
  const cut = forbiddenPaths(answer.errors);
  const others = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  const scope = answer.data?.scope;
  return h(
    'section',
    { 'data-testid': 'system' },
    h('p', {}, h('a', { href: '#/' }, '← 全市概览')),
    h('h1', {}, `${label(SYSTEM_LABELS, system)}系统`),
    others.length ? errorList(others) : null,
    scope ? scopePanels(scope, cut, 'scope') : null,
    h('h2', {}, '机构与亮灯'),
    scope?.institutions ? lightTable(scope.institutions.nodes) : h('p', {}, value(cut, ['scope', 'institutions'], null)),
  );
}
