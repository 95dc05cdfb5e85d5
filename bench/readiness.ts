// Benchmark: a year's scoring and ranking of every unit (issue 14, target < 1 s): 126 communes × 47 indicators and
// 30 departments × 34, values generated with a seeded PRNG (within the validation rules), each round loading both
// shipped sets, validating every unit's values, scoring and ranking both peer groups. Pure computation, no database.
// Usage: node --import tsx bench/readiness.ts [--rounds 20] [--seed 2025]   (npm run bench:readiness)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scorePeerGroup } from '../src/modules/readiness/ranking.ts';
import { validateValues, type UnitInput, type UnitValues } from '../src/modules/readiness/scoring.ts';
import { inputsOf, loadShippedSet, type LoadedSet } from '../src/modules/readiness/sets.ts';
import { seededRandom } from '../src/platform/seeded-random.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, seed: { type: 'string', default: '2025' } } });
const ROUNDS = Number(args.rounds);
const REPO = fileURLToPath(new URL('..', import.meta.url));

const prng = seededRandom;

/** A unit's values: a total for each `X ≤ Y` pair's Y, a part of it for X; shares 0–100; 3% of values left missing. */
function generate(loaded: LoadedSet, unit: string, rnd: () => number): UnitInput {
  const values: UnitValues = {};
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  for (const f of inputsOf(loaded)) {
    if (f.type === 'boolean') values[f.code] = rnd() < 0.8;
    else if (f.type === 'category') values[f.code] = f.categories![int(0, f.categories!.length - 1)];
    else if (f.platformSource) values[f.code] = Math.round(rnd() * 1000) / 10;
    else values[f.code] = int(0, 12);
  }
  for (const v of loaded.set.validations) {
    if (v.op !== '≤' || !loaded.figures.has(v.left) || !loaded.figures.has(v.right)) continue;
    const total = int(20, 400);
    values[v.right] = Math.max(Number(values[v.right] ?? 0), total);
    values[v.left] = Math.floor(Number(values[v.right]) * (0.4 + rnd() * 0.6));
  }
  values.tasksOverdue = Math.min(int(0, 3), Number(values.tasksPlanned) - Number(values.tasksDone));
  for (const code of Object.keys(values)) if (rnd() < 0.03) values[code] = null;
  return { unit, values, explanations: {} };
}

const rnd = prng(Number(args.seed));
const communes = loadShippedSet('2025-communes');
const departments = loadShippedSet('2025-departments');
const communeUnits = Array.from({ length: 126 }, (_, k) => generate(communes, `X${String(k + 1).padStart(3, '0')}`, rnd));
const departmentUnits = Array.from({ length: 30 }, (_, k) => generate(departments, `S${String(k + 1).padStart(2, '0')}`, rnd));

function year() {
  const c = loadShippedSet('2025-communes');
  const d = loadShippedSet('2025-departments');
  let broken = 0;
  for (const u of communeUnits) broken += validateValues(c, u.values).length;
  for (const u of departmentUnits) broken += validateValues(d, u.values).length;
  return { broken, communes: scorePeerGroup(c, communeUnits), departments: scorePeerGroup(d, departmentUnits) };
}

year(); // warm-up (JIT, file cache)
const times: number[] = [];
let last = year();
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  last = year();
  times.push(performance.now() - t0);
}
const pct = (p: number) => {
  const s = [...times].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
};
const started = new Date();
const lines = [
  `readiness bench ${started.toISOString()} — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})`,
  `one year: load both sets, validate, score and rank 126 communes × ${communes.set.indicators.length} indicators and 30 departments × ${departments.set.indicators.length}; ${ROUNDS} rounds, seed ${args.seed}`,
  `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms (target < 1000 ms)`,
  `validation rules broken by the generated values (made within them): ${last.broken}`,
  `communes: top ${last.communes.slice(0, 3).map((u) => `${u.unit} ${u.total} (#${u.rank})`).join(', ')}; last ${last.communes.at(-1)!.unit} ${last.communes.at(-1)!.total} (#${last.communes.at(-1)!.rank})`,
  `departments: top ${last.departments.slice(0, 3).map((u) => `${u.unit} ${u.total} (#${u.rank})`).join(', ')}; last ${last.departments.at(-1)!.unit} ${last.departments.at(-1)!.total} (#${last.departments.at(-1)!.rank})`,
];
console.log(lines.join('\n'));
mkdirSync(join(REPO, 'bench/results'), { recursive: true });
const file = join(REPO, `bench/results/readiness-${started.toISOString().slice(0, 16).replace(':', '')}.txt`);
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written ${file}`);
