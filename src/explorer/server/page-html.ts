import { fontFaceCss, PAGE_FONT_FAMILY } from './page-fonts.js';

/** The page's HTML: the layout the scripts fill in, and its style. No external resource of any kind: its font is the bundle's. */
export function pageHtml(options: { readonly config: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>llm-market-sim explorer</title>
<link rel="icon" href="data:,">
<style>
${fontFaceCss()}
${PAGE_CSS}</style>
</head>
<body data-config="${escapeHtml(options.config)}">
<header>
  <h1>llm-market-sim explorer</h1>
  <div id="toolbar" role="toolbar" aria-label="Scenario and run"></div>
  <ul id="references" aria-label="Pinned references"></ul>
  <div id="status" role="status" aria-live="polite"></div>
  <pre id="problems" role="alert" hidden></pre>
</header>
<main>
  <aside id="panels" aria-label="Settings"></aside>
  <section id="charts" aria-label="Charts"></section>
</main>
<script src="/app.js"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 '${PAGE_FONT_FAMILY}', sans-serif; color: #222; background: #f6f6f4; }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ddd; padding: 6px 12px; }
h1 { font-size: 16px; margin: 0 12px 4px 0; display: inline-block; }
#toolbar { display: inline-flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
#toolbar label { display: inline-flex; align-items: center; gap: 4px; }
#references { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; }
#references li { display: inline-flex; align-items: center; gap: 5px; }
#references li.none { color: #666; }
#references button { font-size: 11px; }
#status { font-size: 12px; color: #555; min-height: 1.4em; }
#problems { background: #fff2f0; border: 1px solid #e0a39b; color: #8a1f11; padding: 6px; margin: 4px 0; white-space: pre-wrap; max-height: 30vh; overflow: auto; }
main { display: grid; grid-template-columns: minmax(320px, 420px) 1fr; gap: 10px; padding: 10px; }
aside { max-height: calc(100vh - 145px); overflow: auto; position: sticky; top: 135px; }
details { background: #fff; border: 1px solid #ddd; border-radius: 4px; margin-bottom: 8px; padding: 4px 8px; }
summary { font-weight: 600; cursor: pointer; padding: 2px 0; }
.lever { display: grid; grid-template-columns: 1fr auto; gap: 0 6px; margin: 6px 0; }
.lever label { font-weight: 500; }
.lever input[type=range] { grid-column: 1; width: 100%; }
.lever input[type=number] { width: 9em; }
.lever .help { grid-column: 1 / span 2; font-size: 11px; color: #666; }
.lever.changed label::after { content: ' •'; color: #c05; }
.param-row { display: grid; grid-template-columns: 1fr 9em; gap: 4px; font-size: 12px; margin: 2px 0; align-items: center; }
.param-row label { overflow-wrap: anywhere; }
.param-row input[type=text], .param-row select { width: 100%; }
.param-row .help { grid-column: 1 / span 2; font-size: 11px; color: #666; }
.param-row .problem, .lever .problem { grid-column: 1 / span 2; font-size: 11px; color: #8a1f11; }
.invalid input, .invalid select { outline: 2px solid #c0392b; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
td, th { border-bottom: 1px solid #eee; padding: 2px; text-align: left; vertical-align: top; }
td input, td select, td textarea { width: 100%; font: inherit; }
#charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 10px; }
figure { margin: 0; background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 4px; position: relative; }
figure canvas { width: 100% !important; height: auto !important; aspect-ratio: 12 / 7; }
figure button { position: absolute; top: 4px; right: 4px; font-size: 11px; }
button, select, input { font: inherit; }
:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
`;
