// What the autosave writes for the 1 MB article with its suggested events: every stored key's
// size, the document record's parts (text, packed spans, events, relations), and what
// JSON.parse / JSON.stringify / setItem of that record cost in the page (median of 5).
// Run: node e2e/perf/record-parts.mjs [--dump record.json]   (SPANMARK_DIST=… for another build)
import fs from 'node:fs';
import { startApp } from '../lib/harness.mjs';
import { article } from './article.mjs';

const args = process.argv.slice(2);
const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : null;

const app = await startApp();
try {
  const page = await app.open();
  await page.waitForLoadState('networkidle');
  await page.$eval('[data-testid=new-doc-input]', (el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, article(1_000_000));
  await page.click('[data-testid=new-doc-submit]');
  await page.waitForSelector('[data-testid=doc-text]');
  await page.waitForSelector('[data-testid=save-status][data-state=saved]', { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(1500);
  const out = await page.evaluate(() => {
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const time = (f) => median([0, 1, 2, 3, 4].map(() => { const t0 = performance.now(); f(); return performance.now() - t0; }));
    const keys = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      keys[k] = localStorage.getItem(k).length;
    }
    const docKey = Object.keys(keys).find((k) => k.startsWith('spanmark/1/doc/'));
    const raw = localStorage.getItem(docKey);
    const rec = JSON.parse(raw);
    const parts = {};
    for (const [k, v] of Object.entries(rec)) parts[k] = JSON.stringify(v).length;
    let textRaw = null;
    if (rec.xk) {
      const tk = Object.keys(keys).find((k) => k.startsWith('spanmark/1/text/'));
      textRaw = localStorage.getItem(tk);
    }
    const events = (rec.ev || []).length;
    const args = (rec.ev || []).reduce((n, e) => n + e[4].length, 0);
    const ms = {
      parse: time(() => JSON.parse(raw)),
      stringify: time(() => JSON.stringify(rec)),
      getItem: time(() => localStorage.getItem(docKey)),
      setItem: time(() => localStorage.setItem(docKey, raw)),
    };
    return { keys, docKey, recordChars: raw.length, parts, events, args, ms, raw, textRaw };
  });
  if (dump) fs.writeFileSync(dump, out.raw);
  if (dump && out.textRaw) fs.writeFileSync(`${dump}.text`, out.textRaw);
  delete out.raw; delete out.textRaw;
  console.log(JSON.stringify(out, null, 1));
} finally {
  await app.close();
}
