/**
 * The pages' only stylesheet, inlined: the gateway runs on machines without internet, so no web
 * fonts or CDN; the font stacks name the CJK fonts that Windows, macOS and Linux desktops ship.
 */
export const STYLES = `
:root {
  --red: #a61b1b; --red-dark: #7f1212; --gold: #d9a441; --ink: #1f2329; --muted: #5f6b7a;
  --line: #dde1e6; --zebra: #f6f8fa; --bg: #eef1f4; --link: #1a4f8b;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--ink); line-height: 1.6; font-size: 15px;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
a { color: var(--link); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono", monospace; font-size: 13px; }
.masthead { background: linear-gradient(180deg, var(--red) 0%, var(--red-dark) 100%); color: #fff; border-bottom: 4px solid var(--gold); }
.masthead .inner { max-width: 1240px; margin: 0 auto; padding: 14px 20px; display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.masthead .platform { font-size: 22px; font-weight: 700; letter-spacing: 2px; color: #fff; }
.masthead .sep { opacity: .6; }
.masthead .section { font-size: 18px; color: #fff; }
.masthead .en { margin-left: auto; font-size: 13px; opacity: .85; }
main { max-width: 1240px; margin: 0 auto; padding: 18px 20px 32px; }
.crumbs { font-size: 13px; color: var(--muted); margin: 0 0 12px; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 16px 20px; margin-bottom: 18px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h1 .en, .name .en { display: block; font-weight: 400; color: var(--muted); }
h1 .en { font-size: 15px; }
h2 { font-size: 17px; margin: 0 0 12px; padding-left: 10px; border-left: 4px solid var(--red); }
h2 .count { color: var(--muted); font-weight: 400; font-size: 14px; }
.summary { margin: 0; display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; }
.summary strong { font-size: 18px; color: var(--red-dark); }
.filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; margin: 0; }
.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); gap: 2px; }
.filters select, .filters input { font: inherit; font-size: 14px; padding: 5px 8px; border: 1px solid #b9c0c8; border-radius: 3px; background: #fff; min-width: 150px; }
.filters input[type=search] { min-width: 240px; }
.filters button { font: inherit; font-size: 14px; padding: 6px 18px; background: var(--red); color: #fff; border: 0; border-radius: 3px; cursor: pointer; }
.filters button:hover { background: var(--red-dark); }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { background: #e9edf2; color: #2b3440; font-weight: 600; white-space: nowrap; border-bottom: 2px solid #c9d0d8; }
tbody tr:nth-child(even) { background: var(--zebra); }
tbody tr:hover { background: #fdf6e3; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.name { font-weight: 600; }
.name .en { font-size: 12px; }
.classification { font-size: 12px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; line-height: 18px; white-space: nowrap; border: 1px solid transparent; }
.badge + .badge { margin-left: 4px; }
.share-UNCONDITIONAL { background: #e3f4e7; color: #1c6b32; border-color: #a9d8b5; }
.share-CONDITIONAL { background: #fff2d9; color: #8a5300; border-color: #f0c97c; }
.share-NOT_SHARED { background: #eceef1; color: #4a5360; border-color: #c3c9d1; }
.status-ACTIVE, .grant-LIVE { background: #e4eefa; color: #1a4f8b; border-color: #a9c4e6; }
.status-DRAFT { background: #f4f4f4; color: #666; border-color: #ccc; border-style: dashed; }
.status-DEPRECATED, .grant-EXPIRED { background: #f1f1f1; color: #777; border-color: #cfcfcf; }
.status-DEPRECATED { text-decoration: line-through; }
.grant-REVOKED { background: #fff; color: #a61b1b; border-color: #e3a3a3; }
.open-true { color: #1c6b32; }
.open-false { color: var(--muted); }
.pending { background: #fff2d9; color: #8a5300; border-color: #f0c97c; }
.overdue { background: #c81e1e; color: #fff; font-weight: 700; }
.sens-LOW { color: #1c6b32; }
.sens-MEDIUM { color: #8a5300; }
.sens-HIGH { color: #b21f1f; font-weight: 700; }
dl.meta { display: grid; grid-template-columns: 9em 1fr; margin: 0; border-top: 1px solid var(--line); }
dl.meta dt, dl.meta dd { margin: 0; padding: 8px 10px; border-bottom: 1px solid var(--line); }
dl.meta dt { background: var(--zebra); color: #2b3440; font-weight: 600; }
dl.meta dd { white-space: pre-line; overflow-wrap: anywhere; }
.empty { color: var(--muted); margin: 0; }
.changes { margin: 0; padding-left: 1.2em; }
.changes .before { color: #8a1c1c; text-decoration: line-through; }
.changes .after { color: #1c6b32; }
.notice { text-align: center; padding: 40px 20px; }
.notice h1 .en { font-size: 16px; }
footer { max-width: 1240px; margin: 0 auto; padding: 0 20px 28px; font-size: 12px; color: var(--muted); }
@media (max-width: 720px) {
  body { font-size: 14px; }
  .masthead .platform { font-size: 18px; letter-spacing: 1px; }
  .masthead .section { font-size: 16px; }
  .masthead .en { margin-left: 0; width: 100%; }
  main { padding: 12px 10px 24px; }
  .panel { padding: 12px; }
  .filters label, .filters select, .filters input, .filters input[type=search] { width: 100%; min-width: 0; }
  table { font-size: 13px; }
  th, td { padding: 6px 5px; }
  .badge { padding: 1px 5px; }
  code, .mono { font-size: 12px; }
  .hide-narrow { display: none; }
  dl.meta { grid-template-columns: 1fr; }
  dl.meta dt { border-bottom: 0; padding-bottom: 2px; }
}
`;
