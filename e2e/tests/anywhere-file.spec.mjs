// The single file (target/package/spanmark.html from scripts/package.sh) opened from disk:
// suggestions from every word list, accept and add, kept over a reload, exported; and the
// folder build opened from disk says in one sentence what to do instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, repoRoot, distDir, annotate, entities, downloadText } from '../lib/harness.mjs';
import { cp, drag, clickSpan, until } from './annotate-page.mjs';

const single = process.env.SPANMARK_SINGLE || path.join(repoRoot, 'target', 'package', 'spanmark.html');
// Quetta: built-in gazetteer; Zywiec: the larger gazetteer (extra.tsv); the title word
// "Minister" before an unknown name: the rule words (rules.tsv).
const ARTICLE = 'Minister Qorbal Venstrat visited Quetta on Friday, then the mayor of Zywiec met traders.';

let browser;
before(async () => {
  assert.ok(fs.existsSync(single), `no ${single}: run scripts/package.sh first`);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A page of `url` that records console errors and every request's URL. */
async function openFile(ctx, url, waitUntil = 'load') {
  const page = await ctx.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil });
  return { page, errors, requests };
}

const spanAt = async (page, [start, end]) => (await entities(page)).find((e) => e.start === start && e.end === end);

test('spanmark.html from file://: every word list, accept and add, reload, export, no errors', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const url = pathToFileURL(single).href;
  const { page, errors, requests } = await openFile(ctx, url);
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  // the static first frame painted before the wasm was unpacked: the paint entry (which Chromium
  // may report a little after `load`) is earlier than the app's "usable" mark
  const fcp = await until(
    () => page.evaluate(() => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime),
    'a first-contentful-paint entry',
  );
  const usable = await page.evaluate(() => performance.getEntriesByName('spanmark-usable')[0]?.startTime);
  assert.ok(typeof usable === 'number', 'the app marks when it is usable');
  assert.ok(fcp < usable, `the frame painted first: contentful paint at ${fcp} ms, app usable at ${usable} ms`);
  assert.match(await page.locator('[data-testid=gazetteer-status]').textContent(), /\d+ names known/);
  // localStorage works from file:// in Chromium: no "not kept" warning
  assert.equal(await page.evaluate(() => { localStorage.setItem('probe', '1'); return localStorage.getItem('probe'); }), '1');

  await annotate(page, ARTICLE, 'From disk');
  const quetta = await until(() => spanAt(page, cp(ARTICLE, 'Quetta')), 'Quetta from the built-in list');
  const zywiec = await until(() => spanAt(page, cp(ARTICLE, 'Zywiec')), 'Zywiec from the larger list');
  const person = await until(() => spanAt(page, cp(ARTICLE, 'Qorbal Venstrat')), 'the unknown name after a title (rule words)');
  assert.deepEqual([quetta.label, zywiec.label, person.label], ['GPE', 'GPE', 'PERSON']);
  assert.equal(quetta.state, 'suggested');
  // accept one suggestion, add one span by hand
  await clickSpan(page, quetta.start);
  await page.keyboard.press('Enter');
  await until(async () => (await spanAt(page, cp(ARTICLE, 'Quetta')))?.state === 'accepted', 'Quetta accepted');
  await page.keyboard.press('Escape');
  await drag(page, 'traders');
  await page.keyboard.press('6');
  await until(async () => (await spanAt(page, cp(ARTICLE, 'traders')))?.origin === 'manual', 'traders added');
  const before = (await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}-${e.state}`).sort();

  // reload from disk: the document and its spans are still there
  await page.reload();
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.locator('[data-testid=doc-item]').first().locator('[data-testid=doc-open]').click();
  await page.waitForSelector('[data-testid=doc-text]');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), ARTICLE);
  await until(async () => (await entities(page)).length === before.length, 'spans back after the reload');
  assert.deepEqual((await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}-${e.state}`).sort(), before);

  // export JSON: the file holds the document with the accepted and added spans
  const { name, text } = await downloadText(page, '[data-testid=export-json]');
  assert.match(name, /\.json$/);
  const file = JSON.parse(text);
  assert.equal(file.documents.length, 1);
  const doc = file.documents[0];
  assert.equal(doc.text, ARTICLE);
  assert.equal(doc.title, 'From disk');
  const find = (word) => doc.spans.find((s) => s.start === cp(ARTICLE, word)[0] && s.end === cp(ARTICLE, word)[1]);
  assert.deepEqual([find('Quetta')?.label, find('Quetta')?.state], ['GPE', 'accepted']);
  assert.deepEqual([find('traders')?.text, find('traders')?.origin], ['traders', 'manual']);
  assert.equal(find('Zywiec')?.state, 'suggested');

  assert.deepEqual(errors, [], 'no console errors');
  const elsewhere = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'nothing but the file itself is loaded');
  await ctx.close();
});

test('spanmark.html refuses an injected inline script and still works', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page } = await openFile(ctx, pathToFileURL(single).href);
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  const refused = await page.evaluate(() => new Promise((ok) => {
    document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.injected = true;';
    document.body.append(s);
  }));
  assert.match(refused, /^script-src/);
  assert.equal(await page.evaluate(() => window.injected), undefined);
  await annotate(page, 'Farmers in Quetta protested.', 'After the injection');
  await until(() => spanAt(page, cp('Farmers in Quetta protested.', 'Quetta')), 'still annotates');
  await ctx.close();
});

test('dist/index.html from file:// shows one sentence naming spanmark.html and scripts/serve.sh', async () => {
  const ctx = await browser.newContext();
  // the page stops its own loading (window.stop()), so no load event comes
  const { page, errors } = await openFile(ctx, pathToFileURL(path.join(distDir, 'index.html')).href, 'commit');
  await page.waitForSelector('#needs-server');
  const body = (await page.locator('body').innerText()).trim();
  assert.match(body, /spanmark\.html/);
  assert.match(body, /scripts\/serve\.sh/);
  assert.equal(body.split(/(?<=\.)\s+(?=[A-Z])/).length, 1, `one sentence: ${body}`);
  // nothing half-styled: no stylesheet, no frame of the app
  assert.equal(await page.evaluate(() => document.styleSheets.length), 0);
  assert.equal(await page.locator('#shell').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});
