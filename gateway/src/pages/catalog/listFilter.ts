import type { PageEntry as EntryRow, PageItem as ItemRow } from './types.ts';
import { OFFICE_LABELS, SHARE_TYPE_LABELS } from './labels.ts';

/** What the list page shows: `?office=hr&shareType=CONDITIONAL&q=工资`. */
export interface ListFilter {
  office?: string;
  shareType?: EntryRow['shareType'];
  q?: string;
}

/** Reads the query string; a value the catalog cannot have is dropped, so the list is never empty by typo alone. */
export function parseListFilter(params: URLSearchParams): ListFilter {
  const office = params.get('office') ?? '';
  const shareType = params.get('shareType') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    ...(Object.hasOwn(OFFICE_LABELS, office) && { office }),
    ...(Object.hasOwn(SHARE_TYPE_LABELS, shareType) && { shareType: shareType as EntryRow['shareType'] }),
    ...(q && { q }),
  };
}

/** The text search looks at the entry's code and name and at its items' names, ignoring case. */
export function matchesFilter(entry: EntryRow & { items: ItemRow[] }, filter: ListFilter): boolean {
  if (filter.office && entry.providerOffice !== filter.office) return false;
  if (filter.shareType && entry.shareType !== filter.shareType) return false;
  if (!filter.q) return true;
  const q = filter.q.toLowerCase();
  return [entry.code, entry.name, ...entry.items.map((i) => i.name)].some((text) => text.toLowerCase().includes(q));
}
