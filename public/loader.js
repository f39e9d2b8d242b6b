// Starts the app. index.html loads this file instead of an inline script, so the page runs under
// a strict Content Security Policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline').
// The content-hashed names of the JS glue and the wasm module come from the script element's
// data attributes, which Trunk fills in at build time (`pattern_script` in Trunk.toml).
const tag = document.querySelector("script[data-claimscope-js]");
if (!tag) throw new Error("claimscope: loader.js needs its <script data-claimscope-js data-claimscope-wasm> element");
const base = new URL(".", document.baseURI);
// Where the app's other files are (the importer's worker): beside this one.
globalThis.claimscopeBase = new URL(".", import.meta.url).href;
const app = await import(new URL(tag.dataset.claimscopeJs, base).href);
await app.default({ module_or_path: new URL(tag.dataset.claimscopeWasm, base).href });
