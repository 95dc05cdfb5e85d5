import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkPlan } from './check.ts';
import { bandwidth, greenWave } from './coordination.ts';
import { busPriority } from './priority.ts';
import { leastSplit, type Phase, type TimingPlan } from './types.ts';
import { isWebsterError, splitsFromWebster, webster } from './webster.ts';

const phase = (n: number, minimumGreen = 7, yellowChange = 3, redClear = 2): Phase => ({ phase: n, minimumGreen, passage: 3, maximum1: 60, yellowChange, redClear });

test("Webster: TRANSPORT.md's test vectors", () => {
  // L = 16 s, q = 500 and 300 pcu/h, s = 1,600 each → Y = 0.5, C₀ = 58 s.
  const a = webster(16, [{ phase: 2, flow: 500, saturation: 1600 }, { phase: 4, flow: 300, saturation: 1600 }]);
  assert.ok(!isWebsterError(a));
  assert.equal(a.Y, 0.5);
  assert.equal(a.cycle, 58);
  assert.deepEqual(a.effectiveGreens.map((g) => g.green), [26.25, 15.75]); // (y/Y)(C₀ − L) = 0.625·42 and 0.375·42
  assert.equal(a.oversaturated, false);
  // y = 0.4 and 0.3, L = 12 s → C₀ ≈ 76.7 s.
  const b = webster(12, [{ phase: 2, y: 0.4 }, { phase: 4, y: 0.3 }]);
  assert.ok(!isWebsterError(b));
  assert.equal(b.cycle.toFixed(1), '76.7');
  assert.equal(b.effectiveGreens.reduce((s, g) => s + g.green, 0).toFixed(6), (b.cycle - 12).toFixed(6));
});

test('Webster: oversaturated is flagged at Y ≥ 0.9 and refused at Y ≥ 1; bad flows are named', () => {
  const near = webster(12, [{ phase: 2, y: 0.5 }, { phase: 4, y: 0.42 }]);
  assert.ok(!isWebsterError(near) && near.oversaturated);
  const over = webster(12, [{ phase: 2, y: 0.6 }, { phase: 4, y: 0.4 }]);
  assert.ok(isWebsterError(over) && over.code === 'SATURATED' && /Y = 1\.00/.test(over.message.en));
  const bad = webster(12, [{ phase: 6, flow: -5, saturation: 1600 }]);
  assert.ok(isWebsterError(bad) && bad.code === 'BAD_FLOW' && /Pha 6/.test(bad.message.vi));
  assert.ok(isWebsterError(webster(12, [])));
});

test("Webster's splits: whole seconds that add up to the cycle, and pass the plan check", () => {
  const phases = [phase(2, 7, 3, 2), phase(4, 7, 3, 2), phase(6, 5, 3, 2)];
  const w = webster(15, [{ phase: 2, flow: 900, saturation: 1800 }, { phase: 4, flow: 300, saturation: 1700 }, { phase: 6, flow: 150, saturation: 1600 }]);
  assert.ok(!isWebsterError(w));
  const { cycle, splits } = splitsFromWebster(phases, w, { minCycle: 30, maxCycle: 180 });
  assert.equal(splits.reduce((s, x) => s + x.time, 0), cycle);
  assert.equal(cycle, Math.ceil(w.cycle));
  const plan: TimingPlan = { phases, pattern: { pattern: 1, cycle, offset: 0, rings: [[2, 4, 6]], splits: splits.map((s) => ({ ...s, mode: 'none' as const, coordPhase: s.phase === 2 })) } };
  assert.deepEqual(checkPlan(plan), []);
  // A phase whose share would fall under its minimum green is raised to it; the cycle still adds up.
  const lopsided = webster(10, [{ phase: 2, y: 0.8 }, { phase: 4, y: 0.01 }]);
  assert.ok(!isWebsterError(lopsided));
  const p2 = [phase(2), phase(4, 15)];
  const r = splitsFromWebster(p2, lopsided, { minCycle: 30, maxCycle: 120 });
  assert.equal(r.splits.find((s) => s.phase === 4)!.time, leastSplit(p2[1]!));
  assert.equal(r.splits.reduce((s, x) => s + x.time, 0), r.cycle);
});

test('the plan check names every problem: splits that do not add up, a cut minimum green, a bad offset, no coordinated phase', () => {
  const plan: TimingPlan = {
    phases: [phase(2), phase(4), phase(6, 7, 2, 2)],
    pattern: { pattern: 3, cycle: 60, offset: 75, rings: [[2, 4, 8]], splits: [{ phase: 2, time: 40, mode: 'none', coordPhase: false }, { phase: 4, time: 10, mode: 'none', coordPhase: false }] },
  };
  const problems = checkPlan(plan);
  assert.deepEqual(problems.map((p) => [p.code, p.phase ?? null]), [
    ['OFFSET', null],
    ['PHASE_TIMES', 6],
    ['SPLIT_SHORT', 4],
    ['PHASE_UNKNOWN', 8],
    ['RING_SUM', null],
    ['COORD', null],
  ]);
  assert.match(problems[2]!.message.vi, /Pha 4: 10 s nhỏ hơn xanh tối thiểu 7 s \+ vàng 3 s \+ đỏ giải tỏa 2 s = 12 s/);
  assert.match(problems[4]!.message.en, /add up to 50 s, not the cycle's 60 s/);
  // An omitted phase takes no time.
  const omitted: TimingPlan = { phases: [phase(2), phase(4)], pattern: { pattern: 1, cycle: 40, offset: 0, rings: [[2, 4]], splits: [{ phase: 2, time: 40, mode: 'none', coordPhase: true }, { phase: 4, time: 0, mode: 'omitted', coordPhase: false }] } };
  assert.deepEqual(checkPlan(omitted), []);
});

test('a green wave: offsets are travel time mod cycle, and the band is open for the whole corridor at the design speed', () => {
  const stops = [0, 350, 700, 1150, 1500].map((d, i) => ({ id: `N${i}`, distance: d, coordSplit: 50, clearance: 5 }));
  const offsets = greenWave(stops, 90, 40);
  assert.deepEqual(offsets.map((o) => o.offset), [0, 32, 63, 14, 45]); // 350 m at 11.1 m/s = 31.5 s, 1,150 m = 103.5 s → 104 − 90 = 14
  assert.ok(bandwidth(stops, offsets, 90, 40) >= 40, 'a wide through band at 40 km/h');
  const uncoordinated = stops.map((s) => ({ id: s.id, distance: s.distance, travel: 0, offset: 0 }));
  assert.ok(bandwidth(stops, uncoordinated, 90, 40) < bandwidth(stops, offsets, 90, 40));
});

test('bus priority never cuts a minimum green or a clearance, and keeps the cycle', () => {
  const phases = [phase(1, 10, 3, 2), phase(2, 7, 3, 2), phase(3, 7, 3, 1), phase(4, 5, 4, 2)];
  const ring = [{ phase: 1, time: 30 }, { phase: 2, time: 25 }, { phase: 3, time: 20 }, { phase: 4, time: 15 }];
  const cycle = 90;
  // On green: nothing to do. Just after: an extension. Later: an early green.
  assert.deepEqual(busPriority(phases, ring, 2, 31, 10), { kind: 'none', reason: 'on-green' });
  const ext = busPriority(phases, ring, 2, 51, 10);
  assert.equal(ext.kind, 'extend');
  const early = busPriority(phases, ring, 2, 70, 15);
  assert.equal(early.kind, 'early');
  fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 89 }), fc.integer({ min: 1, max: 30 }), (bus, at, max) => {
    const r = busPriority(phases, ring, bus, at, max);
    if (r.kind === 'none') return;
    assert.equal(r.splits.reduce((s, x) => s + x.time, 0), cycle);
    assert.ok(r.seconds <= max);
    for (const s of r.splits) assert.ok(s.time >= leastSplit(phases.find((p) => p.phase === s.phase)!), `phase ${s.phase} keeps its minimum green and clearances`);
  }));
});

test('the time–space diagram: a green bar per intersection and cycle, the band, names escaped, accessible', async () => {
  const { timeSpaceSvg } = await import('./diagram.ts');
  const stops = [0, 400, 800].map((d, i) => ({ id: `N${i}`, name: i === 1 ? 'Tràng Thi <& Hàng Bông>' : `Nút ${i}`, distance: d, coordSplit: 40, clearance: 5 }));
  const offsets = greenWave(stops, 80, 36);
  const svg = timeSpaceSvg({ title: 'Làn sóng xanh', description: 'Chu kỳ 80 s, 36 km/h', stops, offsets, cycle: 80, speedKmh: 36, band: bandwidth(stops, offsets, 80, 36), labels: { time: 'Thời gian (s)', distance: 'Khoảng cách (m)' } });
  assert.match(svg, /^<svg [^>]*role="img" aria-label="Làn sóng xanh"/);
  assert.match(svg, /<title>Làn sóng xanh<\/title><desc>Chu kỳ 80 s, 36 km\/h<\/desc>/);
  assert.ok(svg.includes('Tràng Thi &lt;&amp; Hàng Bông&gt;'));
  assert.ok(!svg.includes('<&'));
  assert.ok((svg.match(/stroke-width="7"/g) ?? []).length >= 9, 'three green bars (or more, split at the edges) per intersection');
  assert.equal((svg.match(/stroke-dasharray/g) ?? []).length, 6, 'the band: two lines per cycle');
});
