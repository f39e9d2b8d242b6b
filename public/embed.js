// Embeds claimscope into any page: put `<div id="claimscope"></div>` where the app should appear
// and load this file as a module from wherever dist/ is served:
//   <script type="module" src="https://example.org/tools/claimscope/embed.js"></script>
// It reads the built index.html next to it to find the (content-hashed) stylesheet, JS and wasm.
const base = new URL(".", import.meta.url);
// Where the app's other files are (the importer's worker).
globalThis.claimscopeBase = base.href;
const html = await (await fetch(new URL("index.html", base))).text();
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`claimscope embed: no ${what} in ${base}index.html`);
  return new URL(m[1], base).href;
};
// index.html may be minified: quotes and spaces are optional.
const css = find(/href=["']?([^"'\s>]+\.css)/, "stylesheet");
const js = find(/data-claimscope-js=["']?([^"'\s>]+\.js)/, "script");
const wasm = find(/data-claimscope-wasm=["']?([^"'\s>]+\.wasm)/, "wasm module");
const link = document.createElement("link");
link.rel = "stylesheet";
link.href = css;
document.head.append(link);
const app = await import(js);
await app.default({ module_or_path: wasm });
