// The page loads from the release build without console errors, shows the main
// screen, annotates a pasted article, and leaves a screenshot for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startApp, annotate, repoRoot } from '../lib/harness.mjs';

const ARTICLE = `PESHAWAR, Pakistan — At least 12 soldiers were killed on Thursday when militants of the Tehreek-e-Taliban Pakistan (TTP) attacked a checkpoint in the Khyber district, the Inter-Services Public Relations (ISPR) said.

Interior Minister Mohsin Naqvi condemned the attack and said Afghan authorities must act against the group, which has stepped up attacks in Khyber Pakhtunkhwa since March 2023.`;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('main screen loads without console errors', async () => {
  const page = await app.open();
  for (const id of ['new-doc-input', 'new-doc-title', 'new-doc-submit']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).count(), 1, `missing ${id}`);
  }
  assert.deepEqual(app.errors, [], 'console errors on load');
});

test('an annotated article renders exactly its text, then the screenshot', async () => {
  const page = await app.open();
  await annotate(page, ARTICLE, 'Khyber attack');
  const text = await page.locator('[data-testid=doc-text]').textContent();
  assert.equal(text, ARTICLE);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
  assert.deepEqual(app.errors, []);
});

test('the same dist/ works when hosted under a sub-path', async () => {
  const sub = await startApp({ prefix: '/spanmark/' });
  try {
    const page = await sub.open();
    assert.equal(await page.locator('[data-testid=new-doc-input]').count(), 1);
    assert.deepEqual(sub.errors, []);
  } finally {
    await sub.close();
  }
});
