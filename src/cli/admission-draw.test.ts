// `egov admission draw` as anyone runs it: no database, the published draw recomputed and verified, a wrong
// result refused with exit status 1 (docs/admission-lottery.md §4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmissionDraw } from './admission-draw.ts';
import { allocate, type AdmissionApplication } from '../modules/admissions/allocation.ts';
import { seedCommitment } from '../modules/admissions/lottery.ts';

const FIXTURES = 'src/modules/admissions/fixtures';
const APPS = `${FIXTURES}/draw-example.applications.txt`;
const RESULT = `${FIXTURES}/draw-example.result.txt`;
const SEED = 'TS2026-L1-demo';

function egov(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  // No database anywhere: an unreachable DATABASE_URL would make any attempt to open one fail.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

function capture(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runAdmissionDraw(args, { out: (l) => void (out += `${l}\n`), err: (l) => void (err += `${l}\n`) });
  return { code, out, err };
}

test('the command recomputes a published draw and refuses a wrong one, without a database', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-draw-'));
  try {
    const published = readFileSync(RESULT, 'utf8');
    const lines = published.split('\n');
    // The published file with ranks 3 and 4 swapped: TS-0002 shown as admitted instead of TS-0001.
    const tampered = join(dir, 'tampered.txt');
    writeFileSync(tampered, [...lines.slice(0, 8), lines[9]?.replace('4 ', '3 ').replace('not admitted', 'admitted'), lines[8]?.replace('3 ', '4 ').replace('admitted', 'not admitted'), ...lines.slice(10)].join('\n'));

    // A lottery held by allocate(): its applications published as a file, recomputed by the command.
    const group = Array.from({ length: 40 }, (_, i): AdmissionApplication => ({ applicationNo: `HN-${1000 + i}`, childId: `c${i}`, chosenSchool: 'A', inCatchment: false, catchmentSchools: [], priorityGroup: 2 }));
    const allocation = allocate({ seed: SEED, schools: [{ id: 'A', places: 12 }], applications: group });
    const draw = allocation.draws[0];
    assert.ok(draw);
    const listFile = join(dir, 'applications.txt');
    writeFileSync(listFile, [...draw.applicationNos].reverse().join('\r\n'));

    const [printed, identical, different, fromAllocation] = await Promise.all([
      egov(['admission', 'draw', '--seed', SEED, '--applications', APPS, '--places', '3']),
      egov(['admission', 'draw', '--seed', SEED, '--applications', APPS, '--places', '3', '--verify', RESULT]),
      egov(['admission', 'draw', '--seed', SEED, '--applications', APPS, '--places', '3', '--verify', tampered]),
      egov(['admission', 'draw', '--seed', SEED, '--applications', listFile, '--places', '12']),
    ]);
    assert.equal(printed.code, 0, printed.err);
    assert.equal(printed.out, published);

    assert.equal(identical.code, 0, identical.err);
    assert.match(identical.out, /^IDENTICAL: /);

    assert.equal(different.code, 1, different.err);
    assert.match(different.err, /DIFFERENT: .*tampered\.txt is not the draw/);
    assert.match(different.err, /line 9 of .*\n\s+published: +3 TS-0002 9a6c82b1\S+ admitted\n\s+recomputed: 3 TS-0001 8abdf525\S+ admitted/);

    assert.equal(fromAllocation.code, 0, fromAllocation.err);
    const admittedByCommand = fromAllocation.out.split('\n').filter((l) => /[0-9a-f]{64} admitted$/.test(l)).map((l) => l.trim().split(/ +/)[1]).sort();
    const admittedByAllocation = allocation.placements.filter((p) => p.admittedSchool === 'A').map((p) => p.applicationNo);
    assert.equal(admittedByCommand.length, 12);
    assert.deepEqual(admittedByCommand, admittedByAllocation);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a published result checked against another seed or list is different (exit 1)', () => {
  const otherSeed = capture(['--seed', 'TS2026-L1-demp', '--applications', APPS, '--places', '3', '--verify', RESULT]);
  assert.equal(otherSeed.code, 1);
  assert.match(otherSeed.err, /line 2 of .*\n\s+published: +seed: TS2026-L1-demo\n\s+recomputed: seed: TS2026-L1-demp/);
  const noPlaces = capture(['--seed', SEED, '--applications', APPS, '--verify', RESULT]);
  assert.equal(noPlaces.code, 1, 'the published draw was for 3 places');
});

test('the seed is checked against the published commitment first', () => {
  const ok = capture(['--seed', SEED, '--applications', APPS, '--commitment', seedCommitment(SEED).toUpperCase()]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /^egov admission draw v1\n/);
  const wrong = capture(['--seed', 'TS2026-L1-demp', '--applications', APPS, '--commitment', seedCommitment(SEED)]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /SEED DOES NOT MATCH THE COMMITMENT/);
  assert.equal(wrong.out, '', 'no draw is printed for a seed that was not committed to');
});

test('bad usage and bad files: exit 2 with the reason', () => {
  const cases: [string[], RegExp][] = [
    [['--applications', APPS], /missing --seed/],
    [['--seed', SEED], /missing --applications/],
    [['--seed', SEED, '--applications', APPS, '--places', 'three'], /--places three: expected a whole number/],
    [['--seed', SEED, '--applications', APPS, '--colour', 'red'], /unknown option --colour/],
    [['--seed', SEED, '--applications', APPS, '--commitment', 'abc'], /64 hex digits/],
    [['--seed', SEED, '--applications', `${FIXTURES}/no-such-file.txt`], /cannot read the applications file/],
    [['--seed', SEED, '--applications', APPS, '--verify', `${FIXTURES}/no-such-file.txt`], /cannot read the published result file/],
    [['--seed', SEED, '--applications', RESULT], /not an application number/],
    [['--seed', ' padded', '--applications', APPS], /begin or end with a space/],
  ];
  for (const [args, message] of cases) {
    const r = capture(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
});
