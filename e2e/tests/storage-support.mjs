// Helpers for the storage flows: read the export, wait for the save status, select
// text in the article, read and write localStorage from the test.
import assert from 'node:assert/strict';
import { downloadText } from '../lib/harness.mjs';

export const ARTICLE_1 = `KABUL, Afghanistan - Taliban officials met a delegation from Pakistan in Kabul on Monday, the foreign ministry said.

Officials from Islamabad and Kabul discussed the Torkham crossing and refugees returning from Iran.`;

export const ARTICLE_2 = `TEHRAN - Iran's foreign minister Abbas Araghchi visited Beijing on Friday to meet Chinese officials, state media reported.`;

/** The Spanmark JSON export as an object, without fields that change with the clock. */
export async function exported(page) {
  const { text } = await downloadText(page, '[data-testid=export-json]');
  const json = JSON.parse(text);
  return scrub(json);
}

function scrub(v) {
  if (Array.isArray(v)) return v.map(scrub);
  if (v && typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (['exported', 'date', 'created', 'updated', 'revision'].includes(k)) continue;
      out[k] = scrub(x);
    }
    return out;
  }
  return v;
}

/** Wait until the status line says everything is saved. */
export async function saved(page) {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=save-status]');
    return el && el.dataset.state === 'saved';
  }, null, { timeout: 5000 });
}

export async function status(page) {
  const el = page.locator('[data-testid=save-status]');
  return { state: await el.getAttribute('data-state'), text: await el.textContent() };
}

/** Select [start, end) (UTF-16 offsets of the article text) and release the mouse. */
export async function selectText(page, start, end) {
  await page.evaluate(([start, end]) => {
    const root = document.querySelector('[data-testid=doc-text]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    const range = document.createRange();
    let node;
    while ((node = walker.nextNode())) {
      const len = node.data.length;
      if (start >= pos && start <= pos + len && !range.__s) {
        range.setStart(node, start - pos);
        range.__s = true;
      }
      if (end >= pos && end <= pos + len) {
        range.setEnd(node, end - pos);
        break;
      }
      pos += len;
    }
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, [start, end]);
}

/** Select the first occurrence of `word` in the open article. */
export async function selectWord(page, word, nth = 0) {
  const text = await page.locator('[data-testid=doc-text]').textContent();
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} not in the article`);
  await selectText(page, at, at + word.length);
}

export async function storageKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).sort());
}

export async function docKeys(page) {
  return (await storageKeys(page)).filter((k) => k.startsWith('spanmark/1/doc/'));
}

export async function getItem(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

export async function setItem(page, key, value) {
  return page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
}

/** Fill localStorage until it refuses even 16 characters; returns how many keys it took. */
export async function fillQuota(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler/${n}`, chunk);
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
}

export async function unfill(page) {
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler/')) localStorage.removeItem(k);
  });
}

export async function docCount(page) {
  return page.locator('[data-testid=doc-item]').count();
}
