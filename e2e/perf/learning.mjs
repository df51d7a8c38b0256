// Issue 16's page budget, measured: N done articles of about 5 KB (world-news articles joined,
// with their gold spans) imported at once; time until all are learnt and the tagger trained.
// node e2e/perf/learning.mjs [--runs 3] [--docs 30]   (after trunk build --release --offline)
// Prints per run: learnt ms, trained ms, the slowest learning/training slice (the panel's own
// data-slowest-slice), the longest task of the page and the model file's size; then medians.
import fs from 'node:fs';
import { startApp, downloadText } from '../lib/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const RUNS = opt('--runs', 3);
const DOCS = opt('--docs', 30);
const KB = 5;

/** DOCS documents of about KB each, made of consecutive world-news articles and their spans. */
function doneDocuments() {
  const articles = [];
  for (const set of ['dev', 'blind']) {
    const dir = new URL(`../../tests/fixtures/world/${set}/`, import.meta.url);
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      articles.push(JSON.parse(fs.readFileSync(new URL(f, dir), 'utf8')));
    }
  }
  const documents = [];
  let next = 0;
  while (documents.length < DOCS) {
    let text = '';
    const spans = [];
    while (text.length < KB * 1024) {
      const a = articles[next++ % articles.length];
      const shift = Array.from(text).length;
      for (const s of a.spans) spans.push({ start: s.start + shift, end: s.end + shift, label: s.label, origin: 'manual', state: 'accepted' });
      text += `${a.text}\n\n`;
    }
    documents.push({ id: `learn${documents.length}`, title: `Learn ${documents.length}`, text, status: 'done', spans });
  }
  return { format: 'spanmark/1', offsets: 'codepoint', documents };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const file = doneDocuments();
const kb = file.documents.reduce((n, d) => n + d.text.length, 0) / 1024 / file.documents.length;
const app = await startApp();
const rows = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await app.open(ctx);
    const panel = page.locator('[data-testid=learning-panel]');
    const stat = async (name) => Number(await panel.getAttribute(`data-${name}`));
    await page.evaluate(() => {
      window.longest = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.longest = Math.max(window.longest, e.duration)))).observe({ entryTypes: ['longtask'] });
    });
    await page.setInputFiles('[data-testid=import-file]', { name: 'done.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForSelector('[data-testid=import-dialog]');
    // the import itself (reading, checking, saving 30 documents) is not learning: start the
    // clock at the confirm click, as a user would see it
    await page.click('[data-testid=import-confirm]');
    const started = Date.now();
    let learnt = null;
    for (;;) {
      if (learnt === null && (await stat('documents')) === DOCS) learnt = Date.now() - started;
      if ((await stat('trained')) === DOCS) break;
      if (Date.now() - started > 120000) throw new Error('not trained after 120 s');
      await page.waitForTimeout(10);
    }
    const trained = Date.now() - started;
    const slice = await stat('slowest-slice');
    const longest = await page.evaluate(() => window.longest);
    await page.waitForFunction(() => document.querySelector('[data-testid=learning-panel]')?.dataset.saved === 'true', null, { timeout: 10000 });
    const { text } = await downloadText(page, '[data-testid=model-export]');
    const row = { learnt, trained, slice, longest, modelKB: Math.round(text.length / 1024) };
    rows.push(row);
    console.log(`run ${run + 1}: ${DOCS} × ${kb.toFixed(1)} KB learnt in ${learnt} ms, trained after ${trained} ms; slowest slice ${slice} ms; longest task ${longest} ms; model ${row.modelKB} KB`);
    await ctx.close();
  }
  const m = (k) => median(rows.map((r) => r[k]));
  console.log(`median of ${RUNS}: learnt ${m('learnt')} ms, trained ${m('trained')} ms, slowest slice ${m('slice')} ms (max ${Math.max(...rows.map((r) => r.slice))}), longest task ${m('longest')} ms, model ${m('modelKB')} KB`);
} finally {
  await app.close();
}
