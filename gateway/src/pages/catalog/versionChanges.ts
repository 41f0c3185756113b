import type { PageEntry as EntryRow, PageVersion as VersionRow } from './types.ts';
import { html, type SafeHtml } from './html.ts';
import { FIELD_LABELS, openLabel, SHARE_TYPE_LABELS, STATUS_LABELS, UPDATE_CYCLE_LABELS } from './labels.ts';

/** A changed value as the detail page shows the field: labels for enums, the list for related codes. */
function display(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (field === 'open' && typeof value === 'boolean') return openLabel(value);
  if (field === 'shareType') return SHARE_TYPE_LABELS[value as EntryRow['shareType']] ?? String(value);
  if (field === 'updateCycle') return UPDATE_CYCLE_LABELS[value as EntryRow['updateCycle']] ?? String(value);
  if (field === 'status') return STATUS_LABELS[value as EntryRow['status']] ?? String(value);
  if (Array.isArray(value)) return value.length ? value.join('、') : '（空）';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What one version changed, field by field ("名称：旧 → 新"); the first version is the entry's registration. */
export function versionChanges(version: Pick<VersionRow, 'version' | 'changes'>): SafeHtml {
  const fields = Object.entries(version.changes);
  if (!fields.length) return html`${version.version === 1 ? '首次登记' : '无字段变更'}`;
  return html`<ul class="changes">${fields.map(
    ([field, { before, after }]) =>
      html`<li>${FIELD_LABELS[field] ?? field}：<span class="before">${display(field, before)}</span> → <span class="after">${display(field, after)}</span></li>`,
  )}</ul>`;
}
