namespace Ashyq.Web.Components;

/// <summary>
/// The portal's only style sheet, inlined by <see cref="App"/> and allowed by its hash in the content security
/// policy: no external asset, readable on a phone (one column under 40em, tables turn into cards).
/// </summary>
public static class SiteStyle
{
    public const string Css = """
        :root{--ink:#1b2430;--muted:#5a6675;--line:#d8dee6;--bg:#f6f8fa;--accent:#0b5cab;--sky:#00a3c4;--gold:#f2b705}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font-family:"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:1rem;line-height:1.5;color:var(--ink);background:var(--bg)}
        a{color:var(--accent)}
        a:focus-visible{outline:3px solid var(--gold);outline-offset:2px}
        .bar{background:var(--accent);color:#fff;border-bottom:4px solid var(--gold)}
        .bar-inner,.page,.foot-inner{max-width:64rem;margin:0 auto;padding:0 1rem}
        .bar-inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
        .brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.35rem;letter-spacing:.02em}
        .brand small{display:block;font-weight:400;font-size:.8rem;opacity:.9;letter-spacing:0}
        .langs{display:flex;gap:.25rem;margin:0;padding:0;list-style:none}
        .langs a{display:inline-block;padding:.3rem .65rem;border-radius:999px;color:#fff;text-decoration:none;border:1px solid rgba(255,255,255,.55);font-size:.9rem}
        .langs a[aria-current]{background:#fff;color:var(--accent);font-weight:600}
        .page{padding-top:1rem;padding-bottom:2rem}
        h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:0 0 .6rem}
        .card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
        .note{color:var(--muted);margin:.25rem 0 .75rem;font-size:.95rem}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
        .facts dt{color:var(--muted)}
        .facts dd{margin:0;font-weight:600}
        table{width:100%;border-collapse:collapse}
        th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{font-size:.85rem;color:var(--muted);font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .ballot{list-style:none;margin:0;padding:0}
        .ballot li{display:flex;gap:.75rem;align-items:flex-start;padding:.6rem 0;border-bottom:1px solid var(--line)}
        .ballot li:last-child{border-bottom:0}
        .ballot .no{flex:none;width:2rem;height:2rem;border-radius:50%;background:var(--accent);color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
        .ballot strong{display:block}
        .ballot .org{display:block;color:var(--muted);font-size:.95rem}
        .crumbs{margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem}
        .crumbs li+li::before{content:"›";margin-right:.25rem;color:var(--muted)}
        .tag{display:inline-block;font-size:.8rem;padding:.05rem .5rem;border-radius:999px;background:#fff4d1;border:1px solid var(--gold);color:#5b4500;font-weight:600}
        .children{margin:0;padding:0;list-style:none;columns:2 20rem;column-gap:1.5rem}
        .children li{break-inside:avoid;padding:.35rem 0;border-bottom:1px solid var(--line)}
        .children .meta{display:block;color:var(--muted);font-size:.85rem}
        .tree-link{display:inline-block;margin-top:.25rem;padding:.5rem .9rem;border-radius:.4rem;background:var(--accent);color:#fff;text-decoration:none;font-weight:600}
        .foot{border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
        .foot-inner{padding-top:.75rem;padding-bottom:1.5rem}
        .bar-tools{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
        .account{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem .6rem;font-size:.9rem;color:#fff}
        .account a{color:#fff}
        .account .who strong{font-weight:700}
        .pill{display:inline-block;padding:.3rem .75rem;border-radius:999px;color:#fff;background:transparent;border:1px solid rgba(255,255,255,.55);font:inherit;font-size:.9rem;text-decoration:none;cursor:pointer}
        .pill:focus-visible,.btn:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--gold);outline-offset:2px}
        form.inline{display:inline;margin:0}
        .btn{display:inline-block;font:inherit;font-weight:600;padding:.55rem 1.1rem;min-height:2.75rem;border-radius:.4rem;border:1px solid var(--accent);background:#fff;color:var(--accent);cursor:pointer}
        .btn.primary{background:var(--accent);color:#fff}
        .btn.danger{border-color:#b42318;color:#b42318}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0 0}
        .field{display:grid;gap:.3rem;margin:0 0 .85rem}
        .field label,.label{font-weight:600}
        input[type=text],input[type=password],textarea{font:inherit;font-size:1.05rem;width:100%;padding:.5rem .6rem;border:1px solid #8d99a6;border-radius:.35rem;background:#fff;color:var(--ink)}
        textarea{min-height:4.5rem;resize:vertical}
        .narrow{max-width:26rem}
        .entry .line{display:grid;grid-template-columns:1fr 9rem;gap:.4rem 1rem;align-items:center;padding:.4rem 0;border-bottom:1px solid var(--line)}
        .entry .line input{text-align:right;font-size:1.2rem;font-variant-numeric:tabular-nums}
        .coded{display:flex;align-items:baseline;gap:.1rem}
        .coded .code{flex:none}
        small.who{display:block;font-weight:400;word-break:break-all}
        .code{display:inline-block;min-width:2.3rem;margin-right:.35rem;font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.85rem;font-weight:700;color:var(--muted)}
        .alert{border:1px solid;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem}
        .alert.error{background:#fdecea;border-color:#d93025;color:#6b160e}
        .alert.ok{background:#e8f5ec;border-color:#2e8540;color:#1b4a26}
        .alert.info{background:#eef5fc;border-color:#8bb6e3;color:var(--ink)}
        .alert p{margin:.25rem 0 0}
        .relations{list-style:none;margin:.25rem 0 .75rem;padding:0}
        .relations li{margin:0 0 .4rem;padding:.45rem .65rem;border-left:4px solid;border-radius:.25rem}
        .relations li.error{border-color:#d93025;background:#fdf3f2}
        .relations li.warning{border-color:var(--gold);background:#fffaeb}
        .sev{font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;margin-right:.35rem}
        .state{display:inline-block;padding:.05rem .6rem;border-radius:.4rem;background:#e6eef8;color:var(--accent);font-weight:700}
        tr.diff td{background:#fff1c9;font-weight:700}
        tr.diff td:first-child{box-shadow:inset 4px 0 0 var(--gold)}
        .flag{display:inline-block;margin-left:.35rem;padding:0 .45rem;border-radius:999px;background:var(--gold);color:#3d2e00;font-size:.75rem;font-weight:700}
        .checks{list-style:none;margin:.25rem 0 .85rem;padding:0}
        .checks label{display:flex;gap:.6rem;align-items:center;padding:.45rem 0;border-bottom:1px solid var(--line)}
        .checks input{flex:none;width:1.35rem;height:1.35rem}
        .ack{display:grid;grid-template-columns:1fr auto;gap:.5rem;align-items:end;margin:.5rem 0 0}
        .ack .field{margin:0}
        fieldset{border:0;margin:0;padding:0;min-width:0}
        legend{font-weight:700;padding:0;margin:0 0 .25rem}
        h3{font-size:1.05rem;margin:1rem 0 .4rem}
        .alert.warn{background:#fff8e1;border-color:var(--gold);color:#3d2e00}
        .alert ul{margin:.35rem 0 0;padding-left:1.2rem}
        .outcome h2{margin:0}
        .figure{font-size:1.05rem;margin:.4rem 0 .9rem}
        img.plot{display:block;width:100%;height:auto;margin:.5rem 0 1rem;border:1px solid var(--line)}
        ul.peak{display:flex;flex-wrap:wrap;gap:.3rem .8rem;list-style:none;padding:0;margin:.3rem 0 .8rem}
        a.btn{text-decoration:none}
        svg.meter{display:block;margin:.35rem 0 0}
        svg.meter .track{fill:#e6eef8}
        svg.meter .fill{fill:var(--accent)}
        svg.meter .fill.muted{fill:var(--sky)}
        svg.chart{display:block;margin:.5rem 0 .75rem;overflow:visible}
        svg.chart text{font-size:14px;fill:var(--ink)}
        svg.chart .value{font-weight:700}
        svg.chart .track{fill:#eef2f6}
        svg.chart .bar{fill:var(--accent)}
        svg.chart .bar.lead{fill:#0a4a8a}
        svg.chart text.axis{font-size:12px;fill:var(--muted)}
        svg.chart .grid{stroke:var(--line);stroke-dasharray:3 3}
        svg.chart .axis-line{stroke:var(--muted)}
        svg.histogram .bar{fill:var(--sky)}
        details.chart-data,details.paste{margin:.5rem 0}
        details summary{cursor:pointer;color:var(--accent);font-weight:600}
        .units{list-style:none;margin:0;padding:0}
        .units li{display:grid;grid-template-columns:minmax(0,1fr) minmax(19rem,25rem);gap:.3rem 1.5rem;align-items:center;padding:.5rem 0;border-bottom:1px solid var(--line)}
        .units li:last-child{border-bottom:0}
        .units .meta{display:block;color:var(--muted);font-size:.85rem}
        .unit-figures{display:grid;grid-template-columns:minmax(3rem,1fr) 6.5rem 8.5rem;gap:.6rem;align-items:center;font-variant-numeric:tabular-nums;font-size:.95rem}
        .unit-figures svg.meter{margin:0}
        .unit-state{grid-column:1 / span 2}
        .unit-count,.unit-turnout{text-align:right;white-space:nowrap}
        .version h2 .tag{margin-left:.35rem;vertical-align:middle}
        .tag.current{background:#e8f5ec;border-color:#2e8540;color:#1b4a26}
        .tag.superseded{background:#eef2f6;border-color:#8d99a6;color:var(--muted)}
        .who-line{display:block;font-weight:400}
        .decision p{margin:.25rem 0 0}
        .verdict{font-size:1.25rem}
        .verdict.ok{color:#1b4a26}
        .verdict.error{color:#8a1c12}
        .check-result.identical{border-left:6px solid #2e8540}
        .check-result.different{border-left:6px solid #d93025}
        .readings{list-style:none;margin:.25rem 0 .75rem;padding:0}
        .readings li{padding:.45rem 0;border-bottom:1px solid var(--line)}
        .readings .meta{display:block;color:var(--muted);font-size:.85rem}
        .verdict-tag{display:inline-block;font-size:.8rem;font-weight:700;padding:.05rem .5rem;border-radius:999px;margin-right:.4rem;border:1px solid}
        .verdict-tag.met{background:#e8f5ec;color:#1b4a26;border-color:#2e8540}
        .verdict-tag.unmet{background:#fdecea;color:#6b160e;border-color:#d93025}
        @media (max-width:40em){
        h1{font-size:1.3rem}
        .facts{grid-template-columns:1fr}
        .facts dd{margin-bottom:.4rem}
        table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.cards tr{display:block;border:1px solid var(--line);border-radius:.4rem;margin:0 0 .6rem;padding:.25rem .5rem}
        table.cards td{display:grid;grid-template-columns:40% 1fr;gap:.5rem;border:0;padding:.2rem 0;text-align:left}
        table.cards td::before{content:attr(data-label);color:var(--muted);font-size:.85rem}
        .entry .line{grid-template-columns:1fr 6.5rem}
        th,td{padding:.4rem .3rem}
        .ack{grid-template-columns:1fr}
        .units li{grid-template-columns:1fr}
        .actions .btn{flex:1 1 100%}
        }
        """;
}
