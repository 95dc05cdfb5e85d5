import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkCalendar } from '../../../platform/calendar/index.ts';
import { checkApology, checkSupplement, outcomeOf, previousWorkingDay, workingDaysBetween } from './rules.ts';
import { shippedWorkflows } from './registry.ts';
import { parseWorkflow } from './definition.ts';
import { competentDepartment } from './routing.ts';

const cal = WorkCalendar.withDefaults();
const at = (day: string, hhmm = '09:00'): Date => new Date(`${day}T${hhmm}:00+07:00`);

test('working days between two dates skip weekends and the Tết break', () => {
  assert.equal(workingDaysBetween(cal, '2026-03-02', '2026-03-02'), 0);
  assert.equal(workingDaysBetween(cal, '2026-03-06', '2026-03-09'), 1); // Friday → Monday
  // Tết 2026: Mon 16 – Fri 20 February off (and the weekends around it).
  assert.equal(workingDaysBetween(cal, '2026-02-13', '2026-02-23'), 1);
  assert.equal(previousWorkingDay(cal, '2026-02-23'), '2026-02-13');
});

test('a request to supplement: once per step; during appraisal within 3 working days of receipt', () => {
  const received = at('2026-03-02');
  assert.equal(checkSupplement(cal, { stage: 'receipt', alreadyAtStage: false, clockStartedAt: received, now: at('2026-03-20') }), 'ok');
  assert.equal(checkSupplement(cal, { stage: 'receipt', alreadyAtStage: true, clockStartedAt: received, now: received }), 'once');
  assert.equal(checkSupplement(cal, { stage: 'appraisal', alreadyAtStage: false, clockStartedAt: received, now: at('2026-03-05') }), 'ok');
  assert.equal(checkSupplement(cal, { stage: 'appraisal', alreadyAtStage: false, clockStartedAt: received, now: at('2026-03-06') }), 'too_late');
  // Received Friday 13 Feb 2026 before Tết: the three working days run to Wednesday 25 February.
  assert.equal(checkSupplement(cal, { stage: 'appraisal', alreadyAtStage: false, clockStartedAt: at('2026-02-13'), now: at('2026-02-25') }), 'ok');
  assert.equal(checkSupplement(cal, { stage: 'appraisal', alreadyAtStage: false, clockStartedAt: at('2026-02-13'), now: at('2026-02-26') }), 'too_late');
});

test('an apology: at least one working day before the due date, once, to a later working day', () => {
  const base = { apologizedAt: null, dueDate: '2026-03-09', newDueDate: '2026-03-13' };
  assert.equal(checkApology(cal, { ...base, now: at('2026-03-06', '16:59') }), 'ok');
  assert.equal(checkApology(cal, { ...base, now: at('2026-03-07') }), 'too_late'); // Saturday after the last working day
  assert.equal(checkApology(cal, { ...base, now: at('2026-03-09') }), 'too_late');
  assert.equal(checkApology(cal, { ...base, apologizedAt: at('2026-03-03'), now: at('2026-03-04') }), 'once');
  assert.equal(checkApology(cal, { ...base, newDueDate: '2026-03-08', now: at('2026-03-04') }), 'bad_date');
  assert.equal(checkApology(cal, { ...base, newDueDate: '2026-03-09', now: at('2026-03-04') }), 'bad_date');
  assert.equal(checkApology(cal, { ...base, dueDate: null, now: at('2026-03-04') }), 'no_deadline');
});

test('outcome: early before the due date, on time on it, late after', () => {
  const dueAt = at('2026-03-09', '17:00');
  assert.equal(outcomeOf(at('2026-03-06'), dueAt, '2026-03-09'), 'early');
  assert.equal(outcomeOf(at('2026-03-09', '16:00'), dueAt, '2026-03-09'), 'on_time');
  assert.equal(outcomeOf(at('2026-03-10'), dueAt, '2026-03-09'), 'late');
});

test('the shipped workflows are valid; a broken definition is refused with the reason', () => {
  const codes = shippedWorkflows().map((w) => w.code);
  assert.deepEqual(codes.sort(), ['lien-thong', 'standard']);
  const standard = shippedWorkflows().find((w) => w.code === 'standard');
  assert.ok(standard);
  const broken = { ...standard, actions: [...standard.actions, { ...standard.actions[0], key: 'jump', to: 'nowhere' }] };
  assert.throws(() => parseWorkflow(broken), /unknown state nowhere/);
  const overBudget = { ...standard, states: standard.states.map((s) => (s.key === 'processing' ? { ...s, budget: 0.9 } : s)) };
  assert.throws(() => parseWorkflow(overBudget), /budgets sum/);
});

test('a national body named by the catalogue is routed to the Hà Nội department that handles it', () => {
  const deps = [
    { id: 1, name: 'Sở Tư pháp' },
    { id: 2, name: 'Sở Nông nghiệp và Môi trường' },
    { id: 3, name: 'Công an Thành phố Hà Nội' },
    { id: 4, name: 'Sở Xây dựng' },
  ];
  assert.equal(competentDepartment(['Văn phòng đăng ký đất đai'], deps), 2);
  assert.equal(competentDepartment(['Phòng Cảnh sát quản lý hành chính về trật tự xã hội - Công an tỉnh'], deps), 3);
  assert.equal(competentDepartment(['Sở Giao thông vận tải'], deps), 4); // merged into Construction in 2025
  assert.equal(competentDepartment(['Bộ Ngoại giao'], deps), undefined);
});
