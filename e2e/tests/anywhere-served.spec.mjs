// The served folder build (a copy of dist/ under a sub-path): locked down (CSP, SRI, no other
// origin), installable, offline after the first visit, and a new deployment offered and
// loaded whole. The "new deployment" is the copy changed and finished again by
// scripts/web/finish-build.mjs, as a real build would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launchBrowser, CHROMIUM_ARGS, serveStatic, repoRoot, distDir, annotate, entities, downloadText } from '../lib/harness.mjs';
import { cp, until } from './annotate-page.mjs';

const PREFIX = '/spanmark/';
let site; // the copy of dist/ that is served and "deployed" again
let server;
let browser;

before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'spanmark-site-'));
  fs.cpSync(distDir, site, { recursive: true });
  server = await serveStatic(site, PREFIX);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** A page of the site recording console errors and every request's URL. */
async function openSite(ctx) {
  const page = await ctx.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  ctx.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  return { page, errors, requests };
}

/** The file list the site's service worker caches. */
const builtFiles = () => {
  const sw = fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
  return JSON.parse(sw.match(/^const BUILD = (.*);$/m)[1]);
};

/** Wait until the service worker has cached the whole build `version`. */
async function cached(page, { version, files }) {
  await until(
    () => page.evaluate(async ([name, n]) => {
      if (!(await caches.has(name))) return false;
      return (await (await caches.open(name)).keys()).length === n;
    }, [`spanmark-${version}`, files.length]),
    `build ${version} cached`,
    15000,
  );
}

const spanAt = async (page, [start, end]) => (await entities(page)).find((e) => e.start === start && e.end === end);

test('locked down: the policy is in force, SRI on every file, nothing from another origin', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors, requests } = await openSite(ctx);
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /connect-src 'self'/);
  assert.doesNotMatch(policy, /[^-]'unsafe-eval'|'unsafe-hashes'|https?:|\*/, 'nothing wider than the page itself');
  // an injected inline script is refused; the page goes on working
  const refused = await page.evaluate(() => new Promise((ok) => {
    document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.body.append(s);
  }));
  assert.match(refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  const text = 'Farmers in Quetta protested on Friday.';
  await annotate(page, text, 'Locked down');
  await until(() => spanAt(page, cp(text, 'Quetta')), 'Quetta suggested');
  // SRI: stylesheets, the JS (import map) and the wasm carry their files' hashes
  const sri = (rel) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(site, rel))).digest('base64')}`;
  const links = await page.$$eval('link[rel=stylesheet]', (ls) => ls.map((l) => [l.getAttribute('href'), l.integrity]));
  assert.ok(links.length >= 4);
  for (const [href, integrity] of links) assert.equal(integrity, sri(href), href);
  const importMap = JSON.parse(await page.textContent('script[type=importmap]'));
  const [[js, jsSri]] = Object.entries(importMap.integrity);
  assert.equal(jsSri, sri(js));
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const wasm = html.match(/'\.\/([^']+_bg\.wasm)'/)[1];
  assert.ok(html.includes(`const WASM_INTEGRITY = '${sri(wasm)}';`), 'the wasm is fetched with its hash');
  // every request went to this origin (data: is the inline favicon)
  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'no request to another origin');
  assert.ok(requests.some((u) => u.endsWith('.wasm')) && requests.some((u) => u.endsWith('extra.tsv')));
  assert.deepEqual(errors.filter((e) => !/Content Security Policy/.test(e)), []);
  await ctx.close();
});

test('installable: a manifest with name, icons and colours, and no installability errors', async () => {
  // a profile on disk: Chromium never offers to install from an incognito context
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'spanmark-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const { page } = await openSite(ctx);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await ctx.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const data = JSON.parse(manifest.data);
    assert.equal(data.short_name, 'Spanmark');
    assert.equal(data.theme_color, '#0072B2');
    assert.deepEqual(data.icons.map((i) => i.sizes), ['192x192', '512x512']);
    for (const icon of data.icons) {
      const png = fs.readFileSync(path.join(site, icon.src));
      assert.equal(png.readUInt32BE(16), Number(icon.sizes.split('x')[0]), `${icon.src} is ${icon.sizes}`);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'Chromium would offer "Install Spanmark"');
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('offline after the first visit; a new deployment is offered and loaded whole', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, errors } = await openSite(ctx);
  const first = builtFiles();
  await cached(page, first);
  const text = 'Militants attacked a checkpoint in Quetta on Friday.';
  await annotate(page, text, 'Online');
  await until(() => spanAt(page, cp(text, 'Quetta')), 'Quetta suggested');

  // the server is gone: a reload opens the page with its document, and it annotates and exports
  const port = server.port;
  await server.close();
  server = null;
  await page.reload();
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 1, 'the document is still there');
  const offline = 'Farmers in Zywiec and Quetta protested.';
  await annotate(page, offline, 'Offline');
  await until(() => spanAt(page, cp(offline, 'Zywiec')), 'suggestions from the larger list, offline');
  const exported = JSON.parse((await downloadText(page, '[data-testid=export-json]')).text);
  assert.deepEqual(exported.documents.map((d) => d.title).sort(), ['Offline', 'Online']);
  assert.ok(exported.documents.find((d) => d.title === 'Offline').spans.some((s) => s.text === 'Zywiec'));

  // a new deployment: a changed stylesheet (new hashed name) and a new name in the larger list
  const cssName = fs.readdirSync(site).find((f) => /^app-.*\.css$/.test(f));
  const css = `${fs.readFileSync(path.join(site, cssName), 'utf8')}\n:root { --spanmark-build: "2"; }\n`;
  const newCss = `app-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(site, newCss), css);
  fs.rmSync(path.join(site, cssName));
  const index = path.join(site, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(cssName, newCss));
  fs.appendFileSync(path.join(site, 'extra.tsv'), 'GPE\tQuzdarabad\n');
  execFileSync('node', [path.join(repoRoot, 'scripts', 'web', 'finish-build.mjs'), site]);
  const second = builtFiles();
  assert.notEqual(second.version, first.version);
  server = await serveStatic(site, PREFIX, port);

  // the next visit still runs the old build whole, and offers the new one
  await page.reload();
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  const bar = page.locator('[data-testid=update-ready]');
  await bar.waitFor({ timeout: 15000 });
  assert.equal((await bar.textContent()).trim(), 'A new version is ready — reload');
  const build = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--spanmark-build').trim());
  assert.equal(await build(), '', 'the old stylesheet, not the new one');
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  const probe = 'Traders in Quzdarabad closed their shops.';
  await annotate(page, probe, 'Old lists');
  assert.equal(await spanAt(page, cp(probe, 'Quzdarabad')), undefined, 'the old word lists, not the new ones');

  // reload onto the new build: all of it
  await Promise.all([page.waitForEvent('load'), bar.locator('button').click()]);
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  assert.equal(await build(), '"2"', 'the new stylesheet');
  const sheets = await page.$$eval('link[rel=stylesheet]', (ls) => ls.map((l) => l.getAttribute('href')));
  assert.ok(sheets.includes(`./${newCss}`) && !sheets.includes(`./${cssName}`), `the new page: ${sheets}`);
  await annotate(page, probe, 'New lists');
  const got = await until(() => spanAt(page, cp(probe, 'Quzdarabad')), 'the new word list');
  assert.equal(got.label, 'GPE');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`spanmark-${second.version}`], 'only the new build is kept');
  assert.equal(await page.locator('[data-testid=update-ready]').count(), 0);
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 4, 'every document kept');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  await ctx.close();
});
