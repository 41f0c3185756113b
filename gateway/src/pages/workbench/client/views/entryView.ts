import { todayInBeijing } from '../dates.ts';
import { errorList } from '../errorList.ts';
import { GRANT_FIELDS, type GrantRow, grantRows } from '../grantRows.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { label, officeLabel, SHARE_TYPE_LABELS, STATUS_LABELS, UPDATE_CYCLE_LABELS } from '../labels.ts';
import { REQUEST_FIELDS, type RequestRow, requestRows } from '../requestRows.ts';
import { session } from '../session.ts';
import { table } from '../table.ts';
import { editEntryForm } from './editEntryForm.ts';

const QUERY = `query WorkbenchEntry($code: ID!) {
  catalogEntry(code: $code) {
    code name classification providerOffice summary format shareType shareConditions shareMethod open updateCycle
    basis maintainer status version publishedOn
    items { coordinate name dataType sensitivity }
    grants { ${GRANT_FIELDS} }
    pendingRequests { ${REQUEST_FIELDS} }
  }
}`;
const ACCESS = `query WorkbenchAccess($coordinates: [String!]) { myAccess(coordinates: $coordinates) { coordinate allowed reason message } }`;
const REQUEST = `mutation WorkbenchRequest($input: RequestAccessInput!) { requestAccess(input: $input) { request { id status dueOn } } }`;

export interface EntryDetail {
  code: string;
  name: string;
  classification: string;
  providerOffice: string;
  summary: string;
  format: string;
  shareType: string;
  shareConditions: string | null;
  shareMethod: string;
  open: boolean;
  updateCycle: string;
  basis: string | null;
  maintainer: string;
  status: string;
  version: number;
  publishedOn: string;
  items: { coordinate: string; name: string; dataType: string; sensitivity: string }[];
  grants: GrantRow[] | null;
  pendingRequests: RequestRow[] | null;
}

/** One catalog entry: its metadata and items, what the viewer may read of it now, and the actions on it. */
export async function entryView(code: string): Promise<HTMLElement> {
  const viewer = session.viewer()!;
  const answer = await graphql<{ catalogEntry: EntryDetail | null }>(QUERY, { code });
  const entry = answer.data?.catalogEntry;
  if (!entry) return h('section', {}, h('h1', {}, '未找到'), h('p', {}, `目录中没有代码为「${code}」的信息资源。`), errorList(answer.errors));
  const access = await graphql<{ myAccess: { coordinate: string; allowed: boolean; reason: string; message: string | null }[] | null }>(ACCESS, {
    coordinates: entry.items.map((i) => i.coordinate),
  });
  const allowed = new Map((access.data?.myAccess ?? []).map((a) => [a.coordinate, a]));
  const reload = () => dispatchEvent(new HashChangeEvent('hashchange'));
  const provider = viewer.office === entry.providerOffice;

  const facts: [string, string][] = [
    ['资源分类', entry.classification],
    ['提供部门', officeLabel(entry.providerOffice)],
    ['摘要', entry.summary],
    ['格式', entry.format],
    ['共享类型', label(SHARE_TYPE_LABELS, entry.shareType)],
    ['共享条件', entry.shareConditions ?? '—'],
    ['共享方式', entry.shareMethod],
    ['开放属性', entry.open ? '向社会开放' : '不开放'],
    ['更新周期', label(UPDATE_CYCLE_LABELS, entry.updateCycle)],
    ['依据', entry.basis ?? '—'],
    ['维护人', entry.maintainer],
    ['状态', label(STATUS_LABELS, entry.status)],
    ['版本', `第 ${entry.version} 版（发布于 ${entry.publishedOn}）`],
  ];
  return h(
    'section',
    { 'data-testid': 'entry' },
    h('p', {}, h('a', { href: '#/catalog' }, '← 共享目录')),
    h('h1', {}, `${entry.code} ${entry.name}`),
    answer.errors ? errorList(answer.errors) : null,
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, '信息项与本部门当前权限'),
    table(
      ['字段坐标', '名称', '数据类型', '敏感程度', '本部门可读'],
      entry.items.map((i) => {
        const a = allowed.get(i.coordinate);
        return [
          h('code', {}, i.coordinate),
          i.name,
          i.dataType,
          i.sensitivity,
          a ? h('span', { class: a.allowed ? 'ok' : 'forbidden', title: a.message ?? a.reason }, a.allowed ? `可读（${a.reason}）` : '无权查看') : '—',
        ];
      }),
      { 'data-testid': 'items-table' },
    ),
    entry.shareType === 'CONDITIONAL' && !provider ? requestForm(entry) : null,
    h('h2', {}, '待审核的共享申请'),
    entry.pendingRequests ? requestRows(entry.pendingRequests, viewer.office, () => entry.providerOffice, reload) : h('p', { class: 'muted' }, '无权查看。'),
    h('h2', {}, '授权'),
    entry.grants ? grantRows(entry.grants, () => provider || viewer.role === 'COORDINATOR', reload) : h('p', { class: 'muted' }, '无权查看。'),
    viewer.role === 'COORDINATOR' ? editEntryForm(entry, reload) : null,
  );

  function requestForm(e: EntryDetail): HTMLElement {
    const purpose = h('input', { type: 'text', name: 'purpose', required: true, maxlength: 1000, placeholder: '用途（必填）', 'aria-label': '用途' });
    const caseNumber = h('input', { type: 'text', name: 'caseNumber', maxlength: 64, placeholder: '案件或工作编号', 'aria-label': '案件编号' });
    const today = todayInBeijing();
    const from = h('input', { type: 'date', name: 'periodFrom', required: true, value: today, 'aria-label': '期限起' });
    const to = h('input', {
      type: 'date',
      name: 'periodTo',
      required: true,
      value: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      'aria-label': '期限止',
    });
    const picks = e.items.map((i) => h('input', { type: 'checkbox', value: i.coordinate, checked: true }));
    const result = h('div', { class: 'result' });
    return h(
      'form',
      {
        class: 'card',
        'data-testid': 'request-form',
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const coordinates = picks.filter((p) => p.checked).map((p) => p.value);
          const input = {
            entryCode: e.code,
            purpose: purpose.value,
            caseNumber: caseNumber.value || null,
            periodFrom: from.value,
            periodTo: to.value,
            ...(coordinates.length === picks.length ? {} : { coordinates }),
          };
          const answer = await graphql(REQUEST, { input });
          if (answer.errors?.length) return void result.replaceChildren(errorList(answer.errors));
          const request = answer.data.requestAccess.request;
          result.replaceChildren(h('p', { class: 'ok', role: 'status' }, `已提交申请 ${request.id}，提供部门应于 ${request.dueOn} 前答复。`));
        },
      },
      h('h2', {}, '申请使用（有条件共享）'),
      h('p', { class: 'muted' }, e.shareConditions ?? ''),
      h('div', { class: 'row' }, purpose, caseNumber),
      h('div', { class: 'row' }, h('label', {}, '期限 ', from), h('label', {}, ' 至 ', to)),
      h('fieldset', {}, h('legend', {}, '申请的信息项'), ...e.items.map((i, n) => h('label', { class: 'pick' }, picks[n]!, ` ${i.name}（${i.coordinate}）`))),
      h('button', { type: 'submit' }, '提交共享申请'),
      result,
    );
  }
}
