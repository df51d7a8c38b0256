// Shared end-to-end harness: serves the release build in dist/ on 127.0.0.1 and
// launches Debian's Chromium through playwright-core (never a downloaded browser).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
// resolved: a relative path or one with “..” would fail the server's inside-the-root check
export const distDir = path.resolve(process.env.SPANMARK_DIST || path.join(repoRoot, 'dist'));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

/**
 * Serve `root` as a static site under `prefix` (e.g. "/" or "/spanmark/") on a loopback port
 * (a free one unless `port` is given: a server restarted on the same origin).
 */
export async function serveStatic(root = distDir, prefix = '/', port = 0) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no build in ${root}: run "trunk build --release --offline" first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}${prefix}`,
    port: bound,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * One fresh browser + server for a test file. Returns helpers; call `close()` in `after`.
 * `errors` collects console errors and uncaught page errors of every page opened through `open()`.
 */
export async function startApp({ prefix = '/', viewport = { width: 1280, height: 900 } } = {}) {
  const server = await serveStatic(distDir, prefix);
  const browser = await launchBrowser();
  const errors = [];
  async function open(context) {
    const ctx = context || (await browser.newContext({ viewport, acceptDownloads: true }));
    const page = await ctx.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
    // The word lists come after first paint; flows that annotate need the core ones.
    await page.waitForSelector('html[data-lists]:not([data-lists=loading])', { state: 'attached', timeout: 15000 });
    return page;
  }
  return {
    url: server.url,
    browser,
    errors,
    open,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh page of the app whose requests matching `glob` wait until `release()` is called
 * (the page is not waited for). `requested` lists every path asked for, `errors` the
 * console errors and uncaught errors, both from before the page loads.
 */
export async function openHolding(app, glob) {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await ctx.route(glob, async (route) => { await held; await route.continue(); });
  const requested = [];
  ctx.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(app.url);
  return { ctx, page, release, requested, errors };
}

/** Paste an article through the new-document form and wait for the rendered text. */
export async function annotate(page, text, title = '') {
  await page.click('[data-testid=new-doc]').catch(() => {});
  await page.fill('[data-testid=new-doc-input]', text);
  if (title) await page.fill('[data-testid=new-doc-title]', title);
  await page.click('[data-testid=new-doc-submit]');
  await page.waitForSelector('[data-testid=doc-text]');
}

/** Click a download button and return the downloaded file's text. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** The entities currently rendered, as plain objects from their data attributes. */
export async function entities(page) {
  return page.$$eval('[data-testid=entity]', (els) =>
    els.map((e) => ({
      start: Number(e.dataset.start),
      end: Number(e.dataset.end),
      label: e.dataset.label,
      origin: e.dataset.origin,
      state: e.dataset.state,
    })),
  );
}
