// The page around the article: document list (switch, rename, mark done, delete with
// confirm, progress), palette counts, schema editor, help overlay, themes, narrow window, .txt drop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, entities } from '../lib/harness.mjs';
import { cp, drag, until } from './annotate-page.mjs';

const A = 'Nawaz Sharif returned to Lahore from London on Saturday.';
const B = 'Taliban officials in Kabul met a delegation from Tehran.';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const items = (page) => page.locator('[data-testid=doc-list] [data-testid=doc-item]');

test('document list: switch, rename, mark done, progress, delete with confirm', async () => {
  const page = await app.open();
  await annotate(page, A, 'First');
  await annotate(page, B, 'Second');
  assert.equal(await items(page).count(), 2);
  assert.equal(await page.locator('[data-testid=progress]').textContent(), '0 / 2 done');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), B);

  // Switch back to the first.
  await items(page).nth(0).locator('[data-testid=doc-open]').click();
  await until(async () => (await page.locator('[data-testid=doc-text]').textContent()) === A, 'first document shown');

  // The span count follows edits.
  await page.keyboard.press('Escape');
  await drag(page, 'Nawaz Sharif');
  await page.keyboard.press('1');
  const nawaz = cp(A, 'Nawaz Sharif');
  await until(async () => (await entities(page)).some((e) => e.start === nawaz[0] && e.state === 'accepted'), 'accepted span');
  const n = (await entities(page)).length;
  assert.equal(await items(page).nth(0).locator('[data-testid=doc-span-count]').textContent(), `${n} spans`);

  // Rename.
  await items(page).nth(0).locator('[data-testid=doc-rename]').click();
  const input = items(page).nth(0).locator('[data-testid=doc-title-input]');
  await input.fill('Sharif returns');
  await input.press('Enter');
  await until(async () => (await items(page).nth(0).locator('[data-testid=doc-title]').textContent()) === 'Sharif returns', 'renamed');

  // Mark done: status and progress.
  await items(page).nth(0).locator('[data-testid=doc-done]').click();
  await until(async () => (await page.locator('[data-testid=progress]').textContent()) === '1 / 2 done', 'progress 1 / 2');
  assert.equal(await items(page).nth(0).locator('[data-testid=doc-status]').textContent(), 'done');
  // Reopen and mark again.
  await items(page).nth(0).locator('[data-testid=doc-done]').click();
  await until(async () => (await page.locator('[data-testid=progress]').textContent()) === '0 / 2 done', 'reopened');
  await items(page).nth(0).locator('[data-testid=doc-done]').click();

  // Delete asks first; "Keep" keeps it.
  await items(page).nth(1).locator('[data-testid=doc-delete]').click();
  await items(page).nth(1).locator('[data-testid=doc-delete-cancel]').click();
  assert.equal(await items(page).count(), 2);
  await items(page).nth(1).locator('[data-testid=doc-delete]').click();
  await items(page).nth(1).locator('[data-testid=doc-delete-confirm]').click();
  await until(async () => (await items(page).count()) === 1, 'deleted');
  assert.equal(await page.locator('[data-testid=progress]').textContent(), '1 / 1 done');

  // Back to the form.
  await page.click('[data-testid=new-doc]');
  await page.waitForSelector('[data-testid=new-doc-input]');
  assert.deepEqual(app.errors, []);
});

test('palette shows colour, key and count; the schema editor adds, renames, recolours, reorders, deletes', async () => {
  const page = await app.open();
  await annotate(page, A, 'Labels');
  const chip = page.locator('[data-testid=label-PERSON]');
  assert.match(await chip.textContent(), /PERSON/);
  assert.equal(await chip.locator('kbd').textContent(), '1');
  await page.keyboard.press('Escape');
  await drag(page, 'Nawaz Sharif');
  await page.keyboard.press('1');
  const person = cp(A, 'Nawaz Sharif');
  await until(async () => (await entities(page)).some((e) => e.start === person[0] && e.label === 'PERSON'), 'PERSON span');
  const count = async (label) => Number(await page.locator(`[data-testid=label-${label}] [data-testid=label-count]`).textContent());
  assert.ok((await count('PERSON')) >= 1);

  await page.click('[data-testid=schema-edit]');
  const editor = page.locator('[data-testid=schema-editor]');
  // Add.
  await editor.locator('[data-testid=label-add-name]').fill('WEAPON');
  await editor.locator('[data-testid=label-add]').click();
  await page.waitForSelector('[data-testid=label-WEAPON]');
  assert.equal(await page.locator('[data-testid=label-WEAPON] kbd').textContent(), '9');
  // Rename PERSON: the span is renamed too.
  const name = editor.locator('[data-testid=schema-row-PERSON] [data-testid=label-name]');
  await name.fill('PER');
  await name.press('Enter');
  await page.waitForSelector('[data-testid=label-PER]');
  await until(async () => (await entities(page)).some((e) => e.start === person[0] && e.label === 'PER'), 'span renamed');
  // Recolour.
  await editor.locator('[data-testid=schema-row-PER] [data-testid=label-color]').evaluate((el) => {
    el.value = '#123456';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await until(
    async () => (await page.locator(`[data-testid=entity][data-start="${person[0]}"]`).evaluate((e) => getComputedStyle(e).getPropertyValue('--c'))).trim() === '#123456',
    'span recoloured',
  );
  // Reorder: WEAPON up one place takes key 8.
  await editor.locator('[data-testid=schema-row-WEAPON] [data-testid=label-up]').click();
  await until(async () => (await page.locator('[data-testid=label-WEAPON] kbd').textContent()) === '8', 'moved up');
  const order = await page.$$eval('[data-testid=palette] .label-chip .label-name', (els) => els.map((e) => e.textContent));
  assert.deepEqual(order.slice(-2), ['WEAPON', 'CARDINAL']);
  // Delete a label in use: asks, then removes its spans.
  await editor.locator('[data-testid=schema-row-PER] [data-testid=label-delete]').click();
  await editor.locator('[data-testid=label-delete-confirm]').click();
  await until(async () => (await page.locator('[data-testid=label-PER]').count()) === 0, 'label gone');
  assert.ok(!(await entities(page)).some((e) => e.label === 'PER'), 'its spans are gone');
  // Undo brings the document's spans back.
  await page.keyboard.press('Control+z');
  await until(async () => (await entities(page)).some((e) => e.label === 'PER'), 'spans back after undo');
});

test('"?" opens the help overlay listing the shortcuts; Escape closes it', async () => {
  const page = await app.open();
  await page.keyboard.press('Shift+Slash');
  const overlay = page.locator('[data-testid=help-overlay]');
  await overlay.waitFor();
  const text = await overlay.textContent();
  for (const k of ['Ctrl+Z', 'Tab', 'Enter', 'Alt+', 'Delete', 'Shift+→']) assert.ok(text.includes(k), `help mentions ${k}`);
  await page.keyboard.press('Escape');
  await overlay.waitFor({ state: 'detached' });
  await page.click('[data-testid=help]');
  await overlay.waitFor();
  await page.click('[data-testid=help-close]');
  await overlay.waitFor({ state: 'detached' });
});

test('light and dark themes follow the system', async () => {
  const page = await app.open();
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(lum(await bg()) > 200, `light background ${await bg()}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.ok(lum(await bg()) < 60, `dark background ${await bg()}`);
  await annotate(page, A, 'Dark');
  const ink = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=doc-text]')).color);
  assert.ok(lum(ink) > 180, `article text is light on dark: ${ink}`);
});

test('a narrow window still works: no sideways scrolling, annotating by drag', async () => {
  const ctx = await app.browser.newContext({ viewport: { width: 380, height: 800 }, acceptDownloads: true });
  const page = await app.open(ctx);
  await annotate(page, `${A}\n\n${B}`, 'Narrow');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the window`);
  await drag(page, 'Kabul');
  await page.keyboard.press('3');
  const text = `${A}\n\n${B}`;
  const kabul = cp(text, 'Kabul');
  await until(async () => (await entities(page)).some((e) => e.start === kabul[0] && e.end === kabul[1] && e.label === 'GPE'), 'Kabul labelled');
});

test('dropping a .txt file on the form fills the article and the title', async () => {
  const page = await app.open();
  const content = 'Quetta — A blast hit a market in Quetta, Balochistan.\r\nOfficials said 7 people died.';
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'quetta-blast.txt', { type: 'text/plain' }));
    const form = document.querySelector('[data-testid=new-doc-form]');
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, content);
  await until(async () => (await page.inputValue('[data-testid=new-doc-input]')) !== '', 'text filled');
  assert.equal(await page.inputValue('[data-testid=new-doc-title]'), 'quetta-blast');
  await page.click('[data-testid=new-doc-submit]');
  await page.waitForSelector('[data-testid=doc-text]');
  // CRLF becomes LF, nothing else changes.
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), content.replace(/\r\n/g, '\n'));
});

test('with more labels than number keys, "/" finds a label by name', async () => {
  const page = await app.open();
  await annotate(page, A, 'Many labels');
  await page.click('[data-testid=schema-edit]');
  for (const name of ['WEAPON', 'VEHICLE']) {
    await page.fill('[data-testid=label-add-name]', name);
    await page.click('[data-testid=label-add]');
    await page.waitForSelector(`[data-testid=label-${name}]`);
  }
  assert.equal(await page.locator('[data-testid=label-VEHICLE] kbd').textContent(), '', 'the tenth label has no key');
  await page.click('[data-testid=schema-edit]');
  await page.keyboard.press('Escape');
  await drag(page, 'London');
  await page.keyboard.press('/');
  await until(() => page.evaluate(() => document.activeElement?.dataset.testid === 'label-search'), 'type-ahead focused');
  await page.keyboard.type('vehi');
  assert.equal(await page.locator('.label-chip:not(.filtered-out)').count(), 1);
  await page.keyboard.press('Enter');
  const london = cp(A, 'London');
  await until(async () => (await entities(page)).some((e) => e.start === london[0] && e.end === london[1] && e.label === 'VEHICLE'), 'labelled by name');
  assert.equal(await page.locator('.label-chip.filtered-out').count(), 0, 'the filter is cleared');
});
