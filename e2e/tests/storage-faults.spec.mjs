// Storage faults: a full quota keeps the stored data intact and says so; garbage in one
// document's key is quarantined while the rest loads; blocked storage still works in memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, downloadText } from '../lib/harness.mjs';
import {
  ARTICLE_1, ARTICLE_2, saved, status, selectWord, docKeys, getItem, setItem, fillQuota, unfill, docCount,
} from './storage-support.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('a full quota: clear message, stored data intact, nothing lost in the page', async () => {
  const page = await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await annotate(page, ARTICLE_1, 'Kabul');
  await saved(page);
  const [key] = await docKeys(page);
  const storedBefore = await getItem(page, key);
  const keysBefore = await docKeys(page);

  assert.ok((await fillQuota(page)) > 0);
  // A long second article cannot fit.
  await annotate(page, `${ARTICLE_2}\n\n`.repeat(200), 'Long article');
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.dataset.state === 'error');
  const s = await status(page);
  assert.match(s.text, /Not saved: storage is full \(\d+\.\d MB of about 5\.0 MB used\)/);
  assert.match(s.text, /Download everything/);
  assert.equal(await getItem(page, key), storedBefore, 'the stored document is untouched');
  assert.deepEqual(await docKeys(page), keysBefore, 'no half-written document');
  const meter = page.locator('[data-testid=storage-meter]');
  assert.ok(Number(await meter.getAttribute('data-used')) >= 5_000_000);

  // "Download everything" still has both documents, the unsaved one included.
  const backup = JSON.parse((await downloadText(page, '[data-testid=backup-download]')).text);
  assert.equal(backup.documents.length, 2);
  assert.ok(backup.documents.some((d) => d.t === 'Long article'));

  // Room again: the next change saves everything.
  await unfill(page);
  await page.locator('[data-testid=doc-open]').first().click();
  await selectWord(page, 'Torkham');
  await page.keyboard.press('4');
  await saved(page);
  assert.equal((await docKeys(page)).length, 2);
  assert.deepEqual(app.errors, []);
});

test('garbage in one document key: quarantined, downloadable raw, the others load', async () => {
  const page = await app.open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await annotate(page, ARTICLE_1, 'Kabul');
  await annotate(page, ARTICLE_2, 'Beijing');
  await saved(page);
  const keys = await docKeys(page);
  assert.equal(keys.length, 2);
  const victim = keys[0];
  await setItem(page, victim, '{"v":1,"id":"broken", this is not json');
  await page.reload();
  await page.waitForSelector('[data-testid=quarantine]');
  assert.equal(await docCount(page), 1);
  const notice = page.locator('[data-testid=quarantine]');
  assert.equal(await notice.getAttribute('data-key'), victim);
  assert.match(await notice.textContent(), /could not be loaded: it is not valid JSON/);
  const raw = await downloadText(page, '[data-testid=quarantine-download]');
  assert.equal(raw.text, '{"v":1,"id":"broken", this is not json');
  assert.equal(await getItem(page, victim), null);
  assert.equal(await getItem(page, `spanmark/1/quarantine/${victim}`), raw.text);

  // Bad offsets are caught as well.
  const [other] = await docKeys(page);
  const record = JSON.parse(await getItem(page, other));
  record.a = 'A_____B';
  await setItem(page, other, JSON.stringify(record));
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=quarantine]').length === 2);
  assert.equal(await docCount(page), 0);
  // Editing on goes on normally.
  await annotate(page, ARTICLE_2, 'Again');
  await saved(page);
  assert.deepEqual(app.errors, []);
});

test('storage disabled: the page works in memory and says nothing will be kept', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const page = await app.open(context);
  const s = await status(page);
  assert.equal(s.state, 'memory');
  assert.match(s.text, /Not saved: .*Access is denied.*Nothing will be kept after you close this page/);
  await annotate(page, ARTICLE_1, 'In memory');
  await selectWord(page, 'Torkham');
  await page.keyboard.press('4');
  assert.equal((await status(page)).state, 'memory');
  const backup = JSON.parse((await downloadText(page, '[data-testid=backup-download]')).text);
  assert.equal(backup.documents.length, 1);
  await context.close();
  assert.deepEqual(app.errors, []);
});
