// Annotating by mouse and keyboard in the real page: paste, see suggestions, add spans by
// dragging across words, relabel, accept/reject, resize, label all, undo/redo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, entities, openHolding } from '../lib/harness.mjs';
import { cp, drag, clickBefore, clickSpan, selectedSpan, until, rows } from './annotate-page.mjs';

const ARTICLE = `ISLAMABAD — Prime Minister Shehbaz Sharif met Army chief Asim Munir in Rawalpindi on Tuesday, officials said.

Sharif later flew to Lahore, where the Punjab government briefed him. Lahore police said 14 people were arrested.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The entity exactly at [start, end), or undefined. */
async function spanAt(page, [start, end]) {
  return (await entities(page)).find((e) => e.start === start && e.end === end);
}

test('paste, Ctrl+Enter: the article is shown exactly, suggestions look like suggestions', async () => {
  const page = await app.open();
  // An empty box is refused with a sentence, and the focus stays in it (Annotate lets go of
  // the focus only when the article will replace the form).
  await page.focus('[data-testid=new-doc-input]');
  await page.keyboard.press('Control+Enter');
  await until(async () => (await page.locator('body').textContent()).includes('Paste or type an article first.'), 'the empty article refused');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'new-doc-input');
  await page.fill('[data-testid=new-doc-input]', ARTICLE);
  await page.focus('[data-testid=new-doc-input]');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('[data-testid=doc-text]');
  // The form let go of the focus before it went; the article took it.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'doc-text');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), ARTICLE);
  // No title given: the first line names the document.
  const title = await page.locator('[data-testid=doc-item] [data-testid=doc-title]').textContent();
  assert.ok(title.startsWith('ISLAMABAD — Prime Minister'), title);
  const spans = await entities(page);
  assert.ok(spans.some((s) => s.state === 'suggested'), 'the detector suggested something');
  for (const s of spans) assert.equal(s.origin, 'auto');
  // The keyboard works at once: Tab selects the first span.
  await page.keyboard.press('Tab');
  const first = await until(() => selectedSpan(page), 'Tab right after Annotate selects a span');
  assert.equal(first.start, Math.min(...spans.map((s) => s.start)));
  await page.keyboard.press('Escape');
  // Suggested and accepted spans are drawn differently.
  const sug = page.locator('[data-testid=entity][data-state=suggested]').first();
  assert.equal(await sug.evaluate((e) => getComputedStyle(e).outlineStyle), 'dashed');
  // The label name is drawn from the attribute, not written into the text.
  assert.equal(await sug.evaluate((e) => getComputedStyle(e, '::after').content), `"${await sug.getAttribute('data-label')}"`);
  assert.deepEqual(app.errors, []);
});

test('pasted HTML and script stay plain text', async () => {
  const page = await app.open();
  const html = `<script>window.pwned = 1</script><b>bold</b> & <img src=x onerror="window.pwned = 2"> Lahore`;
  await annotate(page, html, '<i>title</i>');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), html);
  assert.equal(await page.locator('[data-testid=doc-text] script, [data-testid=doc-text] b, [data-testid=doc-text] img').count(), 0);
  assert.equal(await page.locator('[data-testid=doc-title]').textContent(), '<i>title</i>');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
});

test('drag across words, press a number: a manual span snapped to whole words', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Drag');
  await drag(page, 'Shehbaz Sharif');
  await page.keyboard.press('1');
  const shehbaz = cp(ARTICLE, 'Shehbaz Sharif');
  const got = await until(() => spanAt(page, shehbaz), 'the PERSON span');
  // Accepted at once; labelling exactly a suggestion's words keeps the detector as its origin.
  assert.deepEqual([got.label, got.state], ['PERSON', 'accepted']);
  // A span no detector suggested is manual.
  await drag(page, 'officials');
  await page.keyboard.press('2');
  const officials = await until(() => spanAt(page, cp(ARTICLE, 'officials')), 'ORG over "officials"');
  assert.deepEqual([officials.label, officials.origin, officials.state], ['ORG', 'manual', 'accepted']);

  // Half words grow to whole words.
  await drag(page, 'sim Muni');
  await page.keyboard.press('1');
  await until(() => spanAt(page, cp(ARTICLE, 'Asim Munir')), 'snapped to "Asim Munir"');

  // A trailing comma is trimmed.
  await drag(page, 'Lahore,');
  await page.keyboard.press('3');
  const lahore = await until(() => spanAt(page, cp(ARTICLE, 'Lahore')), 'Lahore without the comma');
  assert.equal(lahore.label, 'GPE');
  const el = page.locator(`[data-testid=entity][data-start="${lahore.start}"]`);
  assert.equal(await el.textContent(), 'Lahore');
  assert.deepEqual(app.errors, []);
});

test('palette click labels the selection; click a span and a key relabels it', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Palette');
  await drag(page, 'Punjab government');
  await page.click('[data-testid=label-ORG]');
  const range = cp(ARTICLE, 'Punjab government');
  await until(async () => (await spanAt(page, range))?.label === 'ORG', 'ORG span from the palette');
  const count = page.locator('[data-testid=label-ORG] [data-testid=label-count]');
  assert.ok(Number(await count.textContent()) >= 1);

  await page.keyboard.press('Escape');
  await clickSpan(page, range[0]);
  await until(async () => (await selectedSpan(page))?.start === range[0], 'the clicked span selected');
  assert.equal(await page.locator('[data-testid=selected-label]').textContent(), 'ORG');
  await page.keyboard.press('3');
  await until(async () => (await spanAt(page, range))?.label === 'GPE', 'relabelled to GPE');
  // Relabel by palette click too.
  await page.click('[data-testid=label-LOC]');
  await until(async () => (await spanAt(page, range))?.label === 'LOC', 'relabelled to LOC');
});

test('accept with Enter and ✓, reject with x, Delete and ✗, accept all, undo', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Review');
  const suggested = async () => (await entities(page)).filter((e) => e.state === 'suggested');
  const first = await suggested();
  assert.ok(first.length >= 4, `need four suggestions, got ${JSON.stringify(first)}`);

  // Enter accepts the clicked suggestion and moves to the next one.
  await clickSpan(page, first[0].start);
  await page.keyboard.press('Enter');
  await until(async () => (await spanAt(page, [first[0].start, first[0].end]))?.state === 'accepted', 'accepted by Enter');
  // The selection moves with the paint after the accept (a class set by an effect).
  const next = await until(async () => {
    const s = await selectedSpan(page);
    return s?.state === 'suggested' && s;
  }, 'the next suggestion is selected');
  // ...and only it: the accepted span does not keep the selection's outline.
  await page.waitForTimeout(100);
  const outlined = await page.evaluate(() => [...document.querySelectorAll('[data-testid=entity].selected')].map((e) => +e.dataset.start));
  assert.deepEqual([...new Set(outlined)], [next.start], 'one span selected');
  // x rejects it.
  await page.keyboard.press('x');
  await until(async () => !(await spanAt(page, [next.start, next.end])), 'rejected by x');
  // ✓ and ✗ buttons.
  const left = await suggested();
  await clickSpan(page, left[0].start);
  await page.click('[data-testid=accept]');
  await until(async () => (await spanAt(page, [left[0].start, left[0].end]))?.state === 'accepted', 'accepted by ✓');
  await clickSpan(page, left[1].start);
  await page.click('[data-testid=reject]');
  await until(async () => !(await spanAt(page, [left[1].start, left[1].end])), 'rejected by ✗');
  // Delete rejects too.
  const more = await suggested();
  if (more.length) {
    await clickSpan(page, more[0].start);
    await page.keyboard.press('Delete');
    await until(async () => !(await spanAt(page, [more[0].start, more[0].end])), 'rejected by Delete');
  }

  // Accept all, then one undo brings every suggestion back.
  const before = await suggested();
  await page.click('[data-testid=accept-all]');
  await until(async () => (await suggested()).length === 0, 'all accepted');
  if (before.length) {
    await page.keyboard.press('Control+z');
    await until(async () => (await suggested()).length === before.length, 'accept all undone in one step');
  }
  assert.deepEqual(app.errors, []);
});

test('Delete/Backspace remove; Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the toolbar undo/redo', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Undo');
  const range = cp(ARTICLE, 'officials');
  await drag(page, 'officials');
  await page.keyboard.press('2');
  await until(() => spanAt(page, range), 'added');
  await page.keyboard.press('Backspace');
  await until(async () => !(await spanAt(page, range)), 'removed by Backspace');
  await page.keyboard.press('Control+z');
  await until(() => spanAt(page, range), 'back after Ctrl+Z');
  await page.keyboard.press('Control+Shift+z');
  await until(async () => !(await spanAt(page, range)), 'gone after Ctrl+Shift+Z');
  await page.click('[data-testid=undo]');
  await until(() => spanAt(page, range), 'back after the undo button');
  await page.click('[data-testid=redo]');
  await until(async () => !(await spanAt(page, range)), 'gone after the redo button');
  await page.keyboard.press('Control+z');
  await until(() => spanAt(page, range), 'back again');
  await page.keyboard.press('Control+y');
  await until(async () => !(await spanAt(page, range)), 'gone after Ctrl+Y');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await until(async () => !(await spanAt(page, range)), 'before it was added');
  assert.equal(await page.locator('[data-testid=undo]').isDisabled(), true, 'nothing left to undo');
  // One undo too many says so and keeps the redo steps.
  await page.keyboard.press('Control+z');
  await until(async () => /nothing to undo/i.test(await page.locator('[data-testid=notice]').textContent().catch(() => '')), 'notice');
  await page.keyboard.press('Control+y');
  await until(() => spanAt(page, range), 'redo still works');
});

test('Alt+←/→ and Alt+Shift+←/→ move the boundaries; Tab and Shift+Tab walk the spans', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Resize');
  await drag(page, 'Asim');
  await page.keyboard.press('1');
  await until(() => spanAt(page, cp(ARTICLE, 'Asim')), 'Asim');
  await page.keyboard.press('Alt+ArrowRight');
  await until(() => spanAt(page, cp(ARTICLE, 'Asim Munir')), 'end moved right');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await until(() => spanAt(page, cp(ARTICLE, 'chief Asim Munir')), 'start moved left');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await until(() => spanAt(page, cp(ARTICLE, 'Asim Munir')), 'start moved right');
  await page.keyboard.press('Alt+ArrowLeft');
  const asim = await until(() => spanAt(page, cp(ARTICLE, 'Asim')), 'end moved left');
  assert.equal(asim.label, 'PERSON');

  await page.keyboard.press('Escape');
  const all = (await rows(page)).map((r) => r[0]).sort((a, b) => a - b);
  await page.keyboard.press('Tab');
  assert.equal((await until(() => selectedSpan(page), 'a selection')).start, all[0]);
  const selectedAt = (start, what) => until(async () => (await selectedSpan(page))?.start === start, what);
  await page.keyboard.press('Tab');
  await selectedAt(all[1], 'Tab: the second span');
  await page.keyboard.press('Tab');
  await selectedAt(all[2], 'Tab: the third span');
  await page.keyboard.press('Shift+Tab');
  await selectedAt(all[1], 'Shift+Tab: back to the second');
});

test('a click places the caret; Shift+→ selects word by word; a key labels it', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Caret');
  await clickBefore(page, 'officials');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await until(async () => (await page.evaluate(() => String(window.getSelection()))) === 'officials said', 'selection shown');
  assert.equal(await page.locator('[data-testid=pending-text]').textContent(), 'officials said');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  const got = await until(() => spanAt(page, cp(ARTICLE, 'officials said')), 'labelled from the keyboard');
  assert.equal(got.label, 'ORG');
  assert.equal(got.origin, 'manual');
});

test('label all occurrences gives every other whole-word match the label', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Label all');
  await drag(page, 'Lahore');
  await page.keyboard.press('4');
  await until(async () => (await spanAt(page, cp(ARTICLE, 'Lahore')))?.label === 'LOC', 'first Lahore is LOC');
  await page.click('[data-testid=label-all]');
  const second = cp(ARTICLE, 'Lahore', 1);
  const got = await until(async () => {
    const s = await spanAt(page, second);
    return s?.label === 'LOC' && s;
  }, 'the second Lahore labelled');
  assert.equal(got.state, 'accepted');
  // One undo takes it back.
  await page.keyboard.press('Control+z');
  await until(async () => (await spanAt(page, second))?.label !== 'LOC', 'label all undone');
  // And the key does the same.
  await page.keyboard.press('Escape');
  await clickSpan(page, cp(ARTICLE, 'Lahore')[0]);
  await page.keyboard.press('l');
  await until(async () => (await spanAt(page, second))?.label === 'LOC', 'label all by key');
});

test('the larger gazetteer loads after first paint; untouched documents get its suggestions', async () => {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await ctx.route('**/extra.tsv', async (route) => { await held; await route.continue(); });
  const page = await app.open(ctx);
  assert.match(await page.locator('[data-testid=gazetteer-status]').textContent(), /Loading/);
  const text = 'The mayor of Zywiec met farmers in Lahore on Friday.';
  const zywiec = cp(text, 'Zywiec');
  await annotate(page, text, 'Before');
  assert.equal(await spanAt(page, zywiec), undefined, 'not known from the built-in lists');
  // A second document that the user edits before the list arrives is left alone.
  await annotate(page, text, 'Edited');
  await drag(page, 'farmers');
  await page.keyboard.press('6');
  await until(() => spanAt(page, cp(text, 'farmers')), 'edited');
  release();
  // Back in the first document the new suggestion appears.
  await page.locator('[data-testid=doc-item]').nth(0).locator('[data-testid=doc-open]').click();
  const got = await until(() => spanAt(page, zywiec), 'Zywiec suggested from the larger list', 8000);
  assert.deepEqual([got.label, got.state, got.origin], ['GPE', 'suggested', 'auto']);
  await page.locator('[data-testid=doc-item]').nth(1).locator('[data-testid=doc-open]').click();
  await page.waitForSelector('[data-testid=doc-text]');
  assert.equal(await spanAt(page, zywiec), undefined, 'the edited document keeps its spans');
  // New documents use it at once.
  await page.click('[data-testid=new-doc]');
  assert.match(await page.locator('[data-testid=gazetteer-status]').textContent(), /\d+ names known/);
  await annotate(page, text, 'After');
  assert.equal((await spanAt(page, zywiec))?.label, 'GPE');
  await ctx.close();
});

test('a document annotated before the word lists arrive gets its suggestions when they do', async () => {
  const { ctx, page, release } = await openHolding(app, '**/builtin.tsv');
  await page.waitForSelector('[data-testid=app]');
  assert.match(await page.locator('[data-testid=gazetteer-status]').textContent(), /Loading the word lists/);
  const text = 'Militants attacked a checkpoint in Quetta on Friday.';
  await annotate(page, text, 'Early');
  assert.equal(await spanAt(page, cp(text, 'Quetta')), undefined, 'nothing to suggest with yet');
  release();
  const got = await until(() => spanAt(page, cp(text, 'Quetta')), 'Quetta suggested once the lists are in', 8000);
  assert.deepEqual([got.label, got.state], ['GPE', 'suggested']);
  assert.equal((await spanAt(page, cp(text, 'Friday')))?.label, 'DATE');
  await ctx.close();
});

test('word lists that cannot be loaded leave a clear sentence, and the page still works', async () => {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.route('**/rules.tsv', (route) => route.fulfill({ status: 404, body: 'not here' }));
  const page = await ctx.newPage();
  await page.goto(app.url);
  await page.waitForSelector('html[data-lists=failed]', { state: 'attached' });
  assert.match(await page.locator('[data-testid=gazetteer-status]').textContent(), /No word lists: the word list rules\.tsv could not be fetched \(HTTP 404\)/);
  const text = 'Militants attacked a checkpoint in Quetta.';
  await annotate(page, text, 'Without lists');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), text);
  await drag(page, 'Quetta');
  await page.keyboard.press('3');
  await until(async () => (await spanAt(page, cp(text, 'Quetta')))?.label === 'GPE', 'added by hand');
  await ctx.close();
});

test('a document edited before any word list arrived still gets suggestions, as one undo step', async () => {
  const { ctx, page, release } = await openHolding(app, '**/builtin.tsv');
  await page.waitForSelector('[data-testid=app]');
  const text = 'Farmers in Quetta protested on Friday.';
  await annotate(page, text, 'Quick');
  await drag(page, 'Farmers');
  await page.keyboard.press('6');
  await until(async () => (await spanAt(page, cp(text, 'Farmers')))?.label === 'NORP', 'added by hand');
  release();
  const got = await until(() => spanAt(page, cp(text, 'Quetta')), 'Quetta suggested once the lists are in', 8000);
  assert.equal(got.state, 'suggested');
  assert.equal((await spanAt(page, cp(text, 'Farmers')))?.state, 'accepted', 'the hand-made span stays');
  await page.click('[data-testid=undo]');
  await until(async () => (await spanAt(page, cp(text, 'Quetta'))) === undefined, 'undo takes the suggestions back');
  assert.ok(await spanAt(page, cp(text, 'Farmers')), 'only them');
  await page.click('[data-testid=undo]');
  await until(async () => (await spanAt(page, cp(text, 'Farmers'))) === undefined, 'then the hand-made span');
  await ctx.close();
});
