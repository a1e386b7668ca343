/// The page's only style sheet, inline. System fonts only (nothing is fetched), readable on screen
/// and on paper (print rules keep tables and figures whole and colours as they are).
enum PageStyle {
    static let css = """
    :root { --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --bg: #f5f7fa; --accent: #2a5d9f;
      --ok: #1f7a3f; --warn: #a15c00; --bad: #b3261e; --s0: #2a5d9f; --s1: #3f9b6a; --s2: #d08a2c; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Arial, sans-serif; }
    header { background: var(--accent); color: #fff; padding: 18px 32px 10px; }
    header h1 { margin: 0 0 8px; font-size: 1.6em; }
    nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
    nav a { color: #fff; font-size: 0.9em; }
    main { padding: 8px 32px 24px; max-width: 1400px; }
    section { margin: 26px 0; }
    h2 { font-size: 1.3em; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 0 0 12px; }
    h3, figcaption { font-size: 1.05em; font-weight: bold; margin: 18px 0 8px; }
    .status { border-left: 6px solid var(--muted); background: var(--bg); padding: 10px 16px; margin-bottom: 10px; }
    .status p { margin: 2px 0; }
    .status-code { font-weight: bold; font-size: 1.1em; }
    .status.ok { border-color: var(--ok); } .status.ok .status-code { color: var(--ok); }
    .status.warn { border-color: var(--warn); } .status.warn .status-code { color: var(--warn); }
    .status.bad { border-color: var(--bad); } .status.bad .status-code { color: var(--bad); }
    .meta { color: var(--muted); margin: 4px 0 10px; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; background: #fff; }
    .card-value { display: block; font-size: 1.5em; font-weight: bold; }
    .card-label { color: var(--muted); font-size: 0.85em; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: 4px 0 12px; font-size: 0.9em; }
    th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    thead th { background: var(--bg); }
    tfoot th, tfoot td { background: var(--bg); font-weight: bold; }
    table.findings { width: 100%; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .missing { color: var(--muted); text-align: center; }
    .alert { color: var(--bad); font-weight: bold; }
    tr.alert-row td { background: #fbeceb; }
    .schools th[scope="row"] { font-weight: normal; min-width: 130px; }
    .schools th, .schools td { padding: 4px 4px; }
    table.schools { font-size: 0.85em; }
    .school-name { font-weight: bold; }
    .uai, .file, code { font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }
    .file { word-break: break-all; }
    code { background: var(--bg); border: 1px solid var(--line); border-radius: 3px; padding: 1px 5px; }
    .absent { color: var(--warn); font-style: italic; }
    .more { color: var(--muted); }
    figure.chart { margin: 10px 0 22px; }
    .chart-svg { display: block; max-width: 100%; height: auto; }
    .chart-svg text { font-family: "DejaVu Sans", system-ui, Arial, sans-serif; font-size: 12px; fill: var(--ink); }
    .chart-svg .axis { fill: var(--muted); font-size: 11px; }
    .chart-svg .grid { stroke: var(--line); stroke-width: 1; }
    .chart-svg .baseline { stroke: var(--muted); stroke-width: 1; }
    .chart-svg .s0 { fill: var(--s0); } .chart-svg .s1 { fill: var(--s1); } .chart-svg .s2 { fill: var(--s2); }
    .chart-data summary, details summary { cursor: pointer; color: var(--accent); }
    .chart-data table { margin-top: 6px; }
    article.pair { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 10px; margin: 12px 0; break-inside: avoid; }
    article.pair h3 { margin-top: 10px; }
    .score { color: var(--muted); font-weight: normal; font-size: 0.9em; margin-left: 8px; }
    .pair-school { color: var(--muted); margin: 0 0 6px; }
    .evidence-title { margin: 6px 0 2px; font-weight: bold; }
    .evidence { margin: 0 0 8px; }
    .decide { line-height: 1.9; }
    footer { color: var(--muted); font-size: 0.85em; padding: 10px 32px 30px; border-top: 1px solid var(--line); }
    @media print {
      body { font-size: 11px; }
      header { background: none; color: var(--ink); padding: 0 0 6px; border-bottom: 2px solid var(--ink); }
      nav { display: none; }
      main, footer { padding: 0; }
      .table-wrap { overflow: visible; }
      section { break-inside: auto; }
      figure, tr { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
