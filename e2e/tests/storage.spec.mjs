// Your data survives: reload after every kind of edit restores exactly the same state
// (compared through the exported JSON), and backup -> clear -> restore is lossless.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, annotate, downloadText, entities } from '../lib/harness.mjs';
import { ARTICLE_1, ARTICLE_2, exported, saved, selectWord, docKeys, docCount } from './storage-support.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Run an edit, then reload (half the time without waiting: the pagehide flush must save). */
async function editThenReload(page, name, edit, { wait }) {
  // Keys go to the page, not to the last clicked button (Enter would press it).
  await page.evaluate(() => document.activeElement?.blur());
  await edit();
  if (process.env.DEBUG_STORAGE) console.log(name, await page.locator('[data-testid=notice]').allTextContents());
  if (wait) await saved(page);
  const before = await exported(page);
  await page.reload();
  await page.waitForSelector('[data-testid=app]');
  await saved(page);
  const afterReload = await exported(page);
  assert.deepEqual(afterReload, before, `state after reload differs (${name})`);
  return afterReload;
}

/** The span over "Torkham" (labelled by the test, so detection changes do not move it). */
function torkham(page) {
  return page.locator('[data-testid=entity]', { hasText: 'Torkham' }).first();
}

async function openFirst(page) {
  if ((await page.locator('[data-testid=doc-text]').count()) === 0) {
    await page.locator('[data-testid=doc-open]').first().click();
    await page.waitForSelector('[data-testid=doc-text]');
  }
}

test('reload after every kind of edit restores the same state', async () => {
  const page = await app.open();
  await editThenReload(page, 'create', () => annotate(page, ARTICLE_1, 'Kabul talks'), { wait: true });
  assert.equal((await docKeys(page)).length, 1);
  const edits = [
    ['label a selection', async () => { await selectWord(page, 'Torkham'); await page.keyboard.press('4'); }],
    ['accept a suggestion', async () => { await page.keyboard.press('Tab'); await page.keyboard.press('Enter'); }],
    ['reject a suggestion', async () => { await page.keyboard.press('Tab'); await page.keyboard.press('Delete'); }],
    ['relabel', async () => { await torkham(page).click(); await page.keyboard.press('2'); }],
    ['resize', async () => { await torkham(page).click(); await page.keyboard.press('Alt+ArrowRight'); }],
    ['label all occurrences', async () => { await selectWord(page, 'Kabul'); await page.keyboard.press('3'); await page.keyboard.press('l'); }],
    ['accept all', async () => { await page.click('[data-testid=accept-all]'); }],
    ['edit then undo', async () => {
      await selectWord(page, 'refugees');
      await page.keyboard.press('6');
      await page.click('[data-testid=undo]');
    }],
    ['rename', async () => {
      await page.click('[data-testid=doc-rename]');
      await page.fill('[data-testid=doc-title-input]', 'Kabul talks, Monday');
      await page.keyboard.press('Enter');
    }],
    ['mark done', async () => { await page.click('[data-testid=doc-done]'); }],
    ['second document', async () => { await annotate(page, ARTICLE_2, 'Araghchi in Beijing'); }],
    ['add a label', async () => {
      await page.click('[data-testid=schema-edit]');
      await page.fill('[data-testid=label-add-name]', 'EVENT');
      await page.click('[data-testid=label-add]');
    }],
    ['delete a document', async () => {
      await page.locator('[data-testid=doc-delete]').last().click();
      await page.locator('[data-testid=doc-delete-confirm]').click();
    }],
  ];
  let i = 0;
  let previous = await exported(page);
  for (const [name, edit] of edits) {
    await openFirst(page);
    const state = await editThenReload(page, name, edit, { wait: i++ % 2 === 0 });
    if (name !== 'edit then undo') assert.notDeepEqual(state, previous, `${name} changed nothing`);
    previous = state;
  }
  assert.equal((await page.locator('[data-testid=doc-title]').first().textContent()).trim(), 'Kabul talks, Monday');
  assert.equal(await docCount(page), 1);
  assert.equal((await docKeys(page)).length, 1, 'the deleted document key is gone');
  await openFirst(page);
  assert.ok((await entities(page)).length > 0);
  assert.deepEqual(app.errors, []);
});

test('saved within 300 ms, and at once when the page is hidden', async () => {
  const page = await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await annotate(page, ARTICLE_1, 'Timing');
  await saved(page);
  const [key] = await docKeys(page);
  const stored = () => page.evaluate((k) => localStorage.getItem(k), key);
  const spansIn = (raw) => JSON.parse(raw).a;

  // Debounced: not written synchronously, written by 300 ms (+ scheduling slack).
  let before = await stored();
  await selectWord(page, 'Torkham');
  const t0 = Date.now();
  await page.keyboard.press('4');
  await page.waitForFunction(([k, old]) => localStorage.getItem(k) !== old, [key, before], { polling: 10, timeout: 2000 });
  const elapsed = Date.now() - t0;
  assert.ok(elapsed < 700, `saved after ${elapsed} ms`);
  await saved(page);

  // Hidden: the pending save is flushed in the same task as the visibilitychange event
  // (the key press and the hiding happen in one task, so the debounce cannot fire first).
  before = await stored();
  await selectWord(page, 'refugees');
  const flushed = await page.evaluate((k) => {
    const old = localStorage.getItem(k);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '6', bubbles: true }));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    return { old, now: localStorage.getItem(k) };
  }, key);
  assert.equal(flushed.old, before, 'nothing was written before the page was hidden');
  assert.notEqual(spansIn(flushed.now), spansIn(before), 'written when hidden');
  assert.deepEqual(app.errors, []);
});

test('backup, clear everything, restore: the same export', async () => {
  const page = await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await annotate(page, ARTICLE_1, 'Kabul');
  await selectWord(page, 'Torkham');
  await page.keyboard.press('4');
  await annotate(page, ARTICLE_2, 'Beijing');
  await saved(page);
  const before = await exported(page);
  const backup = await downloadText(page, '[data-testid=backup-download]');
  assert.match(backup.name, /^spanmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spanmark-')), backup.name);
  fs.writeFileSync(file, backup.text);
  const parsed = JSON.parse(backup.text);
  assert.equal(parsed.format, 'spanmark-backup');
  assert.equal(parsed.documents.length, 2);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  assert.equal(await docCount(page), 0);

  await page.setInputFiles('[data-testid=backup-restore]', file);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
  await saved(page);
  assert.deepEqual(await exported(page), before);
  await page.reload();
  await saved(page);
  assert.deepEqual(await exported(page), before, 'the restore was stored');

  // A damaged file restores nothing and says why.
  const bad = file.replace(/\.json$/, '-bad.json');
  fs.writeFileSync(bad, backup.text.replace('"x":"', '"x":1,"y":"'));
  await page.setInputFiles('[data-testid=backup-restore]', bad);
  await page.waitForSelector('[data-testid=notice].error');
  assert.match(await page.locator('[data-testid=notice]').textContent(), /Nothing was restored/);
  assert.deepEqual(await exported(page), before);
  assert.deepEqual(app.errors, []);
});
