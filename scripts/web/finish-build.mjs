// Finishes a Trunk build (the post_build hook in Trunk.toml, or `node finish-build.mjs DIR`):
// app icons, the service worker's file list, SRI hashes and the Content-Security-Policy.
//
// It can run again on its own output (tests re-run it on a changed copy of dist/ to make a
// "new deployment"): everything it writes is recomputed from the files as they are.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIcons } from './icons.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || '');
const indexPath = path.join(dir, 'index.html');
if (!fs.existsSync(indexPath)) {
  console.error(`finish-build: no index.html in ${dir} (pass the build folder, or run as a Trunk hook)`);
  process.exit(1);
}

const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const fileSri = (rel) => sri(fs.readFileSync(path.join(dir, rel)));

writeIcons(dir);

let html = fs.readFileSync(indexPath, 'utf8');

// What this function wrote last time goes first, so a re-run starts from Trunk's output.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
html = html.replace(/\s*<script type="importmap">[\s\S]*?<\/script>/g, '');

// SRI: stylesheets (Trunk writes these; recomputed in case the file changed), the app's JS
// through an import map (the loader imports it dynamically) and the wasm through fetch().
html = html.replace(/<link rel="stylesheet" href="([^"]+)" integrity="[^"]*"/g, (_, href) =>
  `<link rel="stylesheet" href="${href}" integrity="${fileSri(href)}"`);
const js = html.match(/import\('([^']+\.js)'\)/)?.[1];
const wasm = html.match(/'([^']+_bg\.wasm)'/)?.[1];
if (!js || !wasm) {
  console.error('finish-build: the loader in index.html names no .js or _bg.wasm (see Trunk.toml pattern_script)');
  process.exit(1);
}
html = html.replace(/const WASM_INTEGRITY = '[^']*';/, `const WASM_INTEGRITY = '${fileSri(wasm)}';`);
const importMap = JSON.stringify({ integrity: { [js]: fileSri(js) } });
html = html.replace(/(\s*)<script type="module"/, `$1<script type="importmap">${importMap}</script>$1<script type="module"`);

// CSP: only this site's files; inline scripts by hash; wasm compiled, nothing evaluated.
// Styles allow inline because the app writes the label colours as a <style> element.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)(?:\s+type="(?:module|importmap)")?>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace(/(<meta charset="utf-8"\s*\/?>)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
if (!html.includes('Content-Security-Policy')) {
  console.error('finish-build: index.html has no <meta charset="utf-8" /> to put the policy after');
  process.exit(1);
}
fs.writeFileSync(indexPath, html);

// The service worker: every file of the build with its hash; the cache is named after them.
const files = [];
const walk = (rel) => {
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) walk(name);
    else if (name !== 'sw.js') files.push(name);
  }
};
walk('');
files.sort();
const list = files.map((name) => ({ url: name === 'index.html' ? './' : `./${name}`, integrity: fileSri(name) }));
const version = crypto.createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16);
const sw = fs.readFileSync(path.join(here, '..', '..', 'web', 'sw.js'), 'utf8');
const build = `const BUILD = ${JSON.stringify({ version, files: list })};`;
fs.writeFileSync(path.join(dir, 'sw.js'), sw.replace(/^const BUILD = .*;$/m, build));
console.log(`finish-build: ${files.length} files, version ${version}, CSP with ${hashes.length} script hashes`);
