// What the browser downloads before the first paint, measured in the page: every resource
// whose response ended before first-contentful-paint (plus the document), sized as gzip of
// the dist/ file; when the page became usable (the app mounted) and had its word lists; and
// the longest task while loading (starting the wasm, parsing the word lists).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gzipOf = (distDir, file) => {
  const p = path.join(distDir, file);
  return fs.existsSync(p) ? zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length : 0;
};

/** Open the page in a fresh context and time its loading; returns ms and bytes. */
export async function loadTimes(app, distDir) {
  const ctx = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__loadTasks = [];
    new PerformanceObserver((l) => window.__loadTasks.push(...l.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=app]', { timeout: 15000 });
  await page.waitForSelector('html[data-lists=all]', { state: 'attached', timeout: 15000 });
  const t = await page.evaluate(() => {
    const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
    const resources = performance.getEntriesByType('resource').map((r) => ({
      file: decodeURIComponent(new URL(r.name).pathname.split('/').pop()),
      start: r.startTime,
      end: r.responseEnd,
    }));
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      fcp: fcp ? fcp.startTime : NaN,
      resources,
      usable: mark('spanmark-usable'),
      lists: mark('spanmark-lists'),
      longest: Math.max(0, ...window.__loadTasks),
    };
  });
  await ctx.close();
  const before = t.resources.filter((r) => r.end <= t.fcp).map((r) => r.file);
  const after = t.resources.filter((r) => r.end > t.fcp).map((r) => r.file);
  const sum = (files) => files.reduce((n, f) => n + gzipOf(distDir, f), 0);
  return {
    fcpMs: t.fcp,
    usableMs: t.usable,
    listsMs: t.lists,
    longestTaskMs: t.longest,
    beforePaint: ['index.html', ...before],
    beforePaintGzip: gzipOf(distDir, 'index.html') + sum(before),
    afterPaint: after,
    afterPaintGzip: sum(after),
  };
}
