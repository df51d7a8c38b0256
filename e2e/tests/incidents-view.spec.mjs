// The all-documents Incidents view: two articles with events, the Incidents tab lists both,
// sorts by a header (and back), filters by type and by text, and a row opened by keyboard
// shows its article with that event selected and its trigger scrolled into view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate } from '../lib/harness.mjs';
import { cp, until } from './annotate-page.mjs';

// A long preamble puts the attack far below the first screen.
const FILLER = 'Officials met on the provincial budget and said more talks would follow.\n\n'.repeat(40);
const BANNU = `Attack in Bannu\n\n${FILLER}Gunmen attacked a police checkpoint in Bannu on Tuesday, killing three officers, officials said.`;
const KABUL = `Kabul blast\n\nA suicide bombing in Kabul on Monday killed 12 people, the interior ministry said.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The view's rows as plain objects, in the order shown. */
async function shown(page) {
  return page.$$eval('[data-testid=incident-row]', (els) =>
    els.map((r) => ({
      type: r.dataset.type,
      start: Number(r.dataset.triggerStart),
      killed: r.querySelector('[data-column=killed]').textContent,
      place: r.querySelector('[data-column=place]').textContent,
    })),
  );
}

test('every event of every document: sorted, filtered, and a row opens its event in place', async () => {
  const page = await app.open();
  await annotate(page, BANNU, 'Bannu');
  await until(() => page.$('[data-testid=event-row][data-type=ATTACK]'), 'the Bannu attack suggested');
  await annotate(page, KABUL, 'Kabul');
  await until(() => page.$('[data-testid=event-row][data-type=BOMBING]'), 'the Kabul bombing suggested');

  await page.click('[data-testid=incidents-tab]');
  await page.waitForSelector('[data-testid=all-incidents]');
  const all = await until(async () => ((await shown(page)).length === 2 ? shown(page) : null), 'two rows');
  assert.deepEqual(all.map((r) => `${r.type} ${r.place} ${r.killed}`).sort(), ['ATTACK Bannu three', 'BOMBING Kabul 12']);

  // killed sorts as numbers: "three" (3) before "12", then the other way
  await page.click('[data-testid=incidents-sort][data-column=killed]');
  await until(async () => (await shown(page))[0].killed === 'three', 'ascending by killed');
  assert.equal(await page.getAttribute('th:has([data-column=killed])', 'aria-sort'), 'ascending');
  await page.click('[data-testid=incidents-sort][data-column=killed]');
  await until(async () => (await shown(page))[0].killed === '12', 'descending by killed');

  // filters: by type, then by text in any column
  await page.selectOption('[data-testid=incidents-type]', 'BOMBING');
  await until(async () => (await shown(page)).length === 1, 'BOMBING only');
  assert.equal((await shown(page))[0].place, 'Kabul');
  await page.selectOption('[data-testid=incidents-type]', '');
  await page.fill('[data-testid=incidents-filter]', 'bannu');
  await until(async () => (await shown(page)).length === 1, 'filtered to Bannu');
  const row = (await shown(page))[0];
  assert.deepEqual([row.type, row.start], ['ATTACK', cp(BANNU, 'attacked')[0]]);

  // by keyboard: focus the row's trigger button and press Enter
  await page.focus('[data-testid=incident-row] [data-testid=incident-open]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=doc-text]');
  const mark = page.locator(`[data-testid=trigger][data-trigger-start="${cp(BANNU, 'attacked')[0]}"]`);
  await until(async () => /event-selected/.test((await mark.getAttribute('class')) || ''), 'the trigger selected');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), BANNU, 'the Bannu article is open');
  const selected = await until(() => page.$('[data-testid=event-row].selected'), 'the panel row selected');
  assert.equal(await selected.getAttribute('data-trigger'), 'attacked');
  await until(async () => {
    const box = await mark.boundingBox();
    return box && box.y >= 0 && box.y + box.height <= 900;
  }, 'the trigger scrolled into view');
  assert.deepEqual(app.errors, []);
});
