// Team review in the page: two annotators' exports loaded, the agreement equal to
// `spanmark agree --json` on the same files, an adjudication by keys (1/2/b/x/n/p, undo),
// a reload half-way that carries on, and the gold document exported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startApp, repoRoot, downloadText, entities } from '../lib/harness.mjs';

const FIXTURES = path.join(repoRoot, 'e2e', 'fixtures');
const AYESHA = path.join(FIXTURES, 'review-ayesha.json');
const BILAL = path.join(FIXTURES, 'review-bilal.json');
const NOT_AN_EXPORT = path.join(FIXTURES, 'review-not-an-export.json');
// the CLI built from the same tree (cargo build -p spanmark-cli); SPANMARK_CLI overrides
const CLI = process.env.SPANMARK_CLI || path.join(repoRoot, 'target', 'debug', 'spanmark');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const text = (page, sel) => page.locator(sel).first().textContent();
const texts = (page, sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.trim()));

async function until(check, what, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function stretch(page) {
  return (await text(page, '[data-testid=stretch]')).trim();
}

/** Press a key on the page (not in a field) and wait for the disagreement to show `want`. */
async function press(page, key, want) {
  await page.keyboard.press(key);
  if (want) await until(async () => (await stretch(page)) === want, `“${want}” after ${key}`);
}

/** The first pair row's cells, by column name. */
async function pairRow(page) {
  return page.$eval('[data-testid=agreement-pair]', (tr) =>
    Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent.trim()])));
}

async function openReview(page) {
  await page.click('[data-testid=review-tab]');
  await page.waitForSelector('[data-testid=review]');
}

test('load, agree like the CLI, adjudicate by keys, reload half-way, export the gold', async () => {
  const page = await app.open();
  await openReview(page);

  // Load: each file one annotator named after it; paired by text; the rest explained.
  await page.setInputFiles('[data-testid=review-files]', [AYESHA, BILAL]);
  await page.waitForSelector('[data-testid=agreement-table]');
  const names = await page.$$eval('[data-testid=annotator-name]', (els) => els.map((e) => e.value));
  assert.deepEqual(names, ['review-ayesha', 'review-bilal']);
  assert.deepEqual(await texts(page, '[data-testid=paired-document]'), ['Lahore meeting — review-ayesha, review-bilal']);
  const warnings = await text(page, '[data-testid=review-warnings]');
  assert.match(warnings, /“Quetta note” is only in the work of review-ayesha \(not review-bilal\)/);
  assert.match(warnings, /“Karachi port” and review-bilal's “Karachi port” look like the same document but their texts differ at line 1, column 28/);

  // A bad file: the core's sentence names it, nothing half-loaded, the team before stays.
  await page.setInputFiles('[data-testid=review-files]', [AYESHA, NOT_AN_EXPORT]);
  await page.waitForSelector('[data-testid=notice].error');
  assert.match(await text(page, '[data-testid=notice]'), /^review-not-an-export\.json: /); // the core's sentence names the file
  assert.equal(await page.locator('[data-testid=annotator]').count(), 2);
  assert.equal(await page.locator('[data-testid=doc-item]').count(), 0, 'no document was added');

  // The agreement numbers equal `spanmark agree --json` on the same files.
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'agree-')), 'agree.json');
  execFileSync(CLI, ['agree', AYESHA, BILAL, '--json', out], { stdio: 'ignore' });
  const cli = JSON.parse(fs.readFileSync(out, 'utf8'));
  const row = await pairRow(page);
  const want = cli.pairs[0];
  assert.equal(row['F1 strict'], want.f1_strict.toFixed(1));
  assert.equal(row['F1 overlap'], want.f1_overlap.toFixed(1));
  assert.equal(row.kappa, want.kappa.toFixed(3));
  assert.equal(await text(page, '[data-testid=alpha] strong'), cli.alpha.toFixed(3));
  const perLabel = await page.$$eval('[data-testid=label-row]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.label, r.querySelector('[data-testid=label-f1]').textContent])));
  assert.deepEqual(
    perLabel,
    Object.fromEntries(Object.entries(want.per_label).map(([l, v]) => [l, v.f1_strict.toFixed(1)])),
  );
  // counts of this pair, by hand: Imran Khan agreed; Lahore label; Sharif boundary; met only B; Monday only A
  assert.deepEqual(
    [row.agreed, row['label differs'], row['boundary differs'], row['only A'], row['only B']],
    ['1', '1', '1', '1', '1'],
  );

  // Rename: the table follows.
  await page.fill('[data-testid=annotator-name] >> nth=1', 'Bilal');
  await page.press('[data-testid=annotator-name] >> nth=1', 'Enter');
  await until(async () => (await text(page, '[data-testid=agreement-pair] th')).includes('review-ayesha – Bilal'), 'renamed pair');
  await page.locator('[data-testid=review]').click({ position: { x: 2, y: 2 } }); // focus off the field

  // Adjudicate: the gold document lands in the list with the agreed span.
  await page.click('[data-testid=start-adjudication]');
  await page.waitForSelector('[data-testid=disagreement]');
  assert.equal(await stretch(page), 'met');
  // the adjudication comes into view: its panel starts at the top of the window
  // the adjudication comes into view: its panel at the top of the window (or as near as the page's end lets it)
  await until(() => page.$eval('[data-testid=disagreement]', (d) => {
    const top = d.getBoundingClientRect().top;
    const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 8;
    return top > -2 && (top < 2 || (end && top < innerHeight / 2));
  }), 'the adjudication panel scrolled into view');
  assert.deepEqual(await texts(page, '[data-testid=doc-item] .doc-title'), ['Lahore meeting (gold)']);
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, '2', 'Shehbaz Sharif'); // Bilal's ORG on “met”
  await page.keyboard.press('b'); // the versions overlap: refused with a sentence
  await until(async () => /overlap/.test((await text(page, '[data-testid=notice]')) || ''), 'overlap sentence');
  assert.equal(await stretch(page), 'Shehbaz Sharif');
  await press(page, '1', 'Lahore');
  await press(page, 'Control+z', 'Shehbaz Sharif'); // one choice undone
  assert.equal(await text(page, '[data-testid=decision]'), 'undecided');
  await press(page, '1', 'Lahore');
  await press(page, 'p', 'Shehbaz Sharif');
  assert.equal(await text(page, '[data-testid=decision]'), 'took review-ayesha\'s version');
  await press(page, 'n', 'Lahore');
  await press(page, 'x', 'Monday');
  assert.match(await text(page, '[data-testid=adjudication-progress]'), /^3 of 4 disagreements decided/);

  // Reload half-way: the team (renamed), its agreement, the gold document and the position come back.
  const rowBefore = await pairRow(page);
  await page.waitForTimeout(600); // autosave's debounce
  await page.reload();
  await page.waitForSelector('[data-testid=app]');
  await openReview(page);
  await page.waitForSelector('[data-testid=disagreement]');
  assert.equal(await stretch(page), 'Monday');
  assert.match(await text(page, '[data-testid=adjudication-progress]'), /^3 of 4 disagreements decided/);
  assert.deepEqual(await page.$$eval('[data-testid=annotator-name]', (els) => els.map((e) => e.value)), ['review-ayesha', 'Bilal']);
  assert.deepEqual(await pairRow(page), rowBefore, 'the agreement table came back');
  assert.equal(await text(page, '[data-testid=alpha] strong'), cli.alpha.toFixed(3));
  // A run of moves, then a reload at once (no debounce wait): the review is serialized and
  // written when the page is left, at the position shown last.
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, 'p', 'Lahore');
  await press(page, 'n', 'Monday');
  await press(page, 'p', 'Lahore');
  await page.reload();
  await page.waitForSelector('[data-testid=app]');
  await openReview(page);
  await page.waitForSelector('[data-testid=disagreement]');
  assert.equal(await stretch(page), 'Lahore', 'the position shown when the page was left');
  assert.match(await text(page, '[data-testid=adjudication-progress]'), /^3 of 4 disagreements decided/);
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, 'n', 'Monday');
  // The chips: one per disagreement of the document, the decided ones marked, the shown one
  // outlined; a click goes there. A version's button takes it, like its key.
  const chips = () => page.$$eval('[data-testid=chip]', (els) => els.map((e) => `${e.textContent}:${e.className}`));
  assert.deepEqual(await chips(), ['1:chip decided', '2:chip decided', '3:chip decided', '4:chip here']);
  await page.click('[data-testid=chip] >> text="1"');
  await until(async () => (await stretch(page)) === 'met', 'the first chip clicked');
  assert.deepEqual(await chips(), ['1:chip decided here', '2:chip decided', '3:chip decided', '4:chip']);
  await page.click('[data-testid=chip] >> text="4"');
  await until(async () => (await stretch(page)) === 'Monday', 'the last chip clicked');
  assert.deepEqual(await page.$$eval('[data-testid=version] button', (els) => els.map((e) => e.textContent)), ['1 review-ayesha', '2 Bilal']);
  await page.click('[data-testid=version] button >> nth=0');
  await until(async () => /^4 of 4/.test(await text(page, '[data-testid=adjudication-progress]')), 'all decided');
  assert.equal(await text(page, '[data-testid=decision]'), 'took review-ayesha\'s version');

  // The review file: every decision in it, as `spanmark adjudicate` writes them.
  const { name: reviewName, text: reviewText } = await downloadText(page, '[data-testid=download-review]');
  assert.equal(reviewName, 'gold.review.json');
  const reviewFile = JSON.parse(reviewText);
  assert.equal(reviewFile.format, 'spanmark-review');
  assert.deepEqual(reviewFile.annotators, ['review-ayesha', 'Bilal']);
  assert.deepEqual(reviewFile.cases[0].decisions.filter((d) => d).map((d) => d.choice), ['take', 'take', 'neither', 'take']);

  // The gold document in the normal view, and exported like any other document.
  await page.click('[data-testid=open-gold]');
  await page.waitForSelector('[data-testid=doc-text]');
  const spans = (await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}`);
  assert.deepEqual(spans, ['0-10-PERSON', '11-14-ORG', '15-29-PERSON', '43-49-DATE']);
  const { text: exported } = await downloadText(page, '[data-testid=export-json]');
  const gold = JSON.parse(exported).documents.find((d) => d.title === 'Lahore meeting (gold)');
  assert.deepEqual(
    gold.spans.map((s) => `${gold.text.slice(s.start, s.end)}/${s.label}`),
    ['Imran Khan/PERSON', 'met/ORG', 'Shehbaz Sharif/PERSON', 'Monday/DATE'],
  );
  // provenance per span: who had it, whose version was taken, when
  assert.deepEqual(
    gold.spans.map((s) => `${s.review.source}:${s.review.chosen ?? ''}:${s.review.had.join('+')}`),
    ['agreed::review-ayesha+Bilal', 'taken:Bilal:Bilal', 'taken:review-ayesha:review-ayesha', 'taken:review-ayesha:review-ayesha'],
  );
  assert.equal(gold.spans[0].review.at, null);
  assert.ok(gold.spans[1].review.at > 1.7e12, 'ms since 1970');

  // The export dialog says which formats cannot carry it.
  await page.click('[data-testid=export-open]');
  await page.waitForSelector('[data-testid=export-dialog]');
  assert.equal(await page.locator('[data-testid=export-provenance]').count(), 0, 'Spanmark JSON keeps it');
  await page.selectOption('[data-testid=export-format]', 'spacy');
  assert.match(await text(page, '[data-testid=export-provenance]'), /^4 gold spans carry review provenance .*; spaCy.* cannot carry it and leaves it out/);
  await page.keyboard.press('Escape');

  // Finish: the review state goes, the gold document stays.
  await page.click('[data-testid=review-tab]');
  await page.waitForSelector('[data-testid=review]');
  await page.click('[data-testid=finish-review]');
  await page.waitForSelector('[data-testid=adjudication-progress]', { state: 'detached' });
  assert.deepEqual(await texts(page, '[data-testid=doc-item] .doc-title'), ['Lahore meeting (gold)']);

  // Re-imported in a new browser, the provenance is still there.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gold-')), 'gold.json');
  fs.writeFileSync(file, exported);
  const other = await app.open();
  await other.setInputFiles('[data-testid=import-file]', [file]);
  await other.waitForSelector('[data-testid=import-dialog]');
  await other.click('[data-testid=import-confirm]');
  await until(async () => (await other.locator('[data-testid=doc-item]').count()) === 1, 'the gold document imported');
  const { text: again } = await downloadText(other, '[data-testid=export-json]');
  assert.deepEqual(JSON.parse(again).documents[0].spans.map((s) => s.review), gold.spans.map((s) => s.review));
  assert.deepEqual(app.errors, []);
});

test('a review file from spanmark adjudicate opens in the page; the download from the page opens again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adjudicate-'));
  execFileSync(CLI, ['adjudicate', AYESHA, BILAL, '--out', path.join(dir, 'gold.json')], { stdio: 'ignore' });
  const page = await app.open();
  await openReview(page);
  await page.setInputFiles('[data-testid=review-file-open]', [path.join(dir, 'gold.review.json')]);
  await page.waitForSelector('[data-testid=disagreement]');
  assert.match(await text(page, '[data-testid=adjudication-progress]'), /^0 of 4 disagreements decided in 1 document/);
  assert.equal(await stretch(page), 'met');
  assert.deepEqual(await texts(page, '[data-testid=doc-item] .doc-title'), ['Lahore meeting (gold)']);
  await page.evaluate(() => document.activeElement?.blur());
  await press(page, '2', 'Shehbaz Sharif');
  const { text: downloaded } = await downloadText(page, '[data-testid=download-review]');
  const back = path.join(dir, 'from-page.review.json');
  fs.writeFileSync(back, downloaded);

  // the other way: a fresh browser opens the page's file where it stood
  const other = await app.open();
  await openReview(other);
  await other.setInputFiles('[data-testid=review-file-open]', [back]);
  await other.waitForSelector('[data-testid=disagreement]');
  assert.match(await text(other, '[data-testid=adjudication-progress]'), /^1 of 4 disagreements decided/);
  assert.equal(await stretch(other), 'Shehbaz Sharif');
  // not a review file: said, nothing added
  await other.click('[data-testid=finish-review]');
  await other.setInputFiles('[data-testid=review-file-open]', [AYESHA]);
  await other.waitForSelector('[data-testid=notice].error');
  assert.match(await text(other, '[data-testid=notice]'), /^review-ayesha\.json: this is not a Spanmark review file/);
  assert.deepEqual(app.errors, []);
});

test('consistency: forms labelled two ways or unlabelled, fix one, fix all, undo', async () => {
  const page = await app.open();
  await page.setInputFiles('[data-testid=import-file]', [path.join(FIXTURES, 'review-consistency.json')]);
  await page.waitForSelector('[data-testid=import-dialog]');
  await page.click('[data-testid=import-confirm]');
  await until(async () => (await page.locator('[data-testid=doc-item]').count()) === 2, 'two documents imported');
  await openReview(page);
  await page.click('[data-testid=check-consistency]');
  await page.waitForSelector('[data-testid=form][data-form=BLA]');
  const form = page.locator('[data-testid=form][data-form=BLA]');
  assert.match(await form.textContent(), /ORG ×2, NORP ×1, unlabelled ×1/);
  assert.deepEqual(await form.locator('[data-testid=occurrence] .link').allTextContents(), ['Fighters: NORP', 'Fighters: unlabelled']);

  // `f` on the unlabelled occurrence labels it ORG (the main label)
  await form.locator('[data-testid=occurrence] .link').nth(1).focus();
  await page.keyboard.press('f');
  await until(async () => /ORG ×3, NORP ×1/.test(await form.textContent()), 'one occurrence fixed');
  // Shift+F on the last odd one fixes every one of the form; Ctrl+Z takes the whole fix back
  await form.locator('[data-testid=occurrence] .link').first().focus();
  await page.keyboard.press('Shift+F');
  await until(async () => (await page.locator('[data-testid=form][data-form=BLA]').count()) === 0, 'BLA consistent');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Control+z');
  await page.waitForSelector('[data-testid=form][data-form=BLA]');
  assert.match(await form.textContent(), /ORG ×3, NORP ×1/);

  // click an occurrence: its document opens on it
  await form.locator('[data-testid=occurrence] .link').first().click();
  await page.waitForSelector('[data-testid=doc-text]');
  const fighters = (await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}`);
  assert.deepEqual(fighters, ['0-3-NORP', '25-28-ORG']);
  assert.deepEqual(app.errors, []);
});
