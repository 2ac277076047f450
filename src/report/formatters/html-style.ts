// The HTML report's style sheet, inline in the page (no network). Screen and print: on paper the
// page loses its shadows and keeps tables whole where it can; charts are SVG so they print.
export const HTML_STYLE = `
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --good: #1a7f37; --fair: #b35900; --poor: #cf222e; --none: #8c959f;
  --good-bg: #dafbe1; --fair-bg: #fff1e5; --poor-bg: #ffebe9; --none-bg: #eff2f5;
}
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff; font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", "DejaVu Sans", Arial, sans-serif; line-height: 1.45; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--line); padding-bottom: 12px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 18px 0 6px; }
h3 small { font-weight: normal; }
.motto { margin: 0; color: var(--muted); font-style: italic; }
.overview, .files { margin: 4px 0; color: var(--muted); }
.verdict { display: inline-block; margin: 8px 0 0; padding: 6px 14px; border-radius: 6px; font-weight: 700; font-size: 1.1rem; }
.verdict.passed { background: var(--good-bg); color: var(--good); }
.verdict.failed { background: var(--poor-bg); color: var(--poor); }
.note { color: var(--muted); font-size: 0.92rem; }
.note.unmasked, .warning { color: var(--poor); font-weight: 600; }
.muted { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, "Cascadia Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
code.value { white-space: pre-wrap; overflow-wrap: break-word; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
.scores { display: flex; flex-wrap: wrap; gap: 14px; }
figure.score { position: relative; margin: 0; padding: 10px 12px 8px; border: 1px solid var(--line); border-radius: 8px; text-align: center; min-width: 150px; flex: 1 1 150px; }
figure.score.overall { border-width: 2px; }
figure.score svg { display: block; margin: 0 auto; }
figure.score .track { fill: none; stroke: var(--none-bg); stroke-width: 10; }
figure.score .arc { fill: none; stroke-width: 10; stroke-linecap: butt; }
figure.score.good .arc { stroke: var(--good); }
figure.score.fair .arc { stroke: var(--fair); }
figure.score.poor .arc { stroke: var(--poor); }
figure.score .ring-value { font-size: 22px; font-weight: 700; text-anchor: middle; dominant-baseline: central; fill: var(--ink); }
figcaption { margin-top: 4px; }
.score-label { display: block; font-weight: 600; }
.score-value { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.rate { white-space: nowrap; min-width: 170px; }
td.rate .num { display: inline-block; min-width: 60px; text-align: right; margin-left: 6px; font-variant-numeric: tabular-nums; }
td.desc { color: var(--muted); max-width: 420px; }
table.samples td:nth-last-child(3) { max-width: 260px; }
table.rules td:nth-child(4) { white-space: nowrap; }
td.checksum code { word-break: break-all; font-size: 0.8em; }
svg.bar { width: 110px; height: 10px; vertical-align: middle; }
.bar-track { fill: var(--none-bg); }
.bar-fill.good { fill: var(--good); }
.bar-fill.fair { fill: var(--fair); }
.bar-fill.poor { fill: var(--poor); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.badge.good { background: var(--good-bg); color: var(--good); }
.badge.fair { background: var(--fair-bg); color: var(--fair); }
.badge.poor { background: var(--poor-bg); color: var(--poor); }
.badge.none { background: var(--none-bg); color: var(--muted); }
tr.rule.skipped td { color: var(--muted); }
ul.reasons { margin: 4px 0; }
ul.plain { margin: 0; padding-left: 16px; }
dl.settings { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; }
dl.settings dt { color: var(--muted); }
dl.settings dd { margin: 0; }
a { color: inherit; }
footer { margin-top: 28px; padding-bottom: 24px; border-top: 1px solid var(--line); }
@media print {
  html { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  #scores, #gate, figure.score, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  a { text-decoration: none; }
  .verdict, .badge, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { margin: 14mm; }
`;
