// The one rule of online submission (online.ts), and over the whole shipped catalogue: every procedure a citizen can
// submit online has a return date the calendar computes on receipt, with no officer typing one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { WorkCalendar, vietnamInstant } from '../../platform/calendar/index.ts';
import { onlineSubmission, timeLimitOf } from './online.ts';
import { readProcedureFile } from './reader.ts';
import { buildContent, SourceRecord } from './record.ts';
import { SHIPPED_PROCEDURES } from './seed.ts';

const time = (amount: number | null, unit: 'working_days' | 'calendar_days' | 'hours' | 'within_day' | null) => ({ amount, unit });

test('online only with an online channel and a time limit the calendar counts', () => {
  const online = ['direct', 'online'];
  assert.deepEqual(onlineSubmission({ channels: ['direct', 'post'], processingTime: time(5, 'working_days') }), { ok: false, reason: 'NOT_ONLINE' });
  assert.deepEqual(onlineSubmission({ channels: online, processingTime: time(1, null) }), { ok: false, reason: 'NO_TIME_LIMIT' }, 'a bare "1"');
  assert.deepEqual(onlineSubmission({ channels: online, processingTime: time(null, null) }), { ok: false, reason: 'NO_TIME_LIMIT' }, '"Không có thông tin"');
  assert.deepEqual(onlineSubmission({ channels: online, processingTime: time(0, 'working_days') }), { ok: false, reason: 'NO_TIME_LIMIT' });
  assert.deepEqual(onlineSubmission({ channels: online, processingTime: time(5, 'working_days') }), { ok: true, limit: { amount: 5, unit: 'working_days' } });
  assert.deepEqual(onlineSubmission({ channels: online, processingTime: time(null, 'within_day') }), { ok: true, limit: { amount: 0, unit: 'within_day' } }, 'the same-day rule needs no number');
  assert.deepEqual(timeLimitOf(time(1.5, 'calendar_days')), { amount: 2, unit: 'calendar_days' }, 'part of a day gives the whole day');
  assert.deepEqual(timeLimitOf(time(4, 'hours')), { amount: 4, unit: 'hours' });
});

test('over the 2,642 shipped procedures: online ⇒ a due date on receipt; the rest are taken at the counter', () => {
  const records = readProcedureFile(readFileSync(SHIPPED_PROCEDURES)).records.map((r) => SourceRecord.parse(r.data));
  assert.equal(records.length, 2642);
  const cal = WorkCalendar.withDefaults();
  // A Monday morning, a Friday after 15:00, and the last afternoon before the Tết 2027 break.
  const receipts = [vietnamInstant('2026-03-02', 9 * 60), vietnamInstant('2026-03-13', 15 * 60 + 30), vietnamInstant('2027-02-05', 16 * 60)];
  let offered = 0;
  const refused: string[] = [];
  for (const r of records) {
    const c = buildContent(r).content;
    const o = onlineSubmission(c);
    if (!o.ok) {
      if (o.reason === 'NO_TIME_LIMIT') refused.push(r.ma_thu_tuc);
      continue;
    }
    offered++;
    for (const received of receipts) {
      const d = cal.computeDeadline({ received, amount: o.limit.amount, unit: o.limit.unit });
      assert.ok(d.dueAt.getTime() > received.getTime(), `${r.ma_thu_tuc}: due after receipt`);
      assert.match(d.dueDate, /^\d{4}-\d{2}-\d{2}$/, r.ma_thu_tuc);
      assert.ok(cal.isWorkingDay(d.dueDate), `${r.ma_thu_tuc}: due on a working day`);
    }
  }
  assert.ok(offered >= 1840, `procedures offered online: ${offered}`);
  assert.ok(refused.length <= 278, `online channel but no time limit: ${refused.length}`);
  // The demo's procedures (shipped e-forms, the common civil-status and certification ones) are all offered online.
  for (const code of ['1.001193', '1.000894', '1.004222', '3.000347']) {
    const r = records.find((x) => x.ma_thu_tuc === code);
    assert.ok(r && onlineSubmission(buildContent(r).content).ok, `${code} is offered online`);
  }
});
