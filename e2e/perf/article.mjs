// The perf scripts' long article: the dev set's articles repeated to about `bytes` characters.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/harness.mjs';

export function article(bytes) {
  const dir = path.join(repoRoot, 'tests', 'fixtures', 'dev');
  const parts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim());
  let out = '';
  while (out.length < bytes) for (const p of parts) { if (out.length >= bytes) break; out += p + '\n\n'; }
  return out;
}
