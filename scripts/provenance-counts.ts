// Counts the built-in patterns by provenance type, for the README: each pattern under its
// strongest source (vendor docs, SDK source, real mail, a public list, public research), and
// how many cite each type at all. Run: npm run build && node dist/scripts/provenance-counts.js
import { loadVendors } from '../src/trackers/load.js';
import type { Provenance } from '../src/trackers/schema.js';

const ORDER: Array<Provenance['type']> = ['vendor-docs', 'sdk-source', 'observed-mail', 'public-list', 'public-research'];
const strongest = new Map<string, number>();
const any = new Map<string, number>();
const patterns = loadVendors().flatMap((v) => v.patterns);
for (const p of patterns) {
  const types = new Set(p.provenance.map((s) => s.type));
  for (const t of types) any.set(t, (any.get(t) ?? 0) + 1);
  const best = ORDER.find((t) => types.has(t));
  if (best) strongest.set(best, (strongest.get(best) ?? 0) + 1);
}
console.log(`${patterns.length} patterns`);
for (const t of ORDER) console.log(`${t.padEnd(16)} strongest ${String(strongest.get(t) ?? 0).padStart(4)}  cited by ${String(any.get(t) ?? 0).padStart(4)}`);
