// Makes spanmark.html from a finished folder build: one file with the CSS, the JS, the wasm
// and the word lists inside it, that works opened from disk (`node single-file.mjs DIST OUT`).
//
// The wasm and the lists are stored gzip + base64 in inert <script type="application/gzip">
// blocks at the end of the body, so the static first frame above them paints at once; the page
// unpacks them with DecompressionStream after that paint. The app fetches its word lists by
// name (src/detection.rs); a small fetch shim answers those names from the embedded data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [distArg, outArg] = process.argv.slice(2);
if (!distArg || !outArg) {
  console.error('usage: node scripts/web/single-file.mjs DIST_DIR OUT_FILE');
  process.exit(2);
}
const dist = path.resolve(distArg);
const fail = (why) => {
  console.error(`single-file: ${why}`);
  process.exit(1);
};
const read = (rel) => {
  const file = path.join(dist, rel);
  if (!fs.existsSync(file)) fail(`${file} is missing (build dist/ first: trunk build --release --offline)`);
  return fs.readFileSync(file);
};

let html = read('index.html').toString('utf8');

// Served-build parts that mean nothing in one file: its policy (replaced below), the
// "needs a server" guard, the import map, the manifest (and with it the service worker).
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
html = html.replace(/\s*<script>(?:(?!<\/script>)[\s\S])*needs-server[\s\S]*?<\/script>/, '');
html = html.replace(/\s*<script type="importmap">[\s\S]*?<\/script>/, '');
html = html.replace(/\s*<link rel="manifest"[^>]*>/, '');

// Stylesheets inline, in their order.
let css = '';
html = html.replace(/\s*<link rel="stylesheet" href="([^"]+)"[^>]*>/g, (_, href) => {
  css += `${read(href).toString('utf8').trim()}\n`;
  return '';
});
if (!css) fail('index.html links no stylesheet');
html = html.replace('</head>', `<style>\n${css}</style>\n  </head>`);

// The served loader imports the JS and fetches the wasm; here the JS is inline (its exports
// become plain declarations) and the wasm comes from the data block.
const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) fail('index.html has no module loader (see Trunk.toml pattern_script)');
const jsName = loader[1].match(/import\('\.?\/?([^']+\.js)'\)/)?.[1];
const wasmName = loader[1].match(/'\.?\/?([^']+_bg\.wasm)'/)?.[1];
if (!jsName || !wasmName) fail('the loader names no .js or _bg.wasm');
let glue = read(jsName).toString('utf8');
if (/^\s*import\s/m.test(glue)) fail(`${jsName} imports other modules; the single file cannot inline them`);
const exported = [];
glue = glue.replace(/^export (?:async )?(function|class|const|let) (\w+)/gm, (m, kind, name) => {
  exported.push(name);
  return m.slice('export '.length);
});
glue = glue.replace(/^export \{([^}]*)\};?$/gm, (_, names) => {
  for (const part of names.split(',')) {
    const [local, as] = part.trim().split(/\s+as\s+/);
    if (local) exported.push(as ? `${as}: ${local}` : local);
  }
  return '';
});
glue = glue.replace(/^export default (\w+);?$/m, (_, name) => {
  exported.push(`default: ${name}`);
  return '';
});
if (/^export /m.test(glue)) fail(`${jsName} has an export form this script does not know`);
const init = exported.find((e) => e.startsWith('default: '))?.slice('default: '.length) || '__wbg_init';

const start = `
// ---- spanmark.html: unpack the embedded wasm and word lists (scripts/web/single-file.mjs)
const embedded = (name) => {
  const block = document.querySelector(\`script[data-file="\${name}"]\`);
  const b64 = block.textContent.trim();
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(unzipped).arrayBuffer();
};
const lists = new Map();
const pageFetch = window.fetch.bind(window);
window.fetch = (input, options) => {
  const name = typeof input === 'string' ? input.replace(/^\\.\\//, '') : '';
  if (document.querySelector(\`script[data-file="\${name}"]\`) && name.endsWith('.tsv')) {
    if (!lists.has(name)) lists.set(name, embedded(name));
    return lists.get(name).then((body) => new Response(body, { headers: { 'content-type': 'text/tab-separated-values' } }));
  }
  return pageFetch(input, options);
};
const start = () => embedded(${JSON.stringify(wasmName)})
  .then(async (wasm) => {
    await ${init}({ module_or_path: wasm });
    window.wasmBindings = { ${exported.join(', ')} };
  })
  .catch((e) => {
    const status = document.getElementById('shell-status');
    if (status) status.textContent = \`Spanmark could not start in this browser (\${e}). What you typed is still here.\`;
  });
let started = false;
const once = () => { if (!started) { started = true; start(); } };
// after the first frame is painted; a tab opened in the background paints no frame
requestAnimationFrame(() => setTimeout(once, 0));
setTimeout(once, 250);
`;
const script = `${glue}\n${start}`;
html = html.replace(loader[0], () => `<script type="module">${script}</script>`);

// The data blocks: never run (an unknown type), so no policy applies to them.
const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 }).toString('base64');
const dataNames = [wasmName, ...fs.readdirSync(dist).filter((f) => f.endsWith('.tsv')).sort()];
const blocks = dataNames
  .map((name) => `<script type="application/gzip" data-file="${name}">${gzip(read(name))}</script>`)
  .join('\n');
html = html.replace('</body>', () => `${blocks}\n  </body>`);

// The policy: inline scripts by hash, wasm compiled, no network at all.
const hashes = [...html.matchAll(/<script(?:\s+type="module")?>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace(/(<meta charset="utf-8"\s*\/?>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);

fs.mkdirSync(path.dirname(path.resolve(outArg)), { recursive: true });
fs.writeFileSync(outArg, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const gz = zlib.gzipSync(html).length;
console.log(`single-file: ${outArg}: ${kb(Buffer.byteLength(html))} (${kb(gz)} gzip), ${dataNames.length} embedded files`);
