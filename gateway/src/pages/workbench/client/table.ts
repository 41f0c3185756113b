import { h } from './h.ts';

type Cell = Node | string | number | null | undefined;

/** A table with a header row and one row per item; cells are nodes or text (never markup). */
export function table(headers: string[], rows: Cell[][], attributes: Record<string, string> = {}): HTMLElement {
  return h(
    'table',
    attributes,
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', {}, text)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell ?? ''))))),
  );
}
