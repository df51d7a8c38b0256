// A Chromium CPU profile (CDP Profiler.stop's) summed by function, for the perf scripts:
// self and inclusive ms per function, and optionally the time by function inside one function.

const name = (nd) => `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').pop()}`;
const bare = (f) => f.replace(/::h[0-9a-f]{16}/, '');

/** Self and inclusive ms per function (each function counted once per sample). */
export function byFunction(profile) {
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map();
  for (const nd of profile.nodes) for (const c of nd.children || []) parent.set(c, nd.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const nm = name(byId.get(id));
    self.set(nm, (self.get(nm) || 0) + d);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = name(byId.get(cur));
      if (seen.has(f)) continue;
      seen.add(f);
      total.set(f, (total.get(f) || 0) + d);
    }
  });
  return { self, total, byId, parent };
}

/** Inclusive ms by function inside the first caller whose name contains `want`. */
export function inside(profile, want) {
  const { byId, parent } = byFunction(profile);
  const out = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const d = (dt[i + 1] ?? 0) / 1000;
    const chain = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) chain.push(bare(byId.get(cur).callFrame.functionName));
    const at = chain.findIndex((f) => f.includes(want));
    if (at < 0) return;
    out.set('(all)', (out.get('(all)') || 0) + d);
    for (const f of new Set(chain.slice(0, at))) out.set(f, (out.get(f) || 0) + d);
  });
  return out;
}

/** The `k` largest entries of a map of ms, as printable lines. */
export function top(m, k, skip = /reactive_graph::graph|call_once|vtable|wasm_bindgen::convert/) {
  return [...m.entries()]
    .filter(([f]) => !skip.test(f))
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([f, t]) => `${t.toFixed(1).padStart(8)} ${f.slice(0, 150)}`);
}
