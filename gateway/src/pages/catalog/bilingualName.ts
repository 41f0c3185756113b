import { html, type SafeHtml } from './html.ts';

/**
 * Catalog names read "中文名 / English name": the Chinese part leads and the English follows on its
 * own line. The slash must be followed by a space and a Latin letter, so a name without an English
 * part (or with a slash of its own, like "</b>") is shown whole.
 */
export function bilingualName(name: string): SafeHtml {
  const match = /^(.+?)\s*\/\s+([A-Za-z].*)$/s.exec(name);
  return match ? html`${match[1]}<span class="en" lang="en">${match[2]}</span>` : html`${name}`;
}
