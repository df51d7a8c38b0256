// Profiling aid, not a benchmark (perf.mjs is): one kind of edit on the 1 MB article, with
// per-press latency and input queue delay, and a CPU profile summed by function.
// node e2e/perf/probe-latency.mjs <accept|relabel|add|undo> [n]
// node e2e/perf/probe-latency.mjs paint [bytes]: the Annotate click on an article of that size
// (1 MB by default) to its highlights, profiled instead of the edits.
// Environment: SPANMARK_DIST a build (wasm kept with names for readable profiles, see
// docs/latency.md); NOPROFILE=1 no CPU profile; TRACE=file.json also a Chrome trace;
// SETTLE=1 wait for each press's sample; PAINTED=1 let the add's scroll paint before the
// double-click; FLOOR=1 press a key that only flips an attribute (the harness's own floor);
// UNDER=fn time by function inside fn; CALLERS=fn who calls fn.
import { startApp } from '../lib/harness.mjs';
import { plainWordPoint } from './plain-word.mjs';
import { article } from './article.mjs';

const kind = process.argv[2] || 'add';
const paint = kind === 'paint';
const N = paint ? 0 : Number(process.argv[3] || 10);
const BYTES = paint ? Number(process.argv[3] || 1_000_000) : 1_000_000;
const app = await startApp();
try {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await app.open(ctx);
  await page.evaluate(() => {
    window.__keyLatency = [];
    let pending = null;
    window.__queue = [];
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    window.addEventListener('keydown', (e) => { pending = e.timeStamp; window.__queue.push([e.timeStamp, performance.now() - e.timeStamp]); }, true);
    new MutationObserver(() => {
      if (pending === null) return;
      const t0 = pending; pending = null;
      requestAnimationFrame(() => setTimeout(() => window.__keyLatency.push(performance.now() - t0), 0));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.$eval('[data-testid=new-doc-input]', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, article(BYTES));
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const tracing = process.env.TRACE;
  const profiling = !process.env.NOPROFILE;
  const startProbes = async () => {
    if (tracing) await app.browser.startTracing(page, { path: tracing, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    if (profiling) await cdp.send('Profiler.start');
  };
  if (paint) await startProbes();
  const t0 = Date.now();
  await page.click('[data-testid=new-doc-submit]');
  await page.waitForSelector('[data-testid=entity]');
  if (paint) console.log('paint: entities shown after', Date.now() - t0, 'ms (wall clock, profiler on)');
  await page.waitForTimeout(3000);
  const ents = page.locator('[data-testid=entity]');
  const n = await ents.count();
  const pick = (i) => ents.nth(Math.floor((i * 7919) % n));
  if (!paint) await startProbes();
  await page.evaluate(() => { window.__keyLatency = []; });
  for (let i = 0; i < N; i++) {
    if (kind === 'accept') { await pick(i).scrollIntoViewIfNeeded(); await pick(i).click(); await page.keyboard.press('Enter'); }
    if (kind === 'relabel') { await pick(i + 50).scrollIntoViewIfNeeded(); await pick(i + 50).click(); await page.keyboard.press(String(1 + (i % 8))); }
    if (kind === 'undo') { await page.keyboard.press('Control+z'); }
    if (kind === 'add') {
      const word = await plainWordPoint(page, i);
      if (process.env.PAINTED) await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
      await page.mouse.dblclick(word.x, word.y);
      if (process.env.FLOOR) await page.evaluate(() => { if (!window.__floor) { window.__floor = 1; window.addEventListener('keydown', (e) => { if (e.key === 'q') { const el = document.querySelector('[data-testid=span-bar]'); el.dataset.floor = String(Number(el.dataset.floor || 0) + 1); } }); } });
      await page.keyboard.press(process.env.FLOOR ? 'q' : '1');
      if (process.env.SETTLE) await page.waitForFunction((k) => window.__keyLatency.length > k, i, { timeout: 2000 }).catch(() => {});
    }
  }
  await page.waitForTimeout(500);
  const { profile } = profiling ? await cdp.send('Profiler.stop') : { profile: { nodes: [], samples: [], timeDeltas: [] } };
  if (tracing) await app.browser.stopTracing();
  const lat = await page.evaluate(() => window.__keyLatency);
  console.log(kind, 'latencies', lat.map((x) => x.toFixed(0)).join(' '));
  const q = await page.evaluate(() => ({ q: window.__queue, t: window.__tasks }));
  console.log('queue delays', q.q.map(([, d]) => d.toFixed(0)).join(' '));
  for (const [t0, d] of q.q) if (d > 30) console.log('  slow key at', t0.toFixed(0), 'tasks before:', q.t.filter(([s, dur]) => s < t0 + d && s + dur > t0 - 300).map(([s, dur]) => `${(s - t0).toFixed(0)}+${dur.toFixed(0)}`).join(' '));
  // self time per function, and total (inclusive) time per function
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map();
  for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
  const self = new Map(), total = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const nd = byId.get(id);
    const name = (x) => `${x.callFrame.functionName || '(anon)'} ${x.callFrame.url.split('/').pop()}`;
    self.set(name(nd), (self.get(name(nd)) || 0) + d);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = name(byId.get(cur));
      if (seen.has(nm)) continue; seen.add(nm);
      total.set(nm, (total.get(nm) || 0) + d);
    }
  });
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log('--- self ms'); for (const [f, t] of top(self, 35)) console.log(t.toFixed(1).padStart(8), f.slice(0, 150));
  console.log('--- total ms'); for (const [f, t] of top(total, 60)) console.log(t.toFixed(1).padStart(8), f.slice(0, 150));
  if (process.env.UNDER) {
    // time by function inside the named one (inclusive, each function once per sample)
    const want = process.env.UNDER;
    const inside = new Map();
    profile.samples.forEach((id, i) => {
      const d = (dt[i + 1] ?? 0) / 1000;
      const chain = [];
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(byId.get(cur).callFrame.functionName.replace(/::h[0-9a-f]{16}/, ''));
      const at = chain.findIndex((f) => f.includes(want));
      if (at < 0) return;
      for (const f of new Set(chain.slice(0, at))) inside.set(f, (inside.get(f) || 0) + d);
      inside.set('(self)', (inside.get('(self)') || 0) + (at === 0 ? d : 0));
    });
    for (const [k, v] of [...inside.entries()].filter(([k]) => !/reactive_graph::graph|call_once|vtable|wasm_bindgen::convert/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(7), k.slice(0, 150));
  }
  if (process.env.CALLERS) {
    // who calls the named function: callers up to 4 frames up, by time
    const want = process.env.CALLERS;
    const chains = new Map();
    profile.samples.forEach((id, i) => {
      const d = (dt[i + 1] ?? 0) / 1000;
      let cur = id;
      while (cur !== undefined && !byId.get(cur).callFrame.functionName.includes(want)) cur = parent.get(cur);
      if (cur === undefined) return;
      const chain = [];
      for (let p = parent.get(cur); p !== undefined && chain.length < 6; p = parent.get(p)) {
        const f = byId.get(p).callFrame.functionName;
        if (/reactive_graph::graph|call_once|vtable|wasm_bindgen|^$/.test(f)) continue;
        chain.push(f.replace(/::h[0-9a-f]{16}/, '').slice(0, 90));
      }
      const k = chain.join(' <- ');
      chains.set(k, (chains.get(k) || 0) + d);
    });
    for (const [k, v] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(v.toFixed(1).padStart(7), k);
  }
  await ctx.close();
} finally {
  await app.close();
}
