import { chart } from '../chart.ts';
import { errorList } from '../errorList.ts';
import { forbiddenPaths } from '../forbidden.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { EMPLOYMENT_LABELS, FUNDING_LABELS, KIND_LABELS, LEVEL_LABELS, label, QUOTA_LABELS, SYSTEM_LABELS } from '../labels.ts';
import { table } from '../table.ts';
import { value } from '../value.ts';
import { findingsPanel } from './findingsPanel.ts';

const QUERY = `query WorkbenchInstitution($code: ID!) {
  institution(creditCode: $code) {
    creditCode name kind level system fundingForm frozen
    parent { creditCode name }
    quotas { category approved occupied reserved vacant }
    leadershipPostsApproved leadershipPostsFilled
    workforceByType { type count }
    budgetUnit { code fundingForm budgetedHeadcount }
    cadres { name post rank leadership }
  }
}`;

interface Quota {
  category: string;
  approved: number;
  occupied: number | null;
  reserved: number | null;
  vacant: number | null;
}

/**
 * One institution as the viewer may see it: its facts (编办), quotas and their use, its workforce by
 * employment type (人社局), leadership posts and cadres (组织部), its budget unit (财政局); a field the
 * catalog does not grant shows 无权查看.
 */
export async function institutionView(code: string): Promise<HTMLElement> {
  // Both answers first: the page is built and attached with nothing awaited in between (its charts size on attach).
  const [answer, findings] = await Promise.all([graphql(QUERY, { code }), findingsPanel(code)]);
  const i = answer.data?.institution;
  const cut = forbiddenPaths(answer.errors);
  const others = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  if (!i) return h('section', {}, h('h1', {}, '未找到'), h('p', {}, `没有统一社会信用代码为「${code}」的机构，或本部门无权查看。`), errorList(answer.errors));
  const at = (...path: (string | number)[]) => ['institution', ...path];
  const quotas: Quota[] | null = i.quotas;
  const workforce: { type: string; count: number }[] | null = i.workforceByType;
  const facts: [string, HTMLElement][] = [
    ['统一社会信用代码', value(cut, at('creditCode'), i.creditCode)],
    ['机构类别', value(cut, at('kind'), i.kind, (v: string) => label(KIND_LABELS, v))],
    ['层级', value(cut, at('level'), i.level, (v: string) => label(LEVEL_LABELS, v))],
    ['所属系统', i.system ? h('a', { href: `#/system/${i.system}` }, label(SYSTEM_LABELS, i.system)) : value(cut, at('system'), i.system)],
    ['经费形式（编办核定）', value(cut, at('fundingForm'), i.fundingForm, (v: string) => label(FUNDING_LABELS, v))],
    ['经费形式（财政预算）', value(cut, at('budgetUnit', 'fundingForm'), i.budgetUnit?.fundingForm, (v: string) => label(FUNDING_LABELS, v))],
    ['预算人数', value(cut, at('budgetUnit', 'budgetedHeadcount'), i.budgetUnit?.budgetedHeadcount)],
    [
      '上级机构',
      i.parent
        ? h('a', { href: `#/institution/${encodeURIComponent(i.parent.creditCode)}` }, i.parent.name ?? i.parent.creditCode)
        : value(cut, at('parent'), null),
    ],
    [
      '领导职数（核定 / 实配）',
      h(
        'span',
        {},
        value(cut, at('leadershipPostsApproved'), i.leadershipPostsApproved),
        ' / ',
        value(cut, at('leadershipPostsFilled'), i.leadershipPostsFilled),
      ),
    ],
    ['编制业务', value(cut, at('frozen'), i.frozen, (v: boolean) => (v ? '已冻结' : '正常'))],
  ];
  return h(
    'section',
    { 'data-testid': 'institution' },
    h('p', {}, h('a', { href: '#/' }, '← 全市概览'), i.system ? [' · ', h('a', { href: `#/system/${i.system}` }, label(SYSTEM_LABELS, i.system))] : null),
    h('h1', { 'data-testid': 'institution-name' }, i.name ?? code),
    others.length ? errorList(others) : null,
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, '编制使用'),
    quotas
      ? table(
          ['编制类别', '核定数', '实有数', '已审批未入编', '空编数'],
          quotas.map((q, n) => [
            label(QUOTA_LABELS, q.category),
            q.approved,
            value(cut, at('quotas', n, 'occupied'), q.occupied),
            value(cut, at('quotas', n, 'reserved'), q.reserved),
            value(cut, at('quotas', n, 'vacant'), q.vacant, (v: number) => (v < 0 ? `${v}（超编 ${-v}）` : String(v))),
          ]),
          { 'data-testid': 'quota-table' },
        )
      : h('p', {}, value(cut, at('quotas'), null)),
    h(
      'div',
      { class: 'charts' },
      quotas?.length
        ? chart('编制核定与使用（按类别）', {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            xAxis: { type: 'category', data: quotas.map((q) => label(QUOTA_LABELS, q.category)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: '核定数', type: 'bar', data: quotas.map((q) => q.approved) },
              { name: '实有数', type: 'bar', data: quotas.map((q) => q.occupied) },
              { name: '已审批未入编', type: 'bar', data: quotas.map((q) => q.reserved) },
            ],
          })
        : null,
      workforce?.length
        ? chart('在岗人员（按用工类型）', {
            tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
            legend: { bottom: 0 },
            series: [{ type: 'pie', radius: ['35%', '65%'], data: workforce.map((w) => ({ name: label(EMPLOYMENT_LABELS, w.type), value: w.count })) }],
          })
        : h('p', {}, '用工类型：', value(cut, at('workforceByType'), workforce)),
    ),
    workforce
      ? table(
          ['用工类型', '人数'],
          workforce.map((w) => [label(EMPLOYMENT_LABELS, w.type), w.count]),
          { 'data-testid': 'workforce-table' },
        )
      : null,
    h('h2', {}, '干部（组织部，有条件共享）'),
    i.cadres
      ? table(
          ['姓名', '职务', '职级', '领导职务'],
          (i.cadres as { name: string; post: string; rank: string; leadership: boolean }[]).map((c) => [c.name, c.post, c.rank, c.leadership ? '是' : '否']),
          { 'data-testid': 'cadres-table' },
        )
      : h('p', { 'data-testid': 'cadres' }, value(cut, at('cadres'), null)),
    findings,
  );
}
