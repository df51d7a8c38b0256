// The page loads from the release build without console errors, shows the main
// screen, annotates a pasted article, and leaves a screenshot for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, annotate, repoRoot, openHolding } from '../lib/harness.mjs';
import { until } from './annotate-page.mjs';

const ARTICLE = `PESHAWAR, Pakistan — At least 12 soldiers were killed on Thursday when militants of the Tehreek-e-Taliban Pakistan (TTP) attacked a checkpoint in the Khyber district, the Inter-Services Public Relations (ISPR) said.

Interior Minister Mohsin Naqvi condemned the attack and said Afghan authorities must act against the group, which has stepped up attacks in Khyber Pakhtunkhwa since March 2023.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('main screen loads without console errors', async () => {
  const page = await app.open();
  for (const id of ['new-doc-input', 'new-doc-title', 'new-doc-submit']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).count(), 1, `missing ${id}`);
  }
  assert.deepEqual(app.errors, [], 'console errors on load');
});

test('an annotated article renders exactly its text, then the screenshot', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Khyber attack');
  const text = await page.locator('[data-testid=doc-text]').textContent();
  assert.equal(text, ARTICLE);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
  assert.deepEqual(app.errors, []);
});

test('the same dist/ works when hosted under a sub-path', async () => {
  const sub = await startApp({ prefix: '/spanmark/' });
  try {
    const page = await sub.open();
    assert.equal(await page.locator('[data-testid=new-doc-input]').count(), 1);
    assert.deepEqual(sub.errors, []);
  } finally {
    await sub.close();
  }
});

test('the first paint is the static frame: typing works before the WebAssembly arrives and is kept', async () => {
  const { ctx, page, release, requested } = await openHolding(app, '**/*.wasm');
  await page.waitForSelector('#shell-text');
  assert.equal(await page.locator('[data-testid=app]').count(), 0, 'the app has not started');
  assert.match(await page.locator('#shell-status').textContent(), /Loading the annotator/);
  // the wasm is held back, so a contentful paint (which Chromium may report a little after the
  // frame is in the DOM) is one without it
  await until(
    () => page.evaluate(() => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint')),
    'a contentful paint without the wasm',
  );
  await page.fill('#shell-title', 'Early bird');
  await page.click('#shell-text');
  await page.keyboard.type('Militants attacked a checkpoint in Quetta.');
  assert.ok(requested.some((p) => p.endsWith('.wasm')), 'the wasm is requested after the first paint');
  release();
  await page.waitForSelector('[data-testid=app]');
  assert.equal(await page.locator('#shell').count(), 0, 'the frame is gone');
  assert.equal(await page.inputValue('[data-testid=new-doc-input]'), 'Militants attacked a checkpoint in Quetta.');
  assert.equal(await page.inputValue('[data-testid=new-doc-title]'), 'Early bird');
  // the focus moved into the app's article box: typing goes on where it was
  await until(() => page.evaluate(() => document.activeElement?.dataset.testid === 'new-doc-input'), 'focus carried over');
  await page.keyboard.press('End');
  await page.keyboard.type(' Two died.');
  assert.equal(await page.inputValue('[data-testid=new-doc-input]'), 'Militants attacked a checkpoint in Quetta. Two died.');
  await ctx.close();
});

test('Ctrl+Enter in the first frame annotates as soon as the annotator has loaded', async () => {
  const { ctx, page, release, errors } = await openHolding(app, '**/*.wasm');
  await page.click('#shell-text');
  const text = 'Militants attacked a checkpoint in Quetta on Friday.';
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  assert.match(await page.locator('#shell-status').textContent(), /as soon as the annotator has loaded/);
  release();
  await page.waitForSelector('[data-testid=doc-text]');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), text);
  await until(async () => (await page.locator('[data-testid=entity]').allTextContents()).includes('Quetta'), 'suggestions once the lists are in');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a .txt file dropped on the first frame fills it, and the app keeps it', async () => {
  const { ctx, page, release } = await openHolding(app, '**/*.wasm');
  await page.waitForSelector('#shell-text');
  const drop = (name, body, type) => page.evaluate(([n, b, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([b], n, { type: t }));
    document.getElementById('shell-text').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, body, type]);
  await drop('export.json', '{"documents": []}', 'application/json');
  assert.match(await page.locator('#shell-status').textContent(), /“export\.json” is not a \.txt file/);
  await drop('Chaman crossing.txt', 'Traders waited at Chaman for a third day.', 'text/plain');
  await until(async () => (await page.inputValue('#shell-text')) === 'Traders waited at Chaman for a third day.', 'the file read into the box');
  assert.equal(await page.inputValue('#shell-title'), 'Chaman crossing');
  assert.equal(new URL(page.url()).pathname, '/', 'still on the page');
  release();
  await page.waitForSelector('[data-testid=app]');
  assert.equal(await page.inputValue('[data-testid=new-doc-input]'), 'Traders waited at Chaman for a third day.');
  assert.equal(await page.inputValue('[data-testid=new-doc-title]'), 'Chaman crossing');
  await ctx.close();
});
