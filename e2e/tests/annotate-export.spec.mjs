// A non-ASCII article (curly quotes, emoji, a ZWJ family, Urdu words) annotated by mouse:
// the Spanmark JSON download holds code point offsets whose slices are the span texts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, entities, downloadText } from '../lib/harness.mjs';
import { cp, slice, drag, until } from './annotate-page.mjs';

const ARTICLE = `“Peace talks must resume,” said Fazl ur Rehman 🙏 in اسلام آباد on Monday.

The JUI-F chief met Imran Khan’s aides — 👩‍👩‍👧 families waited outside کراچی prison, officials said.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function spanAt(page, [start, end]) {
  return (await entities(page)).find((e) => e.start === start && e.end === end);
}

test('exported offsets match the text of a non-ASCII article', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Urdu, emoji and quotes');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), ARTICLE);

  const wanted = [
    ['Fazl ur Rehman', '1', 'PERSON'],
    ['اسلام آباد', '3', 'GPE'],
    ['Imran Khan', '1', 'PERSON'],
    ['کراچی', '3', 'GPE'],
  ];
  for (const [word, key, label] of wanted) {
    await page.keyboard.press('Escape');
    await drag(page, word);
    await page.keyboard.press(key);
    const range = cp(ARTICLE, word);
    const got = await until(() => spanAt(page, range), `"${word}" labelled at ${range}`);
    assert.equal(got.label, label);
    // The element shows exactly that text.
    const el = page.locator(`[data-testid=entity][data-start="${range[0]}"]`);
    assert.equal(await el.textContent(), word);
  }

  const { name, text } = await downloadText(page, '[data-testid=export-json]');
  assert.match(name, /\.json$/);
  const file = JSON.parse(text);
  assert.equal(file.documents.length, 1);
  const doc = file.documents[0];
  assert.equal(doc.text, ARTICLE);
  for (const [word, , label] of wanted) {
    const [start, end] = cp(ARTICLE, word);
    const span = doc.spans.find((s) => s.start === start && s.end === end);
    assert.ok(span, `"${word}" exported at ${start}–${end}`);
    assert.equal(span.label, label);
    assert.equal(span.text, word);
  }
  // Every exported span (suggestions included) slices to its own text by code points.
  for (const s of doc.spans) assert.equal(slice(ARTICLE, s.start, s.end), s.text, JSON.stringify(s));
  // And matches what the page shows.
  const shown = (await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}`).sort();
  assert.deepEqual(doc.spans.map((s) => `${s.start}-${s.end}-${s.label}`).sort(), shown);
  assert.deepEqual(app.errors, []);
});

test('Export JSON downloads every document', async () => {
  const page = await app.open();
  await annotate(page, 'Kabul and Herat 🙂', 'One');
  await annotate(page, '“Karachi” is in Sindh.', 'Two');
  const { text } = await downloadText(page, '[data-testid=export-json]');
  const file = JSON.parse(text);
  assert.deepEqual(file.documents.map((d) => d.title).sort(), ['One', 'Two']);
  assert.deepEqual(file.documents.map((d) => d.text).sort(), ['Kabul and Herat 🙂', '“Karachi” is in Sindh.'].sort());
});
