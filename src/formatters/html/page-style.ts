import { PALETTES, type Palette } from './palette.js';

const vars = (p: Palette): string =>
  Object.entries(p)
    .map(([k, v]) => `--${k}:${v};`)
    .join('');

/**
 * The page's one stylesheet. It is allowed by its hash in the page's Content-Security-Policy,
 * so no `style` attribute is used anywhere (an attribute would need 'unsafe-inline'): the
 * charts colour their marks by class. System fonts only: a web font would be a request.
 */
export const PAGE_STYLE = `
:root{${vars(PALETTES.light)}color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{${vars(PALETTES.dark)}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:1180px;margin:0 auto;padding:1.2rem 1.4rem 3rem}
h1{font-size:1.7rem;margin:.2rem 0 .3rem}
h2{font-size:1.25rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--grid)}
h3{font-size:1rem;margin:1rem 0 .4rem}
p,li{max-width:75ch}
.note,.meta{color:var(--muted)}
.unredacted{border:2px solid var(--tracked);border-radius:6px;padding:.5rem .8rem;background:var(--panel)}
.meta{margin:0 0 1rem;font-size:.9rem;overflow-wrap:anywhere}
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;margin:.6rem 0 1.2rem}
a{color:var(--focus)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.headline{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.stat{background:var(--panel);border-radius:8px;padding:.7rem 1rem;min-width:11rem;flex:1}
.stat b{display:block;font-size:1.7rem;line-height:1.2}
.stat span{color:var(--muted);font-size:.88rem}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;align-items:start}
@media (max-width:860px){.pair{grid-template-columns:1fr}}
figure{margin:0;background:var(--panel);border-radius:8px;padding:.6rem .8rem}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{display:block;max-width:100%;height:auto}
svg text{fill:var(--text);font-size:12px;font-family:inherit}
svg .lbl,svg .axis{fill:var(--muted)}
svg .bar{fill:var(--bar)}
svg .ci{stroke:var(--ci);stroke-width:1.5}
svg .pub{fill:var(--published)}
svg .grid{stroke:var(--grid);stroke-width:1}
svg .mpp{stroke:var(--mpp);stroke-width:2;stroke-dasharray:5 3}
svg .mpp-text{fill:var(--mpp);font-weight:600}
.small-multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:.8rem;margin-bottom:1rem}
.stacked .tablewrap{margin-top:.8rem}
.stacked figure{display:grid;grid-template-columns:minmax(0,640px) minmax(0,1fr);gap:0 1.2rem;align-items:start}
.stacked figcaption{grid-column:1/-1}
@media (max-width:860px){.stacked figure{grid-template-columns:1fr}}
.side .legend{margin-top:.6rem}
.tablewrap{overflow-x:auto}
caption{text-align:left;padding:.2rem 0}
#messages-table td:first-child{white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;padding:.28rem .45rem;border-bottom:1px solid var(--grid);vertical-align:top}
th{background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{max-height:34rem;overflow:auto;border:1px solid var(--grid);border-radius:6px}
.scroll thead th{position:sticky;top:0}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.5rem 0}
input,select{font:inherit;color:var(--text);background:var(--bg);border:1px solid var(--muted);border-radius:4px;padding:.25rem .4rem}
code,.url{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
.yes{color:var(--tracked);font-weight:600}
details summary{cursor:pointer}
details ul{margin:.3rem 0 .2rem;padding-left:1.1rem}
details li{margin-bottom:.35rem}
.legend{display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem;color:var(--muted);margin:.2rem 0}
.key{display:inline-block;width:.9rem;height:.9rem;vertical-align:-2px;margin-right:.3rem;border-radius:2px}
.key.bar{background:var(--bar)}.key.pub{background:var(--published)}.key.ci{border-top:2px solid var(--ci);height:0;border-radius:0}
@media print{
  :root{${vars(PALETTES.light)}}
  body{font-size:11pt}
  main{max-width:none;padding:0}
  nav,.filters,th button::after{display:none}
  .scroll{max-height:none;overflow:visible;border:0}
  figure,.pair,table tr{break-inside:avoid}
  h2{break-after:avoid}
  a{color:inherit;text-decoration:none}
}
`;
