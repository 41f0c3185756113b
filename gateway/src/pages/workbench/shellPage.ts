/**
 * The workbench's one document: no data in it (everything comes from GraphQL after sign-in, through the
 * script), so it needs no escaping; scripts and the stylesheet are files of this gateway (the CSP
 * admits nothing inline).
 */
export function shellPage(devSignIn: boolean): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<meta name="hub-dev-sign-in" content="${devSignIn ? 'on' : 'off'}">
<title>工作台 · 机构编制信息共享平台</title>
<link rel="stylesheet" href="/workbench/assets/workbench.css">
<script src="/workbench/assets/echarts.min.js" defer></script>
<script src="/workbench/assets/workbench.js" defer></script>
</head>
<body>
<header class="masthead"><div class="inner">
<a class="platform" href="/workbench">机构编制信息共享平台</a><span class="sep">·</span><span class="section">工作台</span>
<span class="en">Staffing Data-Sharing Hub · Workbench</span>
<span id="viewer" class="viewer"></span>
</div></header>
<nav id="nav" class="nav" hidden></nav>
<main id="app"><p class="muted">正在加载……</p><noscript>工作台需要启用 JavaScript。</noscript></main>
<footer>数据均经网关按共享目录授权读取 · 无权查看的字段显示为“无权查看”</footer>
</body>
</html>
`;
}
