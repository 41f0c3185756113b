import { chart } from '../chart.ts';
import { errorList } from '../errorList.ts';
import { forbiddenPaths } from '../forbidden.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { session } from '../session.ts';
import type { Breakdown } from '../scopeFields.ts';
import { table } from '../table.ts';
import { value } from '../value.ts';

/** The .xlsx of the same report, served by the gateway to the same token. */
export const REPORT_XLSX_PATH = '/reports/structure.xlsx';
const DIMENSIONS: [string, string][] = [
  ['age', '年龄结构'],
  ['gender', '性别结构'],
  ['education', '学历结构'],
  ['title', '专业技术职称结构'],
];
const QUERY = `query WorkbenchReport($year: Int) {
  structureReport(year: $year) {
    year asOf title
    scopes {
      id label institutionCount
      age: structure(dimension: AGE_BAND, base: IN_QUOTA_STAFF) { base baseCount cells { value label count share } }
      gender: structure(dimension: GENDER, base: IN_QUOTA_STAFF) { base baseCount cells { value label count share } }
      education: structure(dimension: EDUCATION, base: IN_QUOTA_STAFF) { base baseCount cells { value label count share } }
      title: structure(dimension: TITLE_LEVEL, base: IN_QUOTA_STAFF) { base baseCount cells { value label count share } }
    }
  }
}`;
/** Shares come from the API in percent, already rounded half up to one decimal. */
const percent = (share: number) => `${share.toFixed(1)}%`;

/**
 * 年度机构编制人员结构报告: the Staffing Office's annual report on the budget-paid staff, from the same
 * statistics as the workbench, laid out for print (A4, the print stylesheet hides the workbench around
 * it), with a download of the same report as .xlsx.
 */
export async function reportView(): Promise<HTMLElement> {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const year = Number(params.get('year')) || null;
  const answer = await graphql(QUERY, { year });
  const report = answer.data?.structureReport;
  const cut = forbiddenPaths(answer.errors);
  const others = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  const status = h('span', { class: 'muted' });
  const download = async () => {
    status.replaceChildren('正在生成……');
    const response = await fetch(`${REPORT_XLSX_PATH}?year=${report?.year ?? ''}`, { headers: { authorization: `Bearer ${session.token()}` } }).catch(
      () => null,
    );
    if (!response?.ok) {
      const body = response ? await response.json().catch(() => null) : null;
      return void status.replaceChildren(body?.errors?.[0]?.message ?? `下载失败（${response?.status ?? '网络错误'}）`);
    }
    const link = h('a', { href: URL.createObjectURL(await response.blob()), download: `机构编制人员结构报告-${report?.year ?? ''}.xlsx` });
    document.body.append(link);
    link.click();
    link.remove();
    status.replaceChildren('已下载。');
  };
  if (!report)
    return h(
      'section',
      { class: 'report' },
      h('h1', {}, '年度结构报告'),
      others.length ? errorList(others) : null,
      h('p', {}, value(cut, ['structureReport'], null)),
    );
  return h(
    'article',
    { class: 'report', 'data-testid': 'report' },
    h(
      'p',
      { class: 'no-print actions' },
      h('button', { type: 'button', onclick: () => print() }, '打印'),
      ' ',
      h('button', { type: 'button', onclick: () => void download() }, '下载 Excel（.xlsx）'),
      ' ',
      status,
    ),
    h('h1', {}, report.title),
    h('p', { class: 'muted' }, `统计日 ${report.asOf}（年龄按统计日计算周岁）· 范围：全额拨款、差额拨款单位的在编人员（财政供养人员）`),
    others.length ? errorList(others) : null,
    ...(report.scopes as ({ id: string; label: string; institutionCount: number } & Record<string, Breakdown | null>)[]).map((scope, n) =>
      h(
        'section',
        { class: 'report-scope' },
        h('h2', {}, `${n + 1}. ${scope.label}（${scope.institutionCount} 个单位）`),
        h(
          'div',
          { class: 'charts' },
          ...DIMENSIONS.filter(([key]) => scope[key]?.cells.length).map(([key, title]) =>
            chart(`${scope.label} · ${title}`, {
              tooltip: { trigger: 'item' },
              legend: { bottom: 0, type: 'scroll' },
              series: [
                {
                  type: 'pie',
                  radius: ['28%', '58%'],
                  label: { formatter: '{b} {d}%' },
                  data: scope[key]!.cells.map((c) => ({ name: c.label, value: c.count })),
                },
              ],
            }),
          ),
        ),
        ...DIMENSIONS.map(([key, title]) => {
          const b = scope[key];
          if (!b) return h('p', {}, `${title}：`, value(cut, ['structureReport', 'scopes', n, key], null));
          return h(
            'div',
            { class: 'report-table' },
            h('h3', {}, `${title}（基数 ${b.baseCount} 人）`),
            table(
              ['类别', '人数', '占比'],
              b.cells.map((c) => [c.label, c.count, percent(c.share)]),
            ),
          );
        }),
      ),
    ),
  );
}
