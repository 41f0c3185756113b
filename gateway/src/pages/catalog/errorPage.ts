import { html } from './html.ts';
import { layout } from './layout.ts';

/** A short notice in Chinese and English (unknown entry, unsupported method) with a way back to the list. */
export function errorPage(title: string, zh: string, en: string, now: Date): string {
  const body = html`<section class="panel notice">
<h1>${zh}<span class="en" lang="en">${en}</span></h1>
<p><a href="/catalog">返回信息数据共享目录 · Back to the catalog</a></p>
</section>`;
  return layout({ title, body, now });
}
