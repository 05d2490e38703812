/**
 * The report's style sheet, inlined in report.html. On screen: one readable column. In print:
 * margins that fit both A4 and US Letter (content at most 186 mm wide), charts and table rows
 * never split across pages, headings kept with what follows them, table headers repeated. Text
 * wraps, even inside a word too long for its line, so no name makes the page wider than the column:
 * titles and sentences name the scenario and targets, table headers name scenarios and stress
 * cases, rows name tiers, drivers and targets. Numbers in tables never wrap.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d9d9d9; --band: #f4f7fa; --accent: #0072B2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.45 Helvetica, Arial, sans-serif; overflow-wrap: anywhere; }
main { max-width: 900px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; line-height: 1.2; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 20px 0 6px; }
h4 { font-size: 13px; margin: 14px 0 4px; }
p { margin: 6px 0; }
.lead { color: var(--muted); margin-bottom: 14px; }
.convention { background: var(--band); border-left: 4px solid var(--accent); padding: 8px 12px; margin: 14px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: Menlo, Consolas, monospace; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 12px; padding-bottom: 4px; caption-side: top; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; font-weight: 600; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
tbody th { font-weight: normal; }
tr.group th { background: var(--band); font-weight: 600; }
td.indent, th.indent { padding-left: 22px; }
figure.chart { margin: 18px 0 26px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; }
.assumptions td:first-child { width: 34%; }
table.sources th, table.sources td, table.monthly-plan th, table.monthly-plan td { padding-left: 6px; padding-right: 6px; }
.note { color: var(--muted); font-size: 12px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@page { margin: 12mm; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: 186mm; padding: 0; }
  h2 { margin-top: 18pt; break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure.chart { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { max-height: 235mm; }
  table { break-inside: auto; }
  tr, .convention, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;
