import type { PageEntry as EntryRow, PageItem as ItemRow, PageRequest as RequestRow } from './types.ts';
import { SHARE_TYPES } from '@hub/schema/contracts';
import { overdueBadge, openText, shareTypeBadge, statusBadge } from './badges.ts';
import { bilingualName } from './bilingualName.ts';
import { html, type SafeHtml } from './html.ts';
import { OFFICE_LABELS, officeLabel, SHARE_TYPE_LABELS, UPDATE_CYCLE_LABELS } from './labels.ts';
import { layout } from './layout.ts';
import { matchesFilter, type ListFilter } from './listFilter.ts';

export interface EntryListData {
  /** Every entry, in code order. */
  entries: (EntryRow & { items: ItemRow[] })[];
  /** Null when the viewer may not see requests (an anonymous visitor). */
  pendingRequests: RequestRow[] | null;
  filter: ListFilter;
  now: Date;
}

/** 目录列表: the summary, the filters, and one row per entry that passes them. */
export function entryListPage({ entries, pendingRequests, filter, now }: EntryListData): string {
  const shown = entries.filter((entry) => matchesFilter(entry, filter));
  const filtered = Object.keys(filter).length > 0;
  const pendingByEntry = new Map<string, { pending: number; overdue: number }>();
  for (const request of pendingRequests ?? []) {
    const counts = pendingByEntry.get(request.entryCode) ?? { pending: 0, overdue: 0 };
    counts.pending++;
    if (request.overdue) counts.overdue++;
    pendingByEntry.set(request.entryCode, counts);
  }
  const shownCodes = new Set(shown.map((e) => e.code));
  const pendingShown = (pendingRequests ?? []).filter((r) => shownCodes.has(r.entryCode));
  const overdueShown = pendingShown.filter((r) => r.overdue).length;

  const body = html`
<section class="panel">
<h1>信息数据共享目录<span class="en" lang="en">Shared data catalog</span></h1>
<p class="summary">
${filtered && html`<span>筛选结果（全部 ${entries.length} 条中）：</span>`}
<span>信息资源 <strong>${shown.length}</strong> 条</span>
<span>信息项 <strong>${shown.reduce((sum, e) => sum + e.items.length, 0)}</strong> 个</span>
${SHARE_TYPES.map((type) => html`<span>${shareTypeBadge(type)} <strong>${shown.filter((e) => e.shareType === type).length}</strong></span>`)}
${
  pendingRequests
    ? html`<span>待审申请 <strong>${pendingShown.length}</strong> 件${overdueShown > 0 && html`，其中 ${overdueBadge()} <strong>${overdueShown}</strong> 件`}</span>`
    : html`<span class="restricted">待审申请：登录后可见 / sign in to see access requests</span>`
}
</p>
</section>
${filterForm(filter)}
<section class="panel">
${shown.length ? entryTable(shown, pendingByEntry) : html`<p class="empty">没有符合条件的信息资源。No entry matches these filters.</p>`}
</section>`;
  return layout({ title: '目录列表', body, now });
}

function filterForm(filter: ListFilter): SafeHtml {
  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}"${value === (selected ?? '') && html` selected`}>${label}</option>`;
  return html`
<section class="panel">
<form class="filters" method="get" action="/catalog" role="search">
<label>提供部门
<select name="office">${option('', '全部部门', filter.office)}${Object.entries(OFFICE_LABELS).map(([value, label]) => option(value, label, filter.office))}</select>
</label>
<label>共享类型
<select name="shareType">${option('', '全部类型', filter.shareType)}${SHARE_TYPES.map((type) => option(type, SHARE_TYPE_LABELS[type], filter.shareType))}</select>
</label>
<label>名称搜索
<input type="search" name="q" value="${filter.q ?? ''}" placeholder="资源名称、信息项名称或代码" maxlength="100">
</label>
<button type="submit">筛选</button>
<a href="/catalog">清除筛选</a>
</form>
</section>`;
}

function entryTable(entries: EntryListData['entries'], pendingByEntry: Map<string, { pending: number; overdue: number }>): SafeHtml {
  const rows = entries.map((entry) => {
    const counts = pendingByEntry.get(entry.code);
    return html`<tr data-code="${entry.code}">
<td class="nowrap"><a class="mono" href="/catalog/${encodeURIComponent(entry.code)}">${entry.code}</a></td>
<td class="classification hide-narrow">${entry.classification}</td>
<td><a class="name" href="/catalog/${encodeURIComponent(entry.code)}">${bilingualName(entry.name)}</a>${
      counts && html`<div><span class="badge pending">待审 ${counts.pending}</span>${counts.overdue > 0 && overdueBadge()}</div>`
    }</td>
<td class="nowrap">${officeLabel(entry.providerOffice)}</td>
<td>${shareTypeBadge(entry.shareType)}</td>
<td class="nowrap hide-narrow">${openText(entry.open)}</td>
<td class="nowrap hide-narrow">${UPDATE_CYCLE_LABELS[entry.updateCycle]}</td>
<td>${statusBadge(entry.status)}</td>
<td class="num hide-narrow">v${entry.version}</td>
<td class="num">${entry.items.length}</td>
</tr>`;
  });
  return html`<div class="table-wrap"><table>
<thead><tr><th>资源代码</th><th class="hide-narrow">资源分类</th><th>资源名称</th><th>提供部门</th><th>共享类型</th><th class="hide-narrow">开放属性</th><th class="hide-narrow">更新周期</th><th>状态</th><th class="num hide-narrow">版本</th><th class="num">信息项</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}
