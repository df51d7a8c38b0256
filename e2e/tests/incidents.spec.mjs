// Incidents in the real page, by keyboard: paste an article with an attack, see the suggested
// event (panel row and trigger mark), accept it by key, undo, reload; fill a role by keys;
// delete its span (the notice says what goes); relate two spans; download the incidents CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, annotate, downloadText } from '../lib/harness.mjs';
import { cp, drag, clickSpan, until } from './annotate-page.mjs';

const ARTICLE = `Attack in Bannu

Gunmen attacked a police checkpoint in Bannu on Tuesday, killing three officers, officials said. Hafiz Saeed leads Jamaat-ud-Dawa.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The events panel's rows as plain objects. */
async function events(page) {
  return page.$$eval('[data-testid=event-row]', (els) =>
    els.map((e) => ({
      type: e.dataset.type,
      trigger: e.dataset.trigger,
      state: e.dataset.state,
      selected: e.classList.contains('selected'),
      roles: Object.fromEntries(
        Array.from(e.querySelectorAll('[data-testid=event-role]')).map((r) => [
          r.dataset.role,
          Array.from(r.querySelectorAll('[data-testid=event-arg-text]')).map((a) => a.firstChild.textContent),
        ]),
      ),
    })),
  );
}

async function attack(page) {
  return (await events(page)).find((e) => e.trigger === 'attacked');
}

test('a suggested attack: accepted by key, undone, accepted again, kept over a reload', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Bannu');
  const suggested = await until(() => attack(page), 'the suggested ATTACK row');
  assert.deepEqual([suggested.type, suggested.state], ['ATTACK', 'suggested']);
  // The trigger is marked in the article, and the article's text is still the document's.
  const mark = page.locator('[data-testid=trigger][data-event=ATTACK]');
  assert.equal(await mark.textContent(), 'attacked');
  assert.equal(await mark.getAttribute('data-trigger-start'), String(cp(ARTICLE, 'attacked')[0]));
  assert.equal(await mark.getAttribute('data-state'), 'suggested');
  assert.equal(await page.locator('[data-testid=doc-text]').textContent(), ARTICLE);
  // The lists were in before the article: the rules filled the place from "in Bannu".
  assert.deepEqual(suggested.roles.place, ['Bannu']);

  await page.keyboard.press(']');
  await until(async () => (await attack(page)).selected, '] selects the event');
  await until(async () => /event-selected/.test(await mark.getAttribute('class')), 'the trigger marked selected');
  await page.keyboard.press('a');
  await until(async () => (await attack(page)).state === 'accepted', 'a accepts it');
  assert.equal(await mark.getAttribute('data-state'), 'accepted');
  await page.keyboard.press('Control+z');
  await until(async () => (await attack(page)).state === 'suggested', 'Ctrl+Z: suggested again');
  await page.keyboard.press('Control+Shift+z');
  await until(async () => (await attack(page)).state === 'accepted', 'Ctrl+Shift+Z: accepted again');

  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('[data-testid=doc-text]');
  const kept = await until(() => attack(page), 'the event after the reload');
  assert.equal(kept.state, 'accepted');
  assert.deepEqual(kept.roles.place, ['Bannu']);
  assert.deepEqual(app.errors, []);
});

test('a role by keys, the span deleted with what it takes said, a relation, the incidents CSV', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Roles');
  await until(() => attack(page), 'the suggested ATTACK row');
  await page.keyboard.press(']');
  await until(async () => (await attack(page)).selected, 'the event selected');
  // "police" becomes an ORG span (selected), then o and the role's number key.
  await drag(page, 'police');
  await page.keyboard.press('2');
  await until(() => page.locator('[data-testid=entity].selected[data-label=ORG]').count(), 'police is a selected ORG');
  await page.keyboard.press('o');
  const choices = await page.$$eval('[data-testid=pick-choice]', (els) => els.map((e) => e.dataset.choice));
  assert.deepEqual(choices, ['perpetrator', 'target'], 'the roles that take an ORG');
  await page.keyboard.press('2');
  await until(async () => (await attack(page)).roles.target?.[0] === 'police', 'police is the target');
  assert.equal(await page.locator('[data-testid=pick-list]').count(), 0, 'the choice is made');

  // Removing the span says what it takes; Ctrl+Z brings both back.
  await clickSpan(page, cp(ARTICLE, 'police')[0]);
  await page.keyboard.press('x');
  const notice = page.locator('[data-testid=notice]');
  await until(async () => (await notice.count()) && (await notice.textContent()).includes('also removes 1 event argument (target of ATTACK)'), 'the notice');
  assert.equal((await attack(page)).roles.target, undefined);
  await page.keyboard.press('Control+z');
  await until(async () => (await attack(page)).roles.target?.[0] === 'police', 'undo brings the argument back');

  // A relation: r on Hafiz Saeed, r on Jamaat-ud-Dawa, the number of leader_of.
  await drag(page, 'Hafiz Saeed');
  await page.keyboard.press('1');
  await page.keyboard.press('r');
  await drag(page, 'Jamaat-ud-Dawa');
  await page.keyboard.press('2');
  await page.keyboard.press('r');
  const kinds = await page.$$eval('[data-testid=pick-choice]', (els) => els.map((e) => e.dataset.choice));
  assert.deepEqual(kinds, ['member_of', 'leader_of', 'alias_of']);
  await page.keyboard.press('2');
  const relation = page.locator('[data-testid=relation-row]');
  await until(() => relation.count(), 'the relation row');
  assert.equal(await relation.getAttribute('data-type'), 'leader_of');
  assert.match(await relation.textContent(), /Hafiz Saeed” → “Jamaat-ud-Dawa/);

  // Accept the event, then download the incidents table (accepted events only).
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  await page.keyboard.press('a');
  await until(async () => (await attack(page)).state === 'accepted', 'accepted');
  await page.click('[data-testid=export-open]');
  const { name, text } = await downloadText(page, '[data-testid=export-incidents-csv]');
  assert.match(name, /^spanmark-\d{4}-\d{2}-\d{2}-incidents\.csv$/);
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'document,title,type,trigger,date,place,perpetrator,target,killed,injured,held,sentence');
  assert.equal(lines.length, 2, text);
  const cells = lines[1].match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  assert.deepEqual(cells.slice(1, 4), ['Roles', 'ATTACK', 'attacked']);
  assert.equal(cells[5], 'Bannu', 'place');
  assert.equal(cells[7], 'police', 'target');
  assert.ok(cells[11].startsWith('Gunmen attacked a police checkpoint'), cells[11]);
  assert.deepEqual(app.errors, []);
});
