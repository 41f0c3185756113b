import type { PageEntry as EntryRow, PageGrant as GrantRow, PageItem as ItemRow, PageRequest as RequestRow, PageVersion as VersionRow } from './types.ts';
import { grantStateBadge, openText, overdueBadge, shareTypeBadge, statusBadge } from './badges.ts';
import { beijingTime } from '@hub/schema';
import { bilingualName } from './bilingualName.ts';
import { grantState } from '@hub/schema/contracts';
import { html, type SafeHtml } from './html.ts';
import { officeLabel, SENSITIVITY_LABELS, UPDATE_CYCLE_LABELS } from './labels.ts';
import { layout } from './layout.ts';
import { versionChanges } from './versionChanges.ts';

export interface EntryDetailData {
  entry: EntryRow & { items: ItemRow[] };
  /** Codes in the catalog, so a related code that is not (any more) is shown without a dead link. */
  knownCodes: ReadonlySet<string>;
  /** Each null when the viewer may not read it (the catalog decides, as for the API). */
  grants: GrantRow[] | null;
  pendingRequests: RequestRow[] | null;
  versions: VersionRow[] | null;
  now: Date;
}

const dash = (value: string | null) => (value?.trim() ? value : '—');
const coordinates = (list: string[]) => html`${list.map((c, i) => html`${i > 0 && html`<br>`}<code>${c}</code>`)}`;

/** 目录详情: the entry's metadata, its items, who holds grants, pending requests and the version history. */
export function entryDetailPage({ entry, knownCodes, grants, pendingRequests, versions, now }: EntryDetailData): string {
  const related = entry.relatedCodes.length
    ? html`${entry.relatedCodes.map(
        (code, i) =>
          html`${i > 0 && '、'}${knownCodes.has(code) ? html`<a class="mono" href="/catalog/${encodeURIComponent(code)}">${code}</a>` : html`<code>${code}</code>（未登记）`}`,
      )}`
    : '—';
  const body = html`
<p class="crumbs"><a href="/catalog">信息数据共享目录</a> › <span class="mono">${entry.code}</span></p>
<section class="panel">
<h1>${bilingualName(entry.name)}</h1>
<p>${shareTypeBadge(entry.shareType)} ${statusBadge(entry.status)} <span class="badge">版本 v${entry.version}</span></p>
<dl class="meta">
<dt>资源代码</dt><dd class="mono">${entry.code}</dd>
<dt>资源分类</dt><dd>${entry.classification}</dd>
<dt>提供部门</dt><dd>${officeLabel(entry.providerOffice)}（<span class="mono">${entry.providerCode}</span>）</dd>
<dt>摘要</dt><dd>${entry.summary}</dd>
<dt>格式</dt><dd>${entry.format}</dd>
<dt>共享类型</dt><dd>${shareTypeBadge(entry.shareType)}</dd>
<dt>共享条件</dt><dd>${dash(entry.shareConditions)}</dd>
<dt>共享方式</dt><dd>${entry.shareMethod}</dd>
<dt>开放属性</dt><dd>${openText(entry.open)}</dd>
<dt>更新周期</dt><dd>${UPDATE_CYCLE_LABELS[entry.updateCycle]}</dd>
<dt>依据</dt><dd>${dash(entry.basis)}</dd>
<dt>维护单位</dt><dd>${entry.maintainer}</dd>
<dt>发布日期</dt><dd>${entry.publishedOn}</dd>
<dt>关联资源</dt><dd>${related}</dd>
<dt>最近更新</dt><dd>${beijingTime(entry.updatedAt)}</dd>
</dl>
</section>
${itemsSection(entry.items)}
${grantsSection(grants, now)}
${requestsSection(pendingRequests)}
${versionsSection(versions)}`;
  return layout({ title: `${entry.code} ${entry.name}`, body, now });
}

/** What a section says to a viewer the catalog does not let read it. */
const RESTRICTED = html`<p class="empty restricted">须登录并由目录授权后可见 / visible only to signed-in viewers the catalog allows</p>`;

function section(title: string, count: number | null, content: SafeHtml, empty: string): SafeHtml {
  return html`<section class="panel">
<h2>${title}${count !== null && html` <span class="count">（${count}）</span>`}</h2>
${count === null ? RESTRICTED : count ? html`<div class="table-wrap">${content}</div>` : html`<p class="empty">${empty}</p>`}
</section>`;
}

function itemsSection(items: ItemRow[]): SafeHtml {
  const rows = items.map(
    (item, i) => html`<tr data-coordinate="${item.coordinate}">
<td class="num">${i + 1}</td><td>${item.name}</td><td><code>${item.coordinate}</code></td><td class="nowrap">${item.dataType}</td>
<td class="nowrap sens-${item.sensitivity}">${SENSITIVITY_LABELS[item.sensitivity]}</td></tr>`,
  );
  return section(
    '信息项',
    items.length,
    html`<table><thead><tr><th class="num">序号</th><th>信息项名称</th><th>字段坐标</th><th>数据类型</th><th>敏感程度</th></tr></thead><tbody>${rows}</tbody></table>`,
    '本资源尚未登记信息项。',
  );
}

function grantsSection(grants: GrantRow[] | null, now: Date): SafeHtml {
  const rows = (grants ?? []).map(
    (grant) => html`<tr data-grant="${grant.id}">
<td class="nowrap">${officeLabel(grant.granteeOffice)}</td><td>${coordinates(grant.coordinates)}</td>
<td class="nowrap">${beijingTime(grant.grantedAt)}</td><td class="nowrap">${beijingTime(grant.expiresAt)}</td>
<td>${grantStateBadge(grantState(grant, now))}${grant.revokedAt && html`<div class="classification">${beijingTime(grant.revokedAt)} 撤销：${dash(grant.revokeReason)}</div>`}</td></tr>`,
  );
  return section(
    '授权情况',
    grants ? grants.length : null,
    html`<table><thead><tr><th>被授权部门</th><th>信息项</th><th>授权时间</th><th>到期时间</th><th>状态</th></tr></thead><tbody>${rows}</tbody></table>`,
    '暂无授权。',
  );
}

function requestsSection(requests: RequestRow[] | null): SafeHtml {
  const rows = (requests ?? []).map(
    (request) => html`<tr data-request="${request.id}">
<td class="nowrap">${officeLabel(request.requesterOffice)}<div class="classification mono">${request.requesterSub}</div></td>
<td>${request.purpose}</td><td class="nowrap">${dash(request.caseNumber)}</td><td>${coordinates(request.coordinates)}</td>
<td class="nowrap">${request.periodFrom} 至 ${request.periodTo}</td>
<td class="nowrap">${beijingTime(request.submittedAt)}</td>
<td class="nowrap">${request.dueOn} ${request.overdue && overdueBadge()}</td></tr>`,
  );
  return section(
    '待审批的共享申请',
    requests ? requests.length : null,
    html`<table><thead><tr><th>申请部门 / 申请人</th><th>用途</th><th>案件编号</th><th>申请信息项</th><th>使用期限</th><th>提交时间</th><th>答复期限</th></tr></thead><tbody>${rows}</tbody></table>`,
    '暂无待审批的申请。',
  );
}

function versionsSection(versions: VersionRow[] | null): SafeHtml {
  const rows = (versions ?? []).map(
    (version) => html`<tr data-version="${version.version}">
<td class="num">v${version.version}</td><td class="nowrap">${version.changedBy}</td><td class="nowrap">${beijingTime(version.changedAt)}</td>
<td>${versionChanges(version)}</td></tr>`,
  );
  return section(
    '版本记录',
    versions ? versions.length : null,
    html`<table><thead><tr><th class="num">版本</th><th>修改人</th><th>修改时间</th><th>变更内容</th></tr></thead><tbody>${rows}</tbody></table>`,
    '暂无版本记录。',
  );
}
