// The "add" edit of the perf scripts: pick the k-th plain (unlabelled) lowercase word of the
// article, scroll it into view and return the middle of it on screen, for a real double click.
export function plainWordPoint(page, k) {
  return page.evaluate((k) => {
    const root = document.querySelector('[data-testid=doc-text]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.parentElement.closest('[data-testid=entity]') && /\b[a-z]{5,}\b/.test(t.data)) nodes.push(t);
    }
    const t = nodes[(k * 104729) % nodes.length];
    const m = /\b[a-z]{5,}\b/.exec(t.data);
    const r = document.createRange(); r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);
    t.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }, k);
}
