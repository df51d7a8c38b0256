// Browser performance of the release build, in headless Debian Chromium:
// time to highlights, edit latency on a 1 MB article, JS heap, long tasks, bundle sizes,
// and detection throughput beside the npm library compromise in the same page.
// Run: node e2e/perf/perf.mjs [--runs 5] [--json out.json]   (after trunk build --release --offline)
//      --only latency: just the edit latency on the 1 MB article (the runs that measure it);
//      --only paint: just the 100 KB article's time to highlights (pairs of builds, quickly);
//      --edit-runs N: measure edits in the first N runs (default 2);
//      --no-settle: do not wait for a key press's sample before the next action, nor for the
//      add's scroll to be painted before its double-click (the harness before 2026-11-23).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { startApp, distDir } from '../lib/harness.mjs';
import { plainWordPoint } from './plain-word.mjs';
import { article } from './article.mjs';
import { loadTimes } from './first-paint.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
// --no-settle: the old harness: the next action starts as soon as a key press returns, and
// the add double-clicks before the scroll to its word was painted.
const SETTLE = !args.includes('--no-settle');
const EDIT_RUNS = args.includes('--edit-runs') ? Number(args[args.indexOf('--edit-runs') + 1]) : 2;
if (ONLY && !['latency', 'paint'].includes(ONLY)) throw new Error(`--only ${ONLY}: only "latency" and "paint" are known`);


const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

function bundle() {
  const rows = [];
  for (const f of fs.readdirSync(distDir)) {
    const buf = fs.readFileSync(path.join(distDir, f));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    rows.push({ file: f, kind: path.extname(f).slice(1), raw: buf.length, gzip: gz });
  }
  return { rows };
}

// In-page helpers: time from a trigger to the last DOM change in the article painted,
// and the longest task after a point in time.
const PAGE_TOOLS = () => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e); })
    .observe({ type: 'longtask', buffered: true });
  const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  // Resolves with ms from t0 to the paint after the last mutation, once the DOM was quiet for `quiet` ms.
  window.__settle = (t0, quiet = 400) => new Promise((ok) => {
    let last = performance.now();
    // Only changes inside the article count (the save indicator changes later, on its own).
    const mo = new MutationObserver((records) => {
      const inArticle = records.some((r) => {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        return el && (el.closest('[data-testid=doc-text]') || (el.querySelector && el.querySelector('[data-testid=doc-text]')));
      });
      if (inArticle) last = performance.now();
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const tick = async () => {
      if (performance.now() - last > quiet) { mo.disconnect(); await painted(); ok(last - t0); }
      else setTimeout(tick, 50);
    };
    setTimeout(tick, 50);
  });
  // Latency of one key press: from keydown to the paint after the first DOM change it causes.
  window.__keyLatency = [];
  let pending = null;
  window.addEventListener('keydown', (e) => { pending = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (pending === null) return;
    const t0 = pending; pending = null;
    requestAnimationFrame(() => setTimeout(() => window.__keyLatency.push(performance.now() - t0), 0));
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
};

async function annotateTimed(app, text) {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await app.open(ctx);
  await page.evaluate(PAGE_TOOLS);
  // Let the larger gazetteer arrive first, so its re-detection is not timed as ours.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  // Set the value directly: typing 1 MB through fill() measures Chromium's textarea, not us.
  await page.$eval('[data-testid=new-doc-input]', (el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('[data-testid=new-doc-submit]').click();
    window.__annotatedAt = t0;
    return window.__settle(t0);
  });
  const entities = await page.locator('[data-testid=entity]').count();
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks
    .filter((t) => t.startTime > window.__annotatedAt).map((t) => t.duration)));
  return { page, ctx, ms, entities, longest };
}

async function editLatency(page) {
  const lat = {};
  const ents = page.locator('[data-testid=entity]');
  const n = await ents.count();
  const pick = (i) => ents.nth(Math.floor((i * 7919) % n));
  async function measure(name, times, act) {
    await page.evaluate(() => { window.__keyLatency = []; });
    for (let i = 0; i < times; i++) {
      const before = await page.evaluate(() => window.__keyLatency.length);
      await act(i);
      // Wait for this press's sample before the next action: otherwise the harness's own work
      // for the next action (finding a word in the whole article, scrolling) can run between
      // the page's DOM change and its paint, and would be counted as the page's latency.
      if (SETTLE) await page.waitForFunction((n) => window.__keyLatency.length > n, before, { timeout: 1000 }).catch(() => {});
    }
    await page.waitForTimeout(100);
    lat[name] = await page.evaluate(() => window.__keyLatency.slice());
  }
  await measure('accept', 20, async (i) => { await pick(i).scrollIntoViewIfNeeded(); await pick(i).click(); await page.keyboard.press('Enter'); });
  await measure('relabel', 20, async (i) => { await pick(i + 50).scrollIntoViewIfNeeded(); await pick(i + 50).click(); await page.keyboard.press(String(1 + (i % 8))); });
  await measure('undo', 20, async () => { await page.keyboard.press('Control+z'); });
  await measure('add', 20, async (i) => {
    // select one word of plain text with the real mouse (double click), then press a label key
    const word = await plainWordPoint(page, i);
    // A person double-clicks a word they can see: let the scroll above be painted first
    // (the locator clicks of accept/relabel wait for a stable element the same way).
    if (SETTLE) await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
    await page.mouse.dblclick(word.x, word.y);
    await page.keyboard.press('1');
  });
  return lat;
}

async function throughput(page, text) {
  // evaluated through the DevTools protocol: the page's policy refuses an added inline script
  const compromise = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'compromise', 'builds', 'compromise.js');
  await page.evaluate(fs.readFileSync(compromise, 'utf8'));
  return page.evaluate((t) => {
    const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
    const c = time(() => { const d = window.nlp(t); d.people().out('array'); d.places().out('array'); d.organizations().out('array'); });
    // only in a build with the probe feature: trunk build --release --offline --features probe
    const fn = window.spanmarkDetectCount;
    const s = fn ? time(() => fn(t)) : NaN;
    return { chars: t.length, compromiseMs: c, spanmarkMs: s };
  }, text);
}

const results = { runs: RUNS, bundle: bundle(), loads: [], sizes: {}, edits: {}, heapMB: [], throughput: [] };
const app = await startApp();
try {
  if (!ONLY) for (let run = 0; run < RUNS; run++) results.loads.push(await loadTimes(app, distDir));
  const sizes = { latency: [['1MB', 1_000_000]], paint: [['100KB', 100_000]] }[ONLY] || [['100KB', 100_000], ['1MB', 1_000_000]];
  for (const [name, bytes] of sizes) {
    const text = article(bytes);
    const r = { ms: [], longest: [], entities: 0 };
    const runs = ONLY === 'latency' ? Math.min(RUNS, EDIT_RUNS) : RUNS;
    for (let run = 0; run < runs; run++) {
      const { page, ctx, ms, entities, longest } = await annotateTimed(app, text);
      r.ms.push(ms); r.longest.push(longest); r.entities = entities;
      if (name === '1MB') {
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        results.heapMB.push((await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6);
        if (run < EDIT_RUNS) {
          const lat = await editLatency(page);
          for (const [k, v] of Object.entries(lat)) (results.edits[k] ||= []).push(...v);
        }
        if (ONLY !== 'latency') results.throughput.push(await throughput(page, article(200_000)));
      }
      await ctx.close();
    }
    results.sizes[name] = r;
  }
} finally {
  await app.close();
}

if (!ONLY) {
  const loads = results.loads;
  const earlyRuns = (file) => loads.filter((l) => l.beforePaint.includes(file)).length;
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`\nloading (${loads.length} runs): downloaded before first paint median ${kb(median(loads.map((l) => l.beforePaintGzip)))} KB gzip (range ${range(loads.map((l) => l.beforePaintGzip / 1024))} KB), after it ${kb(median(loads.map((l) => l.afterPaintGzip)))} KB gzip`);
  console.log(`  first contentful paint median ${median(loads.map((l) => l.fcpMs)).toFixed(0)} ms (range ${range(loads.map((l) => l.fcpMs))}), usable (app mounted) ${median(loads.map((l) => l.usableMs)).toFixed(0)} ms (range ${range(loads.map((l) => l.usableMs))}), all word lists in ${median(loads.map((l) => l.listsMs)).toFixed(0)} ms (range ${range(loads.map((l) => l.listsMs))}), longest task while loading ${median(loads.map((l) => l.longestTaskMs)).toFixed(0)} ms (range ${range(loads.map((l) => l.longestTaskMs))})`);
  console.log('bundle');
  for (const b of results.bundle.rows) console.log(`  ${b.file.padEnd(48)} ${kb(b.raw).padStart(8)} KB raw ${kb(b.gzip).padStart(8)} KB gzip  ${earlyRuns(b.file) ? `done before first paint in ${earlyRuns(b.file)} of ${loads.length} runs` : 'after first paint'}`);
}
for (const [name, r] of Object.entries(results.sizes)) {
  console.log(`${name}: highlights painted in median ${median(r.ms).toFixed(0)} ms (range ${range(r.ms)}), ${r.entities} entities, longest task starting after the article's first paint: median ${median(r.longest).toFixed(0)} ms (range ${range(r.longest)})`);
}
for (const [k, v] of Object.entries(results.edits)) {
  if (v.length) console.log(`edit ${k} on 1MB: p50 ${pct(v, 50).toFixed(1)} ms, p95 ${pct(v, 95).toFixed(1)} ms (n=${v.length})`);
}
if (results.heapMB.length) console.log(`JS heap after loading 1MB: median ${median(results.heapMB).toFixed(1)} MB (range ${range(results.heapMB)})`);
const tp = results.throughput;
if (tp.length) {
  const c = tp.map((x) => x.chars / x.compromiseMs / 1000), s = tp.map((x) => x.chars / x.spanmarkMs / 1000);
  console.log(`detection throughput (200 KB text): Spanmark median ${median(s).toFixed(2)} M chars/s, compromise median ${median(c).toFixed(3)} M chars/s, ratio ${(median(s) / median(c)).toFixed(0)}×`);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
