import { beijingTime } from '@hub/schema';
import { html, type SafeHtml, trusted } from './html.ts';
import { STYLES } from './styles.ts';

export interface LayoutOptions {
  /** The page's own title, before "· 信息数据共享目录". */
  title: string;
  body: SafeHtml;
  now: Date;
}

/** The whole document: the platform's masthead, the page, and a footer with the time it was made. */
export function layout({ title, body, now }: LayoutOptions): string {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · 信息数据共享目录 · 机构编制信息共享平台</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header class="masthead"><div class="inner">
<a class="platform" href="/catalog">机构编制信息共享平台</a><span class="sep">·</span><span class="section">信息数据共享目录</span>
<span class="en">Staffing Data-Sharing Hub · Shared Data Catalog</span>
</div></header>
<main>
${body}
</main>
<footer>由协调小组维护 · 页面生成于 ${beijingTime(now)}（北京时间） · 仅列目录元数据，不含个人信息</footer>
</body>
</html>
`.toString();
}
