// The export and import dialogs: every format downloaded from a non-ASCII article slices the
// right text at its offsets; the self-check report comes before the file; imports round-trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { startApp, annotate, entities } from '../lib/harness.mjs';
import { cp, slice, drag, until } from './annotate-page.mjs';

const ARTICLE = `“Peace talks must resume,” said Fazl ur Rehman 🙏 in اسلام آباد on Monday.

The JUI-F chief met Imran Khan’s aides — 👩‍👩‍👧 families waited outside کراچی prison, officials said.`;

const WANTED = [
  ['Fazl ur Rehman', '1', 'PERSON'],
  ['اسلام آباد', '3', 'GPE'],
  ['Imran Khan', '1', 'PERSON'],
  ['کراچی', '3', 'GPE'],
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Label each wanted word by dragging over it and pressing its key (a drag that did not take is tried again). */
async function labelWords(page, text, wanted) {
  for (const [word, key, label] of wanted) {
    const [start, end] = cp(text, word);
    const done = async () =>
      (await entities(page)).some((e) => e.start === start && e.end === end && e.label === label && e.state === 'accepted');
    for (let attempt = 0; attempt < 3 && !(await done()); attempt++) {
      await page.keyboard.press('Escape');
      await drag(page, word);
      await page.keyboard.press(key);
      // A drag that lands on a suggestion selects it, and a key relabels it: accept it too.
      const suggested = (await entities(page)).some((e) => e.start === start && e.end === end && e.state === 'suggested');
      if (suggested) await page.keyboard.press('Enter');
      await until(done, `"${word}" labelled ${label}`).catch(() => {});
    }
    assert.ok(await done(), `"${word}" labelled ${label}: ${JSON.stringify(await entities(page))}`);
  }
}

/** The open document's accepted spans as "start-end-label", sorted. */
async function accepted(page) {
  return (await entities(page))
    .filter((e) => e.state === 'accepted')
    .map((e) => `${e.start}-${e.end}-${e.label}`)
    .sort();
}

/** Open the export dialog, choose options, and return what the dialog shows. */
async function openExport(page, { format, scheme, offsets, spans } = {}) {
  await page.click('[data-testid=export-open]');
  await page.waitForSelector('[data-testid=export-dialog]');
  if (format) await page.selectOption('[data-testid=export-format]', format);
  if (spans) await page.selectOption('[data-testid=export-spans]', spans);
  if (scheme) await page.selectOption('[data-testid=export-scheme]', scheme);
  if (offsets) await page.selectOption('[data-testid=export-offsets]', offsets);
  return page.locator('[data-testid=export-report]').textContent();
}

/** Download from the open export dialog: the suggested name and the saved file's path. */
async function downloadExport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
  const path = await download.path();
  await page.waitForSelector('[data-testid=export-dialog]', { state: 'detached' });
  return { name: download.suggestedFilename(), path, text: fs.readFileSync(path, 'utf8') };
}

/** The files of a zip, by name (Python's zipfile: no npm dependency for a test). */
function unzip(path) {
  const py = 'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

/** Pick files in the import dialog's input and wait for the dialog. */
async function importFiles(page, files) {
  await page.setInputFiles('[data-testid=import-file]', files);
  await page.waitForSelector('[data-testid=import-dialog]');
}

const expectSpans = (found) => {
  for (const [word, , label] of WANTED) {
    assert.ok(found.some((f) => f.text === word && f.label === label), `"${word}" (${label}) in ${JSON.stringify(found)}`);
  }
  assert.equal(found.length, WANTED.length, JSON.stringify(found));
};

test('every format exported from a non-ASCII article slices the right text', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Urdu, emoji and quotes');
  await labelWords(page, ARTICLE, WANTED);
  const dated = /^spanmark-\d{4}-\d{2}-\d{2}/;

  // Spanmark JSON (accepted only by default).
  let report = await openExport(page, { format: 'spanmark' });
  assert.match(report, /Self-check passed/);
  // The detector's suggestions are not accepted: the dialog says they are left out.
  const suggested = (await entities(page)).filter((e) => e.state === 'suggested').length;
  if (suggested > 0) {
    assert.match(await page.locator('[data-testid=export-left-out]').textContent(), new RegExp(`^${suggested} suggestion`));
    await page.selectOption('[data-testid=export-spans]', 'suggestions');
    assert.equal(await page.locator('[data-testid=export-left-out]').count(), 0);
    await page.selectOption('[data-testid=export-spans]', 'accepted');
  }
  let file = await downloadExport(page);
  assert.match(file.name, dated);
  assert.match(file.name, /\.json$/);
  const sm = JSON.parse(file.text).documents[0];
  assert.equal(sm.text, ARTICLE);
  expectSpans(sm.spans.map((s) => ({ text: slice(ARTICLE, s.start, s.end), label: s.label })));

  // spaCy JSONL: code points; tokens rebuild the text.
  await openExport(page, { format: 'spacy' });
  file = await downloadExport(page);
  assert.match(file.name, /\.jsonl$/);
  const sp = JSON.parse(file.text.trim().split('\n')[0]);
  assert.equal(sp.text, ARTICLE);
  assert.equal(sp.tokens.map((t) => t.text + (t.ws ? ' ' : '')).join(''), ARTICLE);
  expectSpans(sp.spans.map((s) => ({ text: slice(ARTICLE, s.start, s.end), label: s.label })));
  for (const s of sp.spans) {
    assert.equal(sp.tokens[s.token_start].start, s.start);
    assert.equal(sp.tokens[s.token_end].end, s.end);
  }

  // doccano in code points, then in UTF-16 units: the dialog says which, and so does the file.
  const units = [];
  for (const [offsets, cut] of [['codepoint', (s, e) => slice(ARTICLE, s, e)], ['utf16', (s, e) => ARTICLE.slice(s, e)]]) {
    await openExport(page, { format: 'doccano', offsets });
    const note = await page.locator('[data-testid=export-unit]').textContent();
    assert.match(note, offsets === 'utf16' ? /UTF-16 units/ : /code points/);
    file = await downloadExport(page);
    if (offsets === 'utf16') assert.match(file.name, /utf16/);
    const line = JSON.parse(file.text.trim().split('\n')[0]);
    assert.equal(line.meta.offsets, offsets);
    expectSpans(line.label.map(([s, e, label]) => ({ text: cut(s, e), label })));
    units.push(line.label.map(([s]) => s).sort((a, b) => a - b));
  }
  // After the emoji the two units differ.
  assert.notDeepEqual(units[0], units[1]);

  // Label Studio: UTF-16 units, as JavaScript counts.
  await openExport(page, { format: 'labelstudio' });
  file = await downloadExport(page);
  const ls = JSON.parse(file.text)[0];
  assert.equal(ls.data.text, ARTICLE);
  const results = ls.annotations[0].result;
  for (const r of results) assert.equal(ARTICLE.slice(r.value.start, r.value.end), r.value.text);
  expectSpans(results.map((r) => ({ text: r.value.text, label: r.value.labels[0] })));

  // CoNLL, IOB2 then BILOU: the tagged tokens spell the words.
  for (const scheme of ['iob2', 'bilou']) {
    await openExport(page, { format: 'conll', scheme });
    file = await downloadExport(page);
    assert.match(file.name, /\.conll$/);
    const found = [];
    for (const row of file.text.split('\n')) {
      const cols = row.split(' ');
      if (cols.length !== 4 || cols[0] === '-DOCSTART-') continue;
      const [tag, label] = [cols[3].slice(0, 1), cols[3].slice(2)];
      if (tag === 'B' || tag === 'U') found.push({ text: cols[0], label });
      else if (tag === 'I' || tag === 'L') found[found.length - 1].text += ` ${cols[0]}`;
    }
    if (scheme === 'bilou') assert.ok(file.text.includes('U-GPE'), 'BILOU has unit tags');
    else assert.ok(!file.text.includes('U-'), 'IOB2 has no unit tags');
    expectSpans(found);
  }

  // brat: a real zip of .txt + .ann with code point offsets, and annotation.conf.
  await openExport(page, { format: 'brat' });
  file = await downloadExport(page);
  assert.match(file.name, /brat\.zip$/);
  const zip = unzip(file.path);
  assert.ok(zip['annotation.conf'].includes('PERSON'));
  const annName = Object.keys(zip).find((n) => n.endsWith('.ann'));
  const txt = zip[annName.replace(/\.ann$/, '.txt')];
  assert.equal(txt, ARTICLE);
  const anns = zip[annName].trim().split('\n').map((l) => {
    const [, typeAndRange, text] = l.split('\t');
    const [label, s, e] = typeAndRange.split(' ');
    assert.equal(slice(txt, +s, +e), text);
    return { text, label };
  });
  expectSpans(anns);

  // Plain text: the article itself.
  const txtReport = await openExport(page, { format: 'txt' });
  assert.match(txtReport, /span/);
  file = await downloadExport(page);
  assert.equal(file.text, ARTICLE);
  assert.deepEqual(app.errors, []);
});

test('a span the format cannot express is reported before the download', async () => {
  const page = await app.open();
  const text = 'Fighters of Lashkar-e-Jhangvi attacked a checkpoint near Quetta 🚨 on Friday.';
  await annotate(page, text, 'Checkpoint');
  await page.click('[data-testid=schema-edit]');
  const editor = page.locator('[data-testid=schema-editor]');
  await editor.locator('[data-testid=label-add-name]').fill('ARMED GROUP');
  await editor.locator('[data-testid=label-add]').click();
  await page.waitForSelector('[data-testid="label-ARMED GROUP"]');
  // Done editing: the editor (labels, event and relation types) closes above the article.
  await page.click('[data-testid=schema-edit]');
  await page.waitForSelector('[data-testid=schema-editor]', { state: 'detached' });
  await drag(page, 'Lashkar-e-Jhangvi');
  await page.click('[data-testid="label-ARMED GROUP"]');
  const [start, end] = cp(text, 'Lashkar-e-Jhangvi');
  await until(async () => (await entities(page)).some((e) => e.start === start && e.label === 'ARMED GROUP'), 'span labelled');

  // CoNLL tags cannot hold a space: the report names the span before anything is saved.
  const report = await openExport(page, { format: 'conll' });
  assert.match(report, /Lashkar-e-Jhangvi/);
  assert.match(report, /ARMED GROUP/);
  assert.match(report, /cannot contain spaces/);
  assert.equal(await page.locator('[data-testid=export-problem]').count(), 1);
  assert.equal((await page.locator('[data-testid=export-download]').textContent()).trim(), 'Download anyway');
  // Cancel: no file, the dialog closes.
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.click('[data-testid=export-cancel]');
  await page.waitForSelector('[data-testid=export-dialog]', { state: 'detached' });
  assert.equal(downloads, 0);
  // spaCy can hold it: the report is clean.
  assert.match(await openExport(page, { format: 'spacy' }), /Self-check passed/);
  // Back to CoNLL and download anyway: the file lacks only that span.
  await page.selectOption('[data-testid=export-format]', 'conll');
  const file = await downloadExport(page);
  assert.ok(!file.text.includes('ARMED'), 'the reported span is not in the file');
  const rows = file.text.split('\n').filter((r) => r.startsWith('Lashkar'));
  assert.ok(rows.length > 0 && rows.every((r) => r.endsWith(' O')), rows.join('|'));
});

test('doccano, spaCy, Label Studio and brat exports import back with the same spans', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Round trip');
  await labelWords(page, ARTICLE, WANTED);
  const before = await accepted(page);
  assert.equal(before.length >= WANTED.length, true, JSON.stringify(await entities(page)));

  for (const [format, offsets] of [['doccano', 'codepoint'], ['doccano', 'utf16'], ['spacy', undefined], ['labelstudio', undefined], ['brat', undefined]]) {
    await page.click('[data-testid=doc-list] [data-testid=doc-item] [data-testid=doc-open] >> nth=0');
    await until(async () => (await accepted(page)).join() === before.join(), 'original open');
    await openExport(page, { format, offsets });
    const file = await downloadExport(page);
    const count = await page.locator('[data-testid=doc-item]').count();
    await importFiles(page, { name: file.name, mimeType: 'application/octet-stream', buffer: fs.readFileSync(file.path) });
    const guessed = await page.locator('[data-testid=import-format]').inputValue();
    assert.equal(guessed, format, `${file.name} guessed as ${format}`);
    assert.match(await page.locator('[data-testid=import-preview]').textContent(), /Adds 1 new document/);
    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
    await until(async () => (await page.locator('[data-testid=doc-item]').count()) === count + 1, 'document added');
    // The imported copy opens, with the same text and spans.
    await until(async () => (await accepted(page)).join() === before.join(), `${format} ${offsets || ''} spans back`);
    assert.equal(await page.locator('[data-testid=doc-text]').textContent(), ARTICLE);
    // Delete the copy: the next export holds the original only.
    const copy = page.locator('[data-testid=doc-item]').nth(1);
    await copy.locator('[data-testid=doc-delete]').click();
    await copy.locator('[data-testid=doc-delete-confirm]').click();
    await until(async () => (await page.locator('[data-testid=doc-item]').count()) === count, 'copy deleted');
  }
  assert.deepEqual(app.errors, []);
});

test('a broken file shows the line and field, and changes nothing', async () => {
  const page = await app.open();
  await annotate(page, 'Kabul and Herat', 'Existing');
  const count = await page.locator('[data-testid=doc-item]').count();
  const bad = [
    JSON.stringify({ text: 'Lahore 🙂', label: [[0, 6, 'GPE']] }),
    JSON.stringify({ text: 'Quetta', label: [[0, 6, 'GPE'], [0, 120, 'GPE']] }),
  ].join('\n');
  await importFiles(page, { name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(bad) });
  const error = await page.locator('[data-testid=import-error]').textContent();
  assert.match(error, /broken\.jsonl/);
  assert.match(error, /line 2/);
  assert.match(error, /120/);
  assert.equal(await page.locator('[data-testid=import-confirm]').isDisabled(), true);
  assert.equal(await page.locator('[data-testid=import-preview]').count(), 0);
  await page.click('[data-testid=import-cancel]');
  await page.waitForSelector('[data-testid=import-dialog]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=doc-item]').count(), count);
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), 'Kabul and Herat');
});

test('Spanmark JSON: merge preview, then merge', async () => {
  const page = await app.open();
  await annotate(page, 'Nawaz Sharif returned to Lahore.', 'Alpha');
  await labelWords(page, 'Nawaz Sharif returned to Lahore.', [['Nawaz Sharif', '1', 'PERSON']]);
  await annotate(page, 'Taliban officials met in Kabul.', 'Beta');
  await labelWords(page, 'Taliban officials met in Kabul.', [['Kabul', '3', 'GPE']]);
  await openExport(page, { format: 'spanmark', spans: 'suggestions' });
  const file = await downloadExport(page);
  const data = JSON.parse(file.text);
  assert.equal(data.documents.length, 2);
  // Beta loses its spans; a third document is new; Alpha stays identical.
  const beta = data.documents.find((d) => d.title === 'Beta');
  beta.spans = [];
  const gamma = { ...data.documents.find((d) => d.title === 'Alpha'), id: 'gamma-doc', title: 'Gamma' };
  data.documents.push(gamma);
  await importFiles(page, { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  assert.equal(await page.locator('[data-testid=import-format]').inputValue(), 'spanmark');
  const preview = await page.locator('[data-testid=import-preview]').textContent();
  assert.match(preview, /Adds 1 new/);
  assert.match(preview, /Gamma/);
  assert.match(preview, /Updates 1 with the same id/);
  assert.match(preview, /Beta/);
  assert.match(preview, /Leaves 1 unchanged/);
  // Replace says what it would remove.
  await page.selectOption('[data-testid=import-mode]', 'replace');
  assert.match(await page.locator('[data-testid=import-preview]').textContent(), /Replaces all 2 current documents/);
  await page.selectOption('[data-testid=import-mode]', 'merge');
  await page.click('[data-testid=import-confirm]');
  await until(async () => (await page.locator('[data-testid=doc-item]').count()) === 3, 'three documents');
  const titles = await page.locator('[data-testid=doc-item] [data-testid=doc-title]').allTextContents();
  assert.deepEqual(titles.map((t) => t.trim()).sort(), ['Alpha', 'Beta', 'Gamma']);
  // Beta, replaced by the file's version, has no spans now.
  await page.locator('[data-testid=doc-item]', { hasText: 'Beta' }).locator('[data-testid=doc-open]').click();
  await until(async () => (await page.locator('[data-testid=doc-text]').textContent()) === 'Taliban officials met in Kabul.', 'Beta open');
  await until(async () => (await entities(page)).length === 0, 'Beta has no spans');
  assert.deepEqual(app.errors, []);
});

test('a doccano file dropped on the page opens the import dialog', async () => {
  const page = await app.open();
  await annotate(page, 'Kabul and Herat', 'Existing');
  const line = JSON.stringify({ text: 'Lahore 🙂 and Multan', label: [[0, 6, 'GPE'], [13, 19, 'GPE']] });
  await page.evaluate((line) => {
    const dt = new DataTransfer();
    dt.items.add(new File([line], 'dropped.jsonl', { type: 'application/jsonl' }));
    const target = document.querySelector('[data-testid=doc-text]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, line);
  await page.waitForSelector('[data-testid=import-dialog]');
  assert.equal(await page.locator('[data-testid=import-format]').inputValue(), 'doccano');
  await page.click('[data-testid=import-confirm]');
  await until(async () => (await page.locator('[data-testid=doc-text]').textContent()) === 'Lahore 🙂 and Multan', 'imported doc open');
  const got = (await entities(page)).map((e) => `${e.start}-${e.end}-${e.label}`).sort();
  assert.deepEqual(got, ['0-6-GPE', '13-19-GPE']);
});

test('CoNLL and plain text files import as new documents', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Tokens');
  await labelWords(page, ARTICLE, WANTED);
  await openExport(page, { format: 'conll' });
  const file = await downloadExport(page);
  await importFiles(page, file.path);
  assert.equal(await page.locator('[data-testid=import-format]').inputValue(), 'conll');
  await page.click('[data-testid=import-confirm]');
  await until(async () => (await page.locator('[data-testid=doc-item]').count()) === 2, 'CoNLL document added');
  // CoNLL keeps tokens, not spacing: the spans still cover the same words.
  await until(async () => (await entities(page)).length === WANTED.length, 'four spans');
  const text = await page.locator('[data-testid=doc-text]').textContent();
  const got = (await entities(page)).map((e) => ({ text: slice(text, e.start, e.end), label: e.label }));
  expectSpans(got);

  // Two .txt files: two new documents, titled by their first line.
  await importFiles(page, [
    { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from('Peshawar blast\nA blast hit Peshawar 🙏.') },
    { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from('Gwadar port\nShips in Gwadar.') },
  ]);
  assert.equal(await page.locator('[data-testid=import-format]').inputValue(), 'txt');
  assert.match(await page.locator('[data-testid=import-preview]').textContent(), /Adds 2 new documents/);
  await page.click('[data-testid=import-confirm]');
  await until(async () => (await page.locator('[data-testid=doc-item]').count()) === 4, 'two text documents added');
  assert.deepEqual(app.errors, []);
});
