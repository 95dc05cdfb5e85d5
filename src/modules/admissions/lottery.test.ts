// The lottery as docs/admission-lottery.md defines it: the doc's worked example is what the code prints, the hash
// is the one standard tools compute, the order depends on the seed and on nothing about how the list was given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  applicationListDigest,
  compareDraws,
  drawHash,
  drawOrder,
  formatDraw,
  LotteryInputError,
  parseApplicationList,
  seedCommitment,
  seedMatchesCommitment,
  generateSeed,
} from './lottery.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const EXAMPLE_SEED = 'TS2026-L1-demo';
const exampleApps = parseApplicationList(fixture('draw-example.applications.txt'));
const forty = Array.from({ length: 40 }, (_, i) => `TS-${String(i + 1).padStart(4, '0')}`);

test("the doc's worked example is exactly what the code prints", () => {
  const doc = readFileSync(new URL('../../../docs/admission-lottery.md', import.meta.url), 'utf8');
  const block = /<!-- worked-example: begin -->\n```\n([\s\S]*?)```\n<!-- worked-example: end -->/.exec(doc);
  assert.ok(block, 'the doc has the worked example between its markers');
  assert.equal(block[1], formatDraw(EXAMPLE_SEED, exampleApps, 3));
  assert.equal(fixture('draw-example.result.txt'), formatDraw(EXAMPLE_SEED, exampleApps, 3), 'the published fixture is the same draw');
  assert.deepEqual(exampleApps, ['TS-0004', 'TS-0001', 'TS-0006', 'TS-0003', 'TS-0005', 'TS-0002']);
});

test('the numbers are the ones standard tools compute (printf | sha256sum)', () => {
  // Computed with coreutils, not with this code: printf '%s' 'TS2026-L1-demo:TS-0006' | sha256sum, etc.
  assert.equal(drawHash(EXAMPLE_SEED, 'TS-0006'), '0d56cca7fd6e3af3189d5595fa253b1307cff3e3fd96547e04e01b99dcff2515');
  assert.equal(seedCommitment(EXAMPLE_SEED), '1962e338d65fbd22c0024c8041ebbbb168d179d1926ebd9ecd4bac7acb191c50');
  assert.equal(applicationListDigest(exampleApps), '6c493f7e0ed81240058779e53c6bc1a8b4b9ca4ac52c7854dafda3ace980ffc2');
  // A Vietnamese seed is hashed as UTF-8: printf '%s' 'Bốc thăm:A1' | sha256sum
  assert.equal(drawHash('Bốc thăm', 'A1'), '655e408d56318456da1f136fcfb260f8b080f6cd26860456fecf4b30231e3b69');
});

test('rank follows the hash as a big-endian number, smallest first', () => {
  const order = drawOrder('any seed', forty);
  assert.deepEqual(order.map((e) => e.rank), forty.map((_, i) => i + 1));
  for (let i = 1; i < order.length; i++) {
    assert.ok(BigInt(`0x${order[i - 1]?.hash}`) < BigInt(`0x${order[i]?.hash}`), `rank ${i} before rank ${i + 1}`);
  }
  assert.deepEqual(new Set(order.map((e) => e.applicationNo)), new Set(forty));
});

test('the order of the input list does not matter', () => {
  const reversed = [...forty].reverse();
  const shuffled = [...forty].sort((a, b) => drawHash('shuffle', a).localeCompare(drawHash('shuffle', b)));
  for (const list of [reversed, shuffled]) assert.deepEqual(drawOrder('seed-1', list), drawOrder('seed-1', forty));
  assert.equal(formatDraw('seed-1', shuffled, 12), formatDraw('seed-1', forty, 12));
});

test('changing one character of the seed changes the order', () => {
  const base = drawOrder('TS2026-L1-HN', forty).map((e) => e.applicationNo);
  for (const seed of ['TS2026-L1-HM', 'TS2026-L1-Hn', 'ts2026-L1-HN', 'TS2026-L2-HN']) {
    assert.notDeepEqual(drawOrder(seed, forty).map((e) => e.applicationNo), base, seed);
  }
});

test('a subset keeps the relative order it has in the whole draw', () => {
  const whole = drawOrder('seed-2', forty).map((e) => e.applicationNo);
  const subset = forty.filter((_, i) => i % 3 === 0);
  assert.deepEqual(drawOrder('seed-2', subset).map((e) => e.applicationNo), whole.filter((n) => subset.includes(n)));
});

test('commitment: the revealed seed matches what was published, nothing else does', () => {
  const seed = generateSeed();
  assert.match(seed, /^[0-9a-f]{64}$/);
  assert.notEqual(generateSeed(), seed);
  const commitment = seedCommitment(seed);
  const cases: [string, string, boolean][] = [
    [seed, commitment, true],
    [seed, commitment.toUpperCase(), true],
    [`${seed.slice(0, -1)}${seed.endsWith('0') ? '1' : '0'}`, commitment, false],
    [seed, `${commitment.slice(0, -1)}${commitment.endsWith('0') ? '1' : '0'}`, false],
    [seed, 'not a commitment', false],
    [seed, seed, false],
  ];
  for (const [s, c, expected] of cases) assert.equal(seedMatchesCommitment(s, c), expected, `${s} / ${c}`);
});

test('input the draw is not defined for is refused', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['repeated application', () => drawOrder('s', ['A1', 'A2', 'A1']), /A1 appears more than once/],
    ['space in a number', () => drawOrder('s', ['A 1']), /not an application number/],
    ['non-ASCII number', () => drawOrder('s', ['Hồ-sơ-1']), /not an application number/],
    ['empty seed', () => drawOrder('', ['A1']), /1 to 200 characters/],
    ['seed with a line break', () => drawOrder('a\nb', ['A1']), /control characters/],
    ['seed with outer space', () => seedCommitment(' s'), /begin or end with a space/],
    ['decomposed seed', () => drawOrder('Ba\u0300', ['A1']), /NFC/],
    ['negative places', () => formatDraw('s', ['A1'], -1), /places/],
  ];
  for (const [name, fn, message] of cases) assert.throws(fn, (err: unknown) => err instanceof LotteryInputError && message.test(err.message), name);
});

test('a published result compares by content, not layout', () => {
  const recomputed = formatDraw(EXAMPLE_SEED, exampleApps, 3);
  const relaid = recomputed.replace(/\n/g, '\r\n').replace(/ /g, '  \t').replace(/[0-9a-f]{64}/g, (h) => h.toUpperCase());
  assert.deepEqual(compareDraws(`\n${relaid}\n\n`, recomputed), { same: true });
  const lines = recomputed.split('\n');
  const swapped = [...lines.slice(0, 8), lines[9], lines[8], ...lines.slice(10)].join('\n');
  assert.deepEqual(compareDraws(swapped, recomputed), { same: false, line: 9, published: lines[9], recomputed: lines[8] });
  const truncated = lines.slice(0, 10).join('\n');
  assert.deepEqual(compareDraws(truncated, recomputed), { same: false, line: 11, published: '(end of file)', recomputed: lines[10] });
});

test('an applications file: one per line, CR, spaces and blank lines ignored', () => {
  assert.deepEqual(parseApplicationList('\uFEFFA1\r\n  A2  \n\n\tA3\r\n'), ['A1', 'A2', 'A3']);
});
