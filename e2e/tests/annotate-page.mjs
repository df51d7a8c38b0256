// Page helpers for the annotator flows: real mouse drags over words of the article,
// code point offsets of a word in a text, the selected span, polling for a condition.

/** Code point range [start, end) of the n-th occurrence of `needle` in `text`. */
export function cp(text, needle, nth = 0) {
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  const start = Array.from(text.slice(0, from)).length;
  return [start, start + Array.from(needle).length];
}

/** The text of a code point range (what an exported span must say). */
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/** Viewport rectangles of the first and last character of the n-th `needle` in the article. */
export async function wordBox(page, needle, nth = 0) {
  return page.evaluate(
    ([needle, nth]) => {
      const root = document.querySelector('[data-testid=doc-text]');
      const full = root.textContent;
      let at = -1;
      for (let i = 0; i <= nth; i++) at = full.indexOf(needle, at + 1);
      if (at < 0) return null;
      // Map text offsets to (node, offset): the start inside the node holding the first
      // character, the end inside the node holding the last one.
      const point = (want, isEnd) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let acc = 0;
        let node;
        while ((node = walker.nextNode())) {
          const len = node.data.length;
          if (isEnd ? want <= acc + len : want < acc + len) return [node, want - acc];
          acc += len;
        }
        return null;
      };
      const points = [point(at, false), point(at + needle.length, true)];
      const r = document.createRange();
      r.setStart(points[0][0], points[0][1]);
      r.setEnd(points[1][0], points[1][1]);
      r.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rects = Array.from(r.getClientRects()).filter((x) => x.width > 0);
      const first = rects[0];
      const last = rects[rects.length - 1];
      return {
        x0: first.left, y0: first.top + first.height / 2,
        x1: last.right, y1: last.top + last.height / 2,
      };
    },
    [needle, nth],
  );
}

/** Select the n-th `needle` in the article by dragging the mouse across it (inset by `inset` px). */
export async function drag(page, needle, { nth = 0, inset = 1 } = {}) {
  const b = await wordBox(page, needle, nth);
  if (!b) throw new Error(`"${needle}" not in the article`);
  await page.mouse.move(b.x0 + inset, b.y0);
  await page.mouse.down();
  await page.mouse.move((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, { steps: 4 });
  await page.mouse.move(b.x1 - inset, b.y1, { steps: 4 });
  await page.mouse.up();
}

/** Click at the start of the n-th `needle` (places the caret before it). */
export async function clickBefore(page, needle, nth = 0) {
  const b = await wordBox(page, needle, nth);
  await page.mouse.click(b.x0 + 1, b.y0);
}

/** The selected span's attributes, or null. */
export async function selectedSpan(page) {
  return page.evaluate(() => {
    const e = document.querySelector('[data-testid=entity].selected');
    return e ? { start: +e.dataset.start, end: +e.dataset.end, label: e.dataset.label, state: e.dataset.state, text: e.textContent } : null;
  });
}

/** Click the span starting at code point `start`. */
export async function clickSpan(page, start) {
  const el = page.locator(`[data-testid=entity][data-start="${start}"]`);
  const box = await el.boundingBox();
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
}

/** Poll `fn` until it returns a truthy value (or throw after `ms`). */
export async function until(fn, what = 'condition', ms = 4000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Spans as [start, end, label, state] rows, sorted, for compact assertions. */
export async function rows(page) {
  return page.$$eval('[data-testid=entity]', (els) =>
    els.map((e) => [+e.dataset.start, +e.dataset.end, e.dataset.label, e.dataset.state]),
  );
}
