import { errorList } from '../errorList.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { SHARE_TYPE_LABELS, STATUS_LABELS, UPDATE_CYCLE_LABELS } from '../labels.ts';
import type { EntryDetail } from './entryView.ts';

const UPDATE = `mutation WorkbenchUpdateEntry($code: ID!, $input: UpdateCatalogEntryInput!) { updateCatalogEntry(code: $code, input: $input) { entry { code version } } }`;

const select = (name: string, labels: Record<string, string>, current: string) =>
  h('select', { name, 'aria-label': name }, ...Object.entries(labels).map(([v, t]) => h('option', { value: v, selected: v === current }, t)));

/**
 * The coordination group's edit of an entry: only the fields changed are sent, and the catalog
 * subgraph keeps its rules (a conditional entry needs conditions and a basis …) and says which it broke.
 */
export function editEntryForm(entry: EntryDetail, done: () => void): HTMLElement {
  const fields = {
    name: h('input', { type: 'text', name: 'name', value: entry.name, maxlength: 128 }),
    summary: h('textarea', { name: 'summary', maxlength: 2000, rows: 3 }, entry.summary),
    shareType: select('shareType', SHARE_TYPE_LABELS, entry.shareType),
    shareConditions: h('textarea', { name: 'shareConditions', maxlength: 1000, rows: 2 }, entry.shareConditions ?? ''),
    basis: h('textarea', { name: 'basis', maxlength: 1000, rows: 2 }, entry.basis ?? ''),
    updateCycle: select('updateCycle', UPDATE_CYCLE_LABELS, entry.updateCycle),
    status: select('status', STATUS_LABELS, entry.status),
    maintainer: h('input', { type: 'text', name: 'maintainer', value: entry.maintainer, maxlength: 64 }),
  };
  const open = h('input', { type: 'checkbox', name: 'open', checked: entry.open });
  const result = h('div', { class: 'result' });
  const before: Record<string, string | null> = {
    name: entry.name,
    summary: entry.summary,
    shareType: entry.shareType,
    shareConditions: entry.shareConditions,
    basis: entry.basis,
    updateCycle: entry.updateCycle,
    status: entry.status,
    maintainer: entry.maintainer,
  };
  const names: Record<string, string> = {
    name: '名称',
    summary: '摘要',
    shareType: '共享类型',
    shareConditions: '共享条件',
    basis: '依据',
    updateCycle: '更新周期',
    status: '状态',
    maintainer: '维护人',
  };
  return h(
    'form',
    {
      class: 'card',
      'data-testid': 'edit-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const input: Record<string, unknown> = {};
        for (const [key, element] of Object.entries(fields)) {
          const now = element.value.trim() === '' && (key === 'shareConditions' || key === 'basis') ? null : element.value;
          if (now !== before[key]) input[key] = now;
        }
        if (open.checked !== entry.open) input.open = open.checked;
        if (!Object.keys(input).length) return void result.replaceChildren(h('p', { class: 'muted' }, '没有修改。'));
        const answer = await graphql(UPDATE, { code: entry.code, input });
        if (answer.errors?.length) return void result.replaceChildren(errorList(answer.errors));
        result.replaceChildren(h('p', { class: 'ok', role: 'status' }, `已保存为第 ${answer.data.updateCatalogEntry.entry.version} 版。`));
        setTimeout(done, 600);
      },
    },
    h('h2', {}, '修改信息资源（协调小组）'),
    ...Object.entries(fields).map(([key, element]) => h('label', { class: 'field' }, h('span', {}, names[key] ?? key), element)),
    h('label', { class: 'field' }, h('span', {}, '向社会开放'), open),
    h('button', { type: 'submit' }, '保存为新版本'),
    result,
  );
}
