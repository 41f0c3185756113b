import { errorList } from '../errorList.ts';
import { forbiddenPaths } from '../forbidden.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { label, SYSTEM_LABELS } from '../labels.ts';
import { LIGHT_FIELDS, type LightRow, lightTable } from '../lightTable.ts';
import { SCOPE_FIELDS, type Scope } from '../scopeFields.ts';
import { scopePanels } from '../scopePanels.ts';
import { table } from '../table.ts';
import { value } from '../value.ts';
import { findingsPanel } from './findingsPanel.ts';

const SYSTEMS = Object.keys(SYSTEM_LABELS);

/** The city overview in one operation: the whole city's scope, one alias per system (their figures and lights), and the red-light institutions. */
export const OVERVIEW_QUERY = `query WorkbenchOverview {
  city: staffScope { ${SCOPE_FIELDS} red: institutionQuotaUse(light: RED, first: 20) { ${LIGHT_FIELDS} } }
  ${SYSTEMS.map((s) => `${s}: staffScope(scope: { system: ${s} }) { institutionCount quotaUse { total { approved occupied vacant overQuota } red yellow green } }`).join('\n  ')}
}`;

interface SystemFigures {
  institutionCount: number;
  quotaUse: { total: { approved: number; occupied: number; vacant: number; overQuota: number }; red: number; yellow: number; green: number } | null;
}

/** 全市概览: figures, lights, charts and alerts of the city, and each system to drill into. */
export async function overviewView(): Promise<HTMLElement> {
  // Both answers first: the charts are built into the page as it is attached, with nothing awaited in between.
  const [answer, findings] = await Promise.all([graphql(OVERVIEW_QUERY), findingsPanel()]);
  const cut = forbiddenPaths(answer.errors);
  const others = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  const city: (Scope & { red: { totalCount: number; nodes: LightRow[] } | null }) | null = answer.data?.city ?? null;
  return h(
    'section',
    { 'data-testid': 'overview' },
    h('h1', {}, city?.label ?? '全市概览'),
    others.length ? errorList(others) : null,
    city ? scopePanels(city, cut, 'city') : null,
    h('h2', {}, '各系统'),
    table(
      ['系统', '机构数', '核定编制', '实有人数', '空编数', '超编人数', '红灯', '黄灯', '绿灯'],
      SYSTEMS.filter((s) => answer.data?.[s]).map((s) => {
        const f: SystemFigures = answer.data[s];
        const at = (...p: string[]) => [s, 'quotaUse', ...p];
        return [
          h('a', { href: `#/system/${s}` }, label(SYSTEM_LABELS, s)),
          f.institutionCount,
          value(cut, at('total', 'approved'), f.quotaUse?.total.approved),
          value(cut, at('total', 'occupied'), f.quotaUse?.total.occupied),
          value(cut, at('total', 'vacant'), f.quotaUse?.total.vacant),
          value(cut, at('total', 'overQuota'), f.quotaUse?.total.overQuota),
          value(cut, at('red'), f.quotaUse?.red),
          value(cut, at('yellow'), f.quotaUse?.yellow),
          value(cut, at('green'), f.quotaUse?.green),
        ];
      }),
      { 'data-testid': 'systems-table' },
    ),
    h('h2', {}, `红灯机构${city?.red ? `（${city.red.totalCount}）` : ''}`),
    city?.red ? lightTable(city.red.nodes) : h('p', {}, value(cut, ['city', 'red'], null)),
    findings,
  );
}
