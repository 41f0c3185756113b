import { h } from './h.ts';

/**
 * A value as the viewer may see it: 无权查看 where the catalog cut it (FORBIDDEN at its path), — where
 * it is empty, else the value (through `show`, e.g. a label). Never a zero in place of a refusal.
 */
export function value<T>(forbidden: Set<string>, path: (string | number)[], raw: T | null | undefined, show: (v: T) => string = String): HTMLElement {
  const key = path.join('.');
  for (const cut of forbidden) {
    if (cut === key || key.startsWith(`${cut}.`)) return h('span', { class: 'forbidden', title: '共享目录未授权本部门读取此项' }, '无权查看');
  }
  if (raw === null || raw === undefined) return h('span', { class: 'muted' }, '—');
  return h('span', {}, show(raw));
}
