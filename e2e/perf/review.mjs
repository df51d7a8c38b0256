// Team review in the page (release build): three annotators × 200 articles × ~5 KB, the set
// scripts/review-bench-data.sh makes. Per run, a fresh page (empty storage):
//  - load: ms from the picker's change event (the three files handed to "Load annotators'
//    files…") to the paint after the agreement table appears (reading, parsing, pairing,
//    agreement, drawing);
//  - next: `n` pressed on the adjudication, ms from keydown to the paint after the DOM change
//    it causes, each press waited for before the next; p50/p95 over every press of every run;
//    each press also split into the key handler (the app's listener and the effects it runs),
//    the wait for the browser's next frame (60 Hz: up to 16.7 ms after the handler) and that
//    frame's work to its paint, with the means of the slowest 5 %; "work" is handler + frame
//    (the press's own cost, without the wait for the frame clock). The adjudication scrolls its
//    panel into view when it starts, so every press repaints what the user sees.
// Run: scripts/review-bench-data.sh && trunk build --release --offline &&
//      node e2e/perf/review.mjs [--runs 3] [--presses 60] [--data target/review-bench] [--json OUT]
// Profiling (a build with names, SPANMARK_DIST=…, docs/latency.md): --profile sums a CPU profile of
// the presses by function (--under FN: the time by function inside FN; --cpuprofile FILE keeps the
// first run's profile for DevTools); --trace FILE also records
// a Chrome trace of the presses and sums the renderer's main-thread events by name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp, repoRoot } from '../lib/harness.mjs';
import { byFunction, inside, top } from './cpu-profile.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const RUNS = Number(opt('--runs', 3));
const PRESSES = Number(opt('--presses', 60));
const DATA = path.resolve(opt('--data', path.join(repoRoot, 'target', 'review-bench')));
const jsonOut = opt('--json', null);
const PROFILE = args.includes('--profile');
const UNDER = opt('--under', null);
const TRACE = opt('--trace', null);
const profiles = [];
const traceMs = new Map();
const add = (into, from) => { for (const [k, v] of from) into.set(k, (into.get(k) || 0) + v); };
const files = [1, 2, 3].map((k) => path.join(DATA, `annotator${k}.json`));
for (const f of files) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/review-bench-data.sh first`);

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

// In the page: the time of the picker's change event, the table's paint, key latencies.
const TOOLS = () => {
  const paint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  window.__loadMs = new Promise((ok) => {
    document.addEventListener('change', (e) => {
      if (e.target?.dataset?.testid !== 'review-files') return;
      const t0 = performance.now();
      const seen = () => document.querySelector('[data-testid=agreement-table]');
      const mo = new MutationObserver(async () => {
        if (!seen()) return;
        mo.disconnect();
        await paint();
        ok(performance.now() - t0);
      });
      mo.observe(document.body, { subtree: true, childList: true });
    }, true);
  });
  window.__keyLatency = [];
  // per press, where the time went: the page's key handler (with the render effects it runs),
  // the wait for the browser's next frame (its start, the rAF timestamp, after the handler),
  // and that frame's work until its paint
  window.__keyParts = [];
  let pending = null;
  let handled = null;
  window.addEventListener('keydown', (e) => { pending = e.timeStamp; handled = null; }, true);
  // added after the app's own window listener: runs once it and its effects are done
  window.addEventListener('keydown', () => { handled = performance.now(); });
  new MutationObserver(() => {
    if (pending === null) return;
    const t0 = pending; pending = null;
    requestAnimationFrame((frame) => setTimeout(() => {
      const done = performance.now();
      window.__keyLatency.push(done - t0);
      const h = (handled ?? frame) - t0;
      window.__keyParts.push({ handler: h, wait: Math.max(0, frame - t0 - h), frame: done - Math.max(frame, t0 + h) });
    }, 0));
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
};

const app = await startApp();
const load = [];
const next = [];
const parts = [];
const notes = [];
const loadavg = [os.loadavg()[0]];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await app.open();
    await page.evaluate(TOOLS);
    await page.click('[data-testid=review-tab]');
    await page.waitForSelector('[data-testid=review-load]');
    await page.setInputFiles('[data-testid=review-files]', files);
    load.push(await page.evaluate(() => window.__loadMs));
    const pairs = await page.locator('[data-testid=agreement-pair]').count();
    if (pairs !== 3) throw new Error(`${pairs} pairs in the table, expected 3`);
    await page.click('[data-testid=start-adjudication]');
    await page.waitForSelector('[data-testid=disagreement]', { timeout: 60000 });
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(1000); // the gold documents' autosave, out of the way
    const first = await page.locator('[data-testid=stretch]').textContent();
    await page.evaluate(() => { window.__keyLatency = []; window.__keyParts = []; });
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    if (TRACE) await app.browser.startTracing(page, { path: TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    for (let i = 0; i < PRESSES; i++) {
      const before = await page.evaluate(() => window.__keyLatency.length);
      await page.keyboard.press('n');
      await page.waitForFunction((n) => window.__keyLatency.length > n, before, { timeout: 5000 });
    }
    const samples = await page.evaluate(() => window.__keyLatency.slice());
    parts.push(...(await page.evaluate(() => window.__keyParts.slice())));
    if (cdp) profiles.push((await cdp.send('Profiler.stop')).profile);
    if (TRACE) add(traceMs, mainThreadMs(JSON.parse(String(await app.browser.stopTracing()))));
    const progress = await page.locator('[data-testid=adjudication-progress]').textContent();
    const chip = await page.locator('[data-testid=chip].here').textContent();
    notes.push(`run ${run + 1}: ${progress.replace(/\s*Download.*$/, '')}; first “${first.trim()}”, after ${PRESSES} × n at disagreement ${chip}`);
    next.push(...samples);
    if (app.errors.length) throw new Error(`page errors: ${app.errors.join('; ')}`);
    await page.context().close();
  }
} finally {
  await app.close();
}
loadavg.push(os.loadavg()[0]);
// Complete events of the renderer's main thread summed by name (nested ones counted in both).
function mainThreadMs(trace) {
  const events = trace.traceEvents || trace;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const out = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    out.set(e.name, (out.get(e.name) || 0) + (e.dur || 0) / 1000);
  }
  return out;
}

const result = {
  date: new Date().toISOString(),
  loadavg,
  load_ms: load.map((x) => Math.round(x)),
  load_median_ms: Math.round(pct(load, 50)),
  next_presses: next.length,
  next_p50_ms: Number(pct(next, 50).toFixed(1)),
  next_p95_ms: Number(pct(next, 95).toFixed(1)),
  next_max_ms: Number(Math.max(...next).toFixed(1)),
  notes,
};
console.log(`team review in the page (${RUNS} fresh pages, load average ${loadavg.map((l) => l.toFixed(1)).join(' → ')})`);
console.log(`  agreement table painted after the files are picked: median ${result.load_median_ms} ms (${result.load_ms.join(', ')}); budget 1000 ms`);
console.log(`  next disagreement (n): p50 ${result.next_p50_ms} ms, p95 ${result.next_p95_ms} ms, max ${result.next_max_ms} ms over ${next.length} presses; budget p95 16 ms`);
const part = (k) => parts.map((x) => (k === 'work' ? x.handler + x.frame : x[k]));
result.parts = Object.fromEntries(['handler', 'wait', 'frame', 'work'].map((k) => [k, { p50: Number(pct(part(k), 50).toFixed(1)), p95: Number(pct(part(k), 95).toFixed(1)) }]));
const slow = parts.filter((_, i) => next[i] >= pct(next, 95));
const mean = (xs, k) => (xs.reduce((s, x) => s + x[k], 0) / Math.max(1, xs.length)).toFixed(1);
const pp = (k) => `${result.parts[k].p50} / ${result.parts[k].p95} ms`;
console.log(`  per press, p50 / p95: key handler ${pp('handler')}; wait for the next frame ${pp('wait')}; that frame's work ${pp('frame')}; the work (handler + frame, no wait) ${pp('work')}`);
console.log(`  the slowest 5 % (${slow.length} presses), mean: handler ${mean(slow, 'handler')}, wait ${mean(slow, 'wait')}, frame ${mean(slow, 'frame')} ms`);
for (const n of notes) console.log(`  ${n}`);
if (profiles.length) {
  if (opt('--cpuprofile', null)) fs.writeFileSync(opt('--cpuprofile', null), JSON.stringify(profiles[0]));
  const self = new Map();
  const total = new Map();
  const under = new Map();
  for (const p of profiles) {
    const f = byFunction(p);
    add(self, f.self);
    add(total, f.total);
    if (UNDER) add(under, inside(p, UNDER));
  }
  const per = ` (ms over ${next.length} presses)`;
  console.log(`--- CPU profile, self${per}`); for (const l of top(self, 30)) console.log(l);
  console.log(`--- CPU profile, inclusive${per}`); for (const l of top(total, 60)) console.log(l);
  if (UNDER) { console.log(`--- inside ${UNDER}${per}`); for (const l of top(under, 50)) console.log(l); }
}
if (traceMs.size) {
  console.log(`--- trace, renderer main thread (ms over ${next.length} presses)`);
  for (const l of top(traceMs, 30, /^$/)) console.log(l);
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2));
