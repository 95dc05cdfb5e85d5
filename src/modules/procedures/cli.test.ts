// egov import procedures: arguments, exit status, progress and the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { testDatabase } from '../../platform/testing/database.ts';
import type { Database } from '../../platform/db/index.ts';
import { parseImportProceduresArgs, runImportProcedures, terminalProgress, type Output } from '../../cli/import-procedures.ts';
import { SHIPPED_PROCEDURES } from './seed.ts';
import { recordsFor } from './testing.ts';

let database: Database;
let dir: string;
before(async () => {
  database = await testDatabase();
  dir = mkdtempSync(join(tmpdir(), 'egov-procedures-'));
});
after(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function capture(): Output & { lines: string[]; errors: string[]; progressCalls: number } {
  const o = {
    lines: [] as string[],
    errors: [] as string[],
    progressCalls: 0,
    out: (l: string) => o.lines.push(l),
    err: (l: string) => o.errors.push(l),
    progress: () => {
      o.progressCalls++;
    },
  };
  return o;
}

test('arguments: one file, "shipped", --effective as a date', () => {
  assert.deepEqual(parseImportProceduresArgs(['a.jsonl'], '2026-05-05'), { file: 'a.jsonl', effectiveFrom: '2026-05-05' });
  assert.deepEqual(parseImportProceduresArgs(['shipped', '--effective', '2026-07-01']), { file: SHIPPED_PROCEDURES, effectiveFrom: '2026-07-01' });
  assert.deepEqual(parseImportProceduresArgs(['--effective=2026-07-01', 'b.csv']), { file: 'b.csv', effectiveFrom: '2026-07-01' });
  assert.match(String(parseImportProceduresArgs([])), /exactly one file/);
  assert.match(String(parseImportProceduresArgs(['a', 'b'])), /exactly one file/);
  assert.match(String(parseImportProceduresArgs(['a', '--effective', '2026-02-30'])), /YYYY-MM-DD/);
  assert.match(String(parseImportProceduresArgs(['a', '--effective'])), /needs a date/);
  assert.match(String(parseImportProceduresArgs(['a', '--force'])), /unknown option --force/);
  assert.deepEqual(parseImportProceduresArgs(['a', '--time-overrides', 't.csv'], '2026-05-05'), { file: 'a', effectiveFrom: '2026-05-05', timeOverrides: 't.csv' });
  assert.match(String(parseImportProceduresArgs(['a', '--time-overrides'])), /needs a CSV file/);
});

test('a gzipped JSONL file is imported with progress and a report; again, nothing changes', async () => {
  const file = join(dir, 'sample.jsonl.gz');
  const lines = recordsFor(['3.000347', '2.000815', '1.001193']).map((r) => JSON.stringify(r.data));
  writeFileSync(file, gzipSync(lines.join('\n')));
  const io = capture();
  assert.equal(await runImportProcedures(database, { file, effectiveFrom: '2026-07-01' }, io), 0);
  assert.ok(io.progressCalls >= 2);
  assert.match(io.lines[0] ?? '', /^sample\.jsonl\.gz: JSONL, 3 records in \d+\.\d s$/);
  assert.equal(io.lines[1], '  new 3, updated 0, unchanged 0, failed 0');
  assert.ok(io.lines.includes('  new versions take effect on 2026-07-01'));
  assert.ok(io.lines.some((l) => /^ {2}processing time: 0 of 3; 1 give no information$/.test(l)));
  assert.ok(io.lines.some((l) => /^ {2}fees: 1 of 3 \(foreign currency 1\)/.test(l)));
  assert.ok(
    io.lines.includes(
      "Processing time units: from the time text 1, from the procedure's other text 1, from data/procedures/processing-time-overrides.csv 1, none 0",
    ),
    '3.000347 states it; 1.001193 by its steps; 2.000815 by the table',
  );

  const again = capture();
  assert.equal(await runImportProcedures(database, { file, effectiveFrom: '2026-07-02' }, again), 0);
  assert.equal(again.lines[1], '  new 0, updated 0, unchanged 3, failed 0');
});

test('bad records give exit status 1 with their lines; an unreadable file 2', async () => {
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, `${JSON.stringify({ ma_thu_tuc: 'x', ten_thu_tuc: 'y' })}\n{oops\n`);
  const io = capture();
  assert.equal(await runImportProcedures(database, { file, effectiveFrom: '2026-07-01' }, io), 1);
  assert.ok(io.lines.includes('Failed records:'));
  assert.ok(io.lines.some((l) => l.startsWith('  line 2: not valid JSON')));
  assert.ok(io.lines.some((l) => l.startsWith('  line 1 (x): ma_thu_tuc:')));

  const missing = capture();
  assert.equal(await runImportProcedures(database, { file: join(dir, 'none.jsonl'), effectiveFrom: '2026-07-01' }, missing), 2);
  assert.match(missing.errors[0] ?? '', /cannot read/);
  const csv = join(dir, 'other.csv');
  writeFileSync(csv, 'a,b\n1,2\n');
  const unknown = capture();
  assert.equal(await runImportProcedures(database, { file: csv, effectiveFrom: '2026-07-01' }, unknown), 2);
  assert.match(unknown.errors[0] ?? '', /neither JSONL nor a CSV/);
});

test('progress: a bar on a terminal, a line every tenth otherwise', () => {
  const written: string[] = [];
  const pipe = { isTTY: false, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
  const p = terminalProgress(pipe);
  for (let i = 0; i <= 100; i++) p(i, 100);
  assert.equal(written.length, 11);
  assert.equal(written[10], 'import procedures: 100%\n');
  const tty: string[] = [];
  const bar = terminalProgress({ isTTY: true, write: (s: string) => tty.push(s) } as unknown as NodeJS.WriteStream);
  bar(1, 2);
  bar(2, 2);
  assert.match(tty[0] ?? '', /^\r\[#{15}\.{15}\] {2}50%$/);
  assert.match(tty[1] ?? '', /100%\n$/);
});

test('--time-overrides: another reviewed table; the report counts what still has no time limit and is not offered online', async () => {
  const file = join(dir, 'no-time.jsonl');
  writeFileSync(file, recordsFor(['2.000815', '1.004859']).map((r) => JSON.stringify(r.data)).join('\n'));
  const table = join(dir, 'overrides.csv');
  writeFileSync(table, 'code,amount,unit,rule,source,check\n1.004859,3,working_days,03 ngày làm việc,thử nghiệm,unverified\n');
  const io = capture();
  assert.equal(await runImportProcedures(database, { file, effectiveFrom: '2026-07-01', timeOverrides: table }, io), 0);
  assert.ok(io.lines.includes('  override rows used: 0 quoted from the procedure\'s text, 1 unverified'), io.lines.join('\n'));
  // 2.000815 (certified copies) is in the shipped table, not in this one: it has no time limit now.
  assert.ok(io.lines.some((l) => /^No time limit: 1 procedures .*; 0 of them publish an online channel/.test(l)), io.lines.join('\n'));
  assert.ok(io.lines.includes('    2.000815'));
  const bad = join(dir, 'bad-overrides.csv');
  writeFileSync(bad, 'code,amount,unit,rule,source\n');
  const refused = capture();
  assert.equal(await runImportProcedures(database, { file, effectiveFrom: '2026-07-01', timeOverrides: bad }, refused), 2);
  assert.match(refused.errors[0] ?? '', /header/);
});
