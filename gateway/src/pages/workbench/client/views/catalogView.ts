import { errorList } from '../errorList.ts';
import { graphql } from '../graphql.ts';
import { h } from '../h.ts';
import { label, officeLabel, SHARE_TYPE_LABELS, STATUS_LABELS } from '../labels.ts';
import { table } from '../table.ts';

const QUERY = `query WorkbenchCatalog { catalogEntries { code name providerOffice shareType open status version items { coordinate } } }`;

interface Entry {
  code: string;
  name: string;
  providerOffice: string;
  shareType: string;
  open: boolean;
  status: string;
  version: number;
  items: { coordinate: string }[];
}

/** The shared catalog: every entry the viewer may see, filtered in the page by share type and text. */
export async function catalogView(): Promise<HTMLElement> {
  const answer = await graphql<{ catalogEntries: Entry[] | null }>(QUERY);
  const entries = answer.data?.catalogEntries ?? [];
  const shareType = h(
    'select',
    { 'aria-label': '共享类型' },
    h('option', { value: '' }, '全部共享类型'),
    ...Object.entries(SHARE_TYPE_LABELS).map(([v, t]) => h('option', { value: v }, t)),
  );
  const text = h('input', { type: 'search', placeholder: '按代码、名称或字段查找', maxlength: 64, 'aria-label': '查找' });
  const body = h('div');
  const draw = () => {
    const q = text.value.trim().toLowerCase();
    const shown = entries.filter(
      (e) =>
        (!shareType.value || e.shareType === shareType.value) &&
        (!q || e.code.toLowerCase().includes(q) || e.name.toLowerCase().includes(q) || e.items.some((i) => i.coordinate.toLowerCase().includes(q))),
    );
    body.replaceChildren(
      h('p', { class: 'muted' }, `共 ${shown.length} 项`),
      table(
        ['代码', '名称', '提供部门', '共享类型', '开放', '状态', '版本', '信息项'],
        shown.map((e) => [
          h('a', { href: `#/catalog/${encodeURIComponent(e.code)}` }, e.code),
          e.name,
          officeLabel(e.providerOffice),
          h('span', { class: `badge ${e.shareType.toLowerCase()}` }, label(SHARE_TYPE_LABELS, e.shareType)),
          e.open ? '开放' : '不开放',
          label(STATUS_LABELS, e.status),
          e.version,
          e.items.length,
        ]),
        { 'data-testid': 'catalog-table' },
      ),
    );
  };
  shareType.addEventListener('change', draw);
  text.addEventListener('input', draw);
  draw();
  return h(
    'section',
    {},
    h('h1', {}, '信息数据共享目录'),
    h('p', { class: 'muted' }, '有条件共享的资源须提交共享申请，经提供部门负责人或审核员同意后方可读取。点代码查看详情、申请或审核。'),
    answer.errors ? errorList(answer.errors) : null,
    h('div', { class: 'filters' }, shareType, text),
    body,
  );
}
