// "What to annotate next": the document list sorts by "most to learn" (the model's uncertainty
// per open document, highest first, done ones last), and the panel draws its accuracy curve.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate } from '../lib/harness.mjs';
import { until } from './annotate-page.mjs';

const LEARNT = [
  `LAHORE — Imran Khan met Shehbaz Sharif in Lahore on Monday, officials said.

Police in Karachi said the roads to Lahore were open again.`,
  `KARACHI — Shehbaz Sharif visited Karachi on Tuesday and met Imran Khan there.

Officials in Lahore said the meeting went well.`,
];
const FAMILIAR = `LAHORE — Imran Khan and Shehbaz Sharif met again in Lahore on Friday, officials said.`;
const STRANGE = `Vostrikova Quandel told Zentrix Omnivale shareholders in Brisko that Tallund Kvasir Biopharm would merge with Orvane Heliodyne.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const panel = (page) => page.locator('[data-testid=learning-panel]');
const titles = (page) => page.$$eval('[data-testid=doc-item] [data-testid=doc-title]', (els) => els.map((e) => e.textContent));
const items = (page) =>
  page.$$eval('[data-testid=doc-item]', (els) =>
    els.map((e) => ({
      title: e.querySelector('[data-testid=doc-title]').textContent,
      done: e.classList.contains('done'),
      u: e.dataset.uncertainty,
    })),
  );

test('most to learn puts the open document the model is least sure of first', async () => {
  const page = await app.open();
  for (const [i, text] of LEARNT.entries()) {
    await annotate(page, text, `Learnt ${i + 1}`);
    await page.click('[data-testid=accept-all]');
    await page.click(`[data-testid=doc-item]:has-text("Learnt ${i + 1}") [data-testid=doc-done]`);
    await until(async () => Number(await panel(page).getAttribute('data-trained')) === i + 1, `trained on ${i + 1}`, 15000);
  }
  // the held-back accuracy after each done document, drawn as a curve
  const curve = page.locator('[data-testid=accuracy-curve]');
  await until(async () => (await curve.getAttribute('data-points').catch(() => null)) === '2', 'a curve of two points');
  const points = await curve.locator('polyline').getAttribute('points');
  assert.equal(points.trim().split(/\s+/).length, 2, points);

  await annotate(page, FAMILIAR, 'Familiar');
  await annotate(page, STRANGE, 'Strange');
  assert.deepEqual(await titles(page), ['Learnt 1', 'Learnt 2', 'Familiar', 'Strange'], 'as added');

  await page.selectOption('[data-testid=doc-sort]', 'learn');
  const sorted = await until(async () => {
    const got = await items(page);
    const open = got.filter((d) => !d.done);
    // every open document scored, and the list drawn in that order (a score that lands after
    // the last redraw is applied on the next one)
    const drawn = open.every((d, i) => d.u !== '' && (i === 0 || Number(open[i - 1].u) >= Number(d.u)));
    return drawn && got;
  }, 'every open document scored and the list in that order');
  assert.deepEqual(sorted.map((d) => d.title), ['Strange', 'Familiar', 'Learnt 1', 'Learnt 2']);
  const open = sorted.filter((d) => !d.done).map((d) => Number(d.u));
  assert.ok(open[0] > open[1], `uncertainty falls down the list: ${open}`);
  assert.ok(sorted.slice(2).every((d) => d.done && d.u === ''), 'done documents last, unscored');

  // back to the order they were added
  await page.selectOption('[data-testid=doc-sort]', 'list');
  assert.deepEqual(await titles(page), ['Learnt 1', 'Learnt 2', 'Familiar', 'Strange']);
  assert.deepEqual(app.errors, []);
});
