// Two pages of the same origin: changes in one appear in the other; editing the same
// document in both never drops an edit (merge, or both versions kept and the user told).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, entities } from '../lib/harness.mjs';
import { ARTICLE_1, ARTICLE_2, saved, selectWord, docCount, docKeys } from './storage-support.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function openTitled(page, title) {
  const items = page.locator('[data-testid=doc-item]');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    if ((await items.nth(i).locator('[data-testid=doc-title]').textContent()).trim() === title) {
      await items.nth(i).locator('[data-testid=doc-open]').click();
      await page.waitForSelector('[data-testid=doc-text]');
      return;
    }
  }
  throw new Error(`no document titled ${title}`);
}

async function labelled(page, label) {
  return (await entities(page)).filter((e) => e.label === label && e.state === 'accepted');
}

test('two pages: different documents, then the same document', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true });
  const a = await app.open(context);
  await a.evaluate(() => localStorage.clear());
  await a.reload();
  const b = await app.open(context);

  // Different documents: each appears in the other page.
  await annotate(a, ARTICLE_1, 'Kabul');
  await saved(a);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 1);
  await annotate(b, ARTICLE_2, 'Beijing');
  await saved(b);
  await a.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);

  // Same document, one after the other: the edit follows.
  await openTitled(a, 'Kabul');
  await openTitled(b, 'Kabul');
  await selectWord(a, 'Torkham');
  await a.keyboard.press('4');
  await saved(a);
  await b.waitForFunction(() => [...document.querySelectorAll('[data-testid=entity]')].some((e) => e.textContent.includes('Torkham')));

  // Same document at the same time, on the same words: nothing is dropped. Whichever
  // page saves second finds a newer revision, merges, and keeps the other version whole.
  await selectWord(b, 'Islamabad');
  await b.keyboard.press('3'); // B: GPE, waiting for its debounce
  await selectWord(a, 'Islamabad');
  await a.keyboard.press('5'); // A: FAC on the same word
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide'))); // A saves now
  const conflict = await Promise.race([
    a.waitForSelector('[data-testid=conflict]').then(() => a),
    b.waitForSelector('[data-testid=conflict]').then(() => b),
  ]);
  assert.match(await conflict.locator('[data-testid=conflict]').textContent(), /Both versions are kept/);
  for (const page of [a, b]) {
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 3);
    await saved(page);
  }
  assert.equal((await docKeys(a)).length, 3);
  // One label is in the document, the other in the copy, in both pages.
  for (const page of [a, b]) {
    await openTitled(page, 'Kabul');
    const inDoc = (await labelled(page, 'GPE')).length + (await labelled(page, 'FAC')).length;
    const islamabad = (await entities(page)).filter((e) => e.end - e.start === 'Islamabad'.length && ['GPE', 'FAC'].includes(e.label));
    assert.equal(islamabad.length, 1, 'the document keeps one of the two labels');
    await openTitled(page, 'Kabul (from another tab)');
    const other = (await entities(page)).filter((e) => e.end - e.start === 'Islamabad'.length && ['GPE', 'FAC'].includes(e.label));
    assert.equal(other.length, 1);
    assert.notEqual(other[0].label, islamabad[0].label, 'the copy has the other label');
    assert.ok(inDoc >= 1);
  }

  // A deletion in one page follows in the other when that page has no edits to it.
  await openTitled(a, 'Beijing');
  await a.locator('[data-testid=doc-item]', { hasText: 'Beijing' }).locator('[data-testid=doc-delete]').click();
  await a.locator('[data-testid=doc-delete-confirm]').click();
  await saved(a);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid=doc-item]').length === 2);
  assert.equal((await docKeys(b)).length, 2);
  await context.close();
  assert.deepEqual(app.errors, []);
});
