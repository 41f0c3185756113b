import { chart } from './chart.ts';
import { h } from './h.ts';
import { EMPLOYMENT_LABELS, label, QUOTA_LABELS } from './labels.ts';
import type { AlertRow, Breakdown, Scope } from './scopeFields.ts';
import { table } from './table.ts';
import { value } from './value.ts';

const BASE_LABELS: Record<string, string> = { ALL_STAFF: '全部在岗人员', IN_QUOTA_STAFF: '在编人员', OUT_OF_QUOTA_STAFF: '编外人员' };
const ALERT_LABELS: Record<string, string> = {
  AGEING: '老龄化',
  OVER_QUOTA: '超编',
  LONG_VACANCY: '长期空编',
  LEADERSHIP_OVER_FILLED: '超职数配备',
  OUT_OF_QUOTA_HIGH: '编外人员过多',
};
/** Shares come from the API in percent, already rounded half up to one decimal. */
const percent = (share: number) => `${share.toFixed(1)}%`;

/** A breakdown as a chart: a pie for one dimension, stacked bars for two; the base is in the caption. */
function breakdownChart(title: string, b: Breakdown): HTMLElement {
  const caption = `${title}（基数：${label(BASE_LABELS, b.base)} ${b.baseCount} 人）`;
  if (!b.cells.some((c) => c.byValue)) {
    return chart(caption, {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['30%', '62%'], data: b.cells.map((c) => ({ name: c.label, value: c.count })) }],
    });
  }
  const rows = [...new Set(b.cells.map((c) => c.label))];
  const columns = [...new Set(b.cells.map((c) => c.byLabel ?? ''))];
  return chart(
    caption,
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 80, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows },
      series: columns.map((column) => ({
        name: column,
        type: 'bar',
        stack: 'all',
        data: rows.map((row) => b.cells.find((c) => c.label === row && (c.byLabel ?? '') === column)?.count ?? 0),
      })),
    },
    'wide',
  );
}

/** An alert list (智能化提示) with each alert's own message as the office wrote it. */
export function alertList(alerts: AlertRow[]): HTMLElement {
  if (!alerts.length) return h('p', { class: 'muted' }, '暂无提示。');
  return h(
    'ul',
    { class: 'alerts', 'data-testid': 'alerts' },
    ...alerts.map((a) =>
      h(
        'li',
        { class: `alert ${a.kind.toLowerCase()}` },
        h('span', { class: 'badge' }, label(ALERT_LABELS, a.kind)),
        ' ',
        a.institution
          ? h('a', { href: `#/institution/${encodeURIComponent(a.institution.creditCode)}` }, a.institution.name ?? a.institution.creditCode)
          : null,
        a.institution ? '：' : '',
        a.message,
      ),
    ),
  );
}

/**
 * A scope's figures (quota use, lights), structure charts and alerts, each field as the viewer may
 * see it (`at` is the scope's path in the answer, for 无权查看).
 */
export function scopePanels(scope: Scope, cut: Set<string>, at: string): (HTMLElement | null)[] {
  const q = scope.quotaUse;
  const p = (...path: (string | number)[]) => [at, ...path];
  const figure = (title: string, node: HTMLElement, test: string, tone = '') =>
    h('div', { class: `figure-box ${tone}`, 'data-testid': test }, h('div', { class: 'big' }, node), h('div', {}, title));
  const alerts = [...(scope.quotaAlerts ?? []), ...(scope.structureAlerts ?? []), ...(scope.leadershipAlerts ?? [])];
  const charts: HTMLElement[] = [];
  if (q?.byCategory.length)
    charts.push(
      chart('编制核定与使用（按类别）', {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: q.byCategory.map((c) => label(QUOTA_LABELS, c.category ?? '')) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '核定数', type: 'bar', data: q.byCategory.map((c) => c.approved) },
          { name: '实有数', type: 'bar', data: q.byCategory.map((c) => c.occupied) },
          { name: '已审批未入编', type: 'bar', data: q.byCategory.map((c) => c.reserved) },
          { name: '空编数', type: 'bar', data: q.byCategory.map((c) => c.vacant) },
        ],
      }),
    );
  if (q)
    charts.push(
      chart('超缺编亮灯（机构数）', {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        color: ['#c0392b', '#d4a017', '#2e8b57'],
        series: [
          {
            type: 'pie',
            radius: ['30%', '62%'],
            data: [
              { name: '红灯', value: q.red },
              { name: '黄灯', value: q.yellow },
              { name: '绿灯', value: q.green },
            ],
          },
        ],
      }),
    );
  if (scope.workforceByType?.length)
    charts.push(
      chart('在岗人员（按用工类型）', {
        tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['30%', '62%'], data: scope.workforceByType.map((w) => ({ name: label(EMPLOYMENT_LABELS, w.type), value: w.count })) }],
      }),
    );
  if (scope.age) charts.push(breakdownChart('年龄结构', scope.age));
  if (scope.gender) charts.push(breakdownChart('性别结构', scope.gender));
  if (scope.education) charts.push(breakdownChart('学历结构', scope.education));
  if (scope.typeByEducation) charts.push(breakdownChart('用工类型 × 学历', scope.typeByEducation));
  return [
    h(
      'div',
      { class: 'figures' },
      figure('机构数', h('span', {}, scope.institutionCount), 'fig-institutions'),
      figure('核定编制', value(cut, p('quotaUse', 'total', 'approved'), q?.total.approved), 'fig-approved'),
      figure('实有人数', value(cut, p('quotaUse', 'total', 'occupied'), q?.total.occupied), 'fig-occupied'),
      figure('已审批未入编', value(cut, p('quotaUse', 'total', 'reserved'), q?.total.reserved), 'fig-reserved'),
      figure('空编数', value(cut, p('quotaUse', 'total', 'vacant'), q?.total.vacant), 'fig-vacant'),
      figure('超编人数', value(cut, p('quotaUse', 'total', 'overQuota'), q?.total.overQuota), 'fig-over', 'red'),
      figure('红灯机构', value(cut, p('quotaUse', 'red'), q?.red), 'fig-red', 'red'),
      figure('黄灯机构', value(cut, p('quotaUse', 'yellow'), q?.yellow), 'fig-yellow', 'yellow'),
      figure('绿灯机构', value(cut, p('quotaUse', 'green'), q?.green), 'fig-green', 'green'),
    ),
    h('div', { class: 'charts' }, ...charts),
    h('h2', {}, '智能化提示'),
    scope.quotaAlerts || scope.structureAlerts || scope.leadershipAlerts ? alertList(alerts) : h('p', {}, value(cut, p('quotaAlerts'), null)),
    scope.age ? h('h2', {}, '年龄结构明细') : null,
    scope.age
      ? table(
          ['年龄段', '人数', '占比'],
          scope.age.cells.map((c) => [c.label, c.count, percent(c.share)]),
        )
      : null,
  ];
}
