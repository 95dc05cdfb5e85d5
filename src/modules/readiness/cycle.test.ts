// The self-assessment cycle end to end for three communes of the shipped 2025 set: drafts with the platform's figures,
// evidence, submission, a question and its answer, a late form reopened, the council's adjustment, publication with
// ranks; and each bad input refused or flagged as a user would see it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { listAudit } from '../../platform/audit/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { Role, smallPdf, staff } from '../documents/testing.ts';
import { openCycle, outstanding, publish, reopenForm } from './cycle.ts';
import { addEvidence } from './evidence.ts';
import { type FormView, formById, formFor, type PlatformFigures, type Saved, saveDraft, submit } from './form.ts';
import { results } from './results.ts';
import { adjust, answerQuestion, askQuestion, markReviewed } from './review.ts';
import { inputsOf, loadShippedSet } from './sets.ts';

const CITY = '000.00.00.H26';
const HOAN_KIEM = '000.04.51.H26';
const BA_DINH = '000.01.51.H26';
const NGOC_HA = '000.02.51.H26';
const OPENED = new Date('2026-12-01T02:00:00Z');
const ON_TIME = new Date('2026-12-10T03:00:00Z');
const AFTER_DEADLINE = new Date('2027-01-05T03:00:00Z');

const loaded = loadShippedSet('2025-communes');

/** Every input of the set with a value that keeps each validation rule (parts equal to their wholes). */
function fullValues(over: Record<string, unknown> = {}): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of inputsOf(loaded)) v[f.code] = f.type === 'number' ? 10 : f.type === 'boolean' ? true : f.categories![0];
  return { ...v, tasksOverdue: 0, DG1: 80, DG2: 95, DG4: 90, ...over };
}

const fails = (code: string) => (e: unknown) => {
  assert.equal((e as AppError).code, code, (e as Error).message);
  return true;
};

/** A stored ZIP (an .docx needs [Content_Types].xml and word/…). */
function zip(entries: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(data.length, 22);
    h.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(h, Buffer.from(name), data);
  }
  return Buffer.concat(parts);
}

const figures: PlatformFigures = async ({ sources }) => {
  assert.ok(sources.includes('dossiers.onlineShare'));
  return { 'dossiers.onlineShare': 72.5, 'dossiers.onTimeShare': 96, 'portal.presence': true };
};

let app: TestApp;
let reviewer: SessionUser;
let council: SessionUser;
let hk: SessionUser;
let bd: SessionUser;
let nh: SessionUser;
let cycleId: number;
const formIds: Record<string, number> = {};

before(async () => {
  app = await testApp();
  reviewer = (await staff(app, 'rd.vanphong', [Role.readinessReviewer], CITY)).user;
  council = (await staff(app, 'rd.hoidong', [Role.readinessCouncil], CITY)).user;
  hk = (await staff(app, 'rd.hoankiem', [Role.readinessReporter], HOAN_KIEM)).user;
  bd = (await staff(app, 'rd.badinh', [Role.readinessReporter], BA_DINH)).user;
  nh = (await staff(app, 'rd.ngocha', [Role.readinessReporter], NGOC_HA)).user;
});
after(async () => app?.close());

test('the office opens the 2025 communes cycle once; a unit may not open it', async () => {
  await assert.rejects(openCycle(app.platform, hk, { setId: '2025-communes', deadline: '2026-12-31' }, null, OPENED), fails('FORBIDDEN'));
  await assert.rejects(openCycle(app.platform, reviewer, { setId: '2024-nothing', deadline: '2026-12-31' }, null, OPENED), fails('SET_NOT_FOUND'));
  await assert.rejects(openCycle(app.platform, reviewer, { setId: '2025-communes', deadline: '2026-11-30' }, null, OPENED), fails('INVALID'));
  const c = await openCycle(app.platform, reviewer, { setId: '2025-communes', deadline: '2026-12-31', guidance: 'Hướng dẫn số 12/HD-UBND' }, null, OPENED);
  assert.equal(c.state, 'open');
  assert.equal(c.peer_group, 'commune');
  cycleId = c.id;
  await assert.rejects(openCycle(app.platform, reviewer, { setId: '2025-communes', deadline: '2026-12-31' }, null, OPENED), fails('CYCLE_EXISTS'));
});

test('a unit opens its form as a draft, with the platform figures filled in and their source kept', async () => {
  const v = await formFor(app.platform, hk, cycleId, figures);
  assert.equal(v.form.state, 'draft');
  assert.equal(v.form.form_values.DG1, 72.5);
  assert.equal(v.form.form_values.DG3, true);
  assert.deepEqual(v.form.sources, { DG1: 'dossiers.onlineShare', DG2: 'dossiers.onTimeShare', DG3: 'portal.presence' });
  formIds.hk = v.form.id;
  assert.equal((await formFor(app.platform, hk, cycleId, figures)).form.id, v.form.id, 'the same form the second time');
  formIds.bd = (await formFor(app.platform, bd, cycleId)).form.id;
  formIds.nh = (await formFor(app.platform, nh, cycleId)).form.id;
});

test('drafts: a value of the wrong type is named and the saved one kept; a broken rule is a warning, then refuses the submission', async () => {
  let v: FormView & Partial<Saved> = await formById(app.platform, hk, formIds.hk!);
  const { DG1: _dg1, DG2: _dg2, DG3: _dg3, ...rest } = fullValues();
  v = await saveDraft(app.platform, hk, formIds.hk!, { values: rest, version: v.form.version });
  assert.deepEqual(v.errors, []);
  assert.equal(v.form.form_values.DG1, 72.5, 'the platform figure stays');
  assert.equal(v.form.sources.DG1, 'dossiers.onlineShare');
  v = await saveDraft(app.platform, hk, formIds.hk!, { values: { staff: 'mười', computers: '12,5', AW1: 'no-such-level' }, version: v.form.version });
  assert.deepEqual(v.errors!.map((e) => e.field).sort(), ['AW1', 'staff']);
  assert.match(v.errors!.find((e) => e.field === 'staff')!.message.vi, /cần một số/);
  assert.equal(v.form.form_values.staff, 10, 'nothing saved is lost');
  assert.equal(v.form.form_values.computers, 12.5, 'the good value is saved');
  await assert.rejects(saveDraft(app.platform, hk, formIds.hk!, { values: { staff: 11 }, version: v.form.version - 1 }), fails('STALE'));
  v = await saveDraft(app.platform, hk, formIds.hk!, { values: { trained: 11 }, version: v.form.version });
  assert.equal(v.form.form_values.trained, 11, 'the draft saves');
  assert.equal(v.warnings.length, 1);
  assert.match(v.warnings[0]!.message.vi, /bồi dưỡng/);
  await assert.rejects(submit(app.platform, hk, formIds.hk!, v.form.version, null, ON_TIME), (e: unknown) => {
    fails('RULES_BROKEN')(e);
    assert.match((e as AppError).fields[0]!.message.vi, /11 ≤ 10 không thỏa/);
    return true;
  });
  v = await saveDraft(app.platform, hk, formIds.hk!, { values: { trained: 9 }, version: v.form.version });
  assert.deepEqual(v.warnings, []);
});

test('evidence: documents are kept, an executable named .pdf is refused', async () => {
  const pdf = await addEvidence(app.platform, hk, formIds.hk!, 'AW1', { name: 'quyet-dinh-bcd.pdf', content: await smallPdf() });
  assert.equal(pdf.mime, 'application/pdf');
  const docx = await addEvidence(app.platform, hk, formIds.hk!, 'HR1', { name: 'ke-hoach.docx', content: zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }) });
  assert.equal(docx.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
  await assert.rejects(addEvidence(app.platform, hk, formIds.hk!, 'AW1', { name: 'bao-cao.pdf', content: exe }), (e: unknown) => {
    fails('EVIDENCE_REFUSED')(e);
    assert.match((e as AppError).fields[0]!.message.vi, /không phải tài liệu/);
    return true;
  });
  const macro = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'x' });
  await assert.rejects(addEvidence(app.platform, hk, formIds.hk!, 'AW1', { name: 'ke-hoach.docm', content: macro }), fails('EVIDENCE_REFUSED'));
  assert.equal((await formById(app.platform, hk, formIds.hk!)).evidence.length, 2);
});

test('a unit never sees another unit’s form', async () => {
  await assert.rejects(formById(app.platform, bd, formIds.hk!), fails('FORM_NOT_FOUND'));
  await assert.rejects(saveDraft(app.platform, bd, formIds.hk!, { values: { staff: 1 }, version: 1 }), fails('FORM_NOT_FOUND'));
  await assert.rejects(addEvidence(app.platform, bd, formIds.hk!, 'AW1', { name: 'a.pdf', content: await smallPdf() }), fails('FORM_NOT_FOUND'));
  assert.equal((await formById(app.platform, reviewer, formIds.hk!)).form.id, formIds.hk);
});

test('a value with neither value nor explanation refuses the submission; on time it is submitted', async () => {
  let v = await formById(app.platform, bd, formIds.bd!);
  const values = fullValues({ AW4: false, IN2: false, IN3: false, CS4: false });
  delete values.villages;
  delete values.villagesWithTeam;
  delete values.villagesFibre;
  v = await saveDraft(app.platform, bd, formIds.bd!, { values, explanations: { villages: 'Phường không có thôn, tổ dân phố được tính riêng', villagesWithTeam: 'Như trên' }, version: v.form.version });
  await assert.rejects(submit(app.platform, bd, formIds.bd!, v.form.version, null, ON_TIME), (e: unknown) => {
    fails('MISSING_VALUES')(e);
    assert.deepEqual((e as AppError).fields.map((f) => f.field), ['villagesFibre']);
    return true;
  });
  v = await saveDraft(app.platform, bd, formIds.bd!, { explanations: { villagesFibre: 'Như trên' }, version: v.form.version });
  v = await submit(app.platform, bd, formIds.bd!, v.form.version, null, ON_TIME);
  assert.equal(v.form.state, 'submitted');
  assert.equal(v.form.late, false);
  v = await formById(app.platform, hk, formIds.hk!);
  v = await submit(app.platform, hk, formIds.hk!, v.form.version, null, ON_TIME);
  assert.equal(v.form.state, 'submitted');
  await assert.rejects(saveDraft(app.platform, hk, formIds.hk!, { values: { staff: 12 }, version: v.form.version }), fails('WRONG_STATE'));
});

test('after the deadline a submission is refused until the office reopens the form; then it is marked late', async () => {
  let v = await formById(app.platform, nh, formIds.nh!);
  v = await saveDraft(app.platform, nh, formIds.nh!, { values: fullValues({ AW4: false }), version: v.form.version });
  await assert.rejects(submit(app.platform, nh, formIds.nh!, v.form.version, null, AFTER_DEADLINE), fails('LATE'));
  const o = await outstanding(app.platform, reviewer, cycleId, AFTER_DEADLINE);
  assert.equal(o.deadlinePassed, true);
  assert.ok(o.notSubmitted.some((u) => u.code === NGOC_HA && u.state === 'draft'));
  assert.ok(!o.notSubmitted.some((u) => u.code === HOAN_KIEM || u.code === BA_DINH));
  assert.ok(o.notSubmitted.some((u) => u.state === 'none'), 'communes that never opened the form are listed');
  await assert.rejects(outstanding(app.platform, nh, cycleId), fails('FORBIDDEN'));
  await assert.rejects(reopenForm(app.platform, reviewer, formIds.nh!, '  ', null, AFTER_DEADLINE), fails('INVALID'));
  await reopenForm(app.platform, reviewer, formIds.nh!, 'Cán bộ phụ trách nghỉ ốm, Văn phòng đồng ý gia hạn', null, AFTER_DEADLINE);
  v = await formById(app.platform, nh, formIds.nh!);
  v = await submit(app.platform, nh, formIds.nh!, v.form.version, null, AFTER_DEADLINE);
  assert.equal(v.form.late, true);
  assert.ok(v.form.reopened_at);
  const o2 = await outstanding(app.platform, reviewer, cycleId, AFTER_DEADLINE);
  assert.deepEqual(o2.late.map((u) => [u.code, u.reopenReason]), [[NGOC_HA, 'Cán bộ phụ trách nghỉ ốm, Văn phòng đồng ý gia hạn']]);
  const audits = await listAudit(app.database.db, { entity: 'readiness_form', entityId: String(formIds.nh) });
  assert.ok(audits.some((a) => a.action === 'readiness.form_reopened'));
});

test('a question returns the form to the unit; it answers and resubmits', async () => {
  await askQuestion(app.platform, reviewer, formIds.hk!, { code: 'AW2', question: 'Đề nghị gửi biên bản các cuộc họp Ban chỉ đạo.' });
  let v = await formById(app.platform, hk, formIds.hk!);
  assert.equal(v.form.state, 'returned');
  assert.equal(v.questions[0]!.code, 'AW2');
  await assert.rejects(submit(app.platform, hk, formIds.hk!, v.form.version, null, AFTER_DEADLINE), fails('QUESTIONS_OPEN'));
  await assert.rejects(answerQuestion(app.platform, bd, v.questions[0]!.id, 'Không phải của tôi'), fails('FORM_NOT_FOUND'));
  await answerQuestion(app.platform, hk, v.questions[0]!.id, 'Đã bổ sung 4 biên bản họp.');
  await addEvidence(app.platform, hk, formIds.hk!, 'AW2', { name: 'bien-ban.pdf', content: await smallPdf('Biên bản họp Ban chỉ đạo') });
  v = await formById(app.platform, hk, formIds.hk!);
  v = await submit(app.platform, hk, formIds.hk!, v.form.version, null, AFTER_DEADLINE);
  assert.equal(v.form.state, 'submitted');
  assert.equal(v.form.late, false, 'a resubmission after a question is not late');
  assert.equal(v.questions[0]!.answer, 'Đã bổ sung 4 biên bản họp.');
});

test('the council adjusts a score within its maximum and with a reason', async () => {
  for (const id of [formIds.hk!, formIds.bd!, formIds.nh!]) await markReviewed(app.platform, reviewer, id);
  const max = loaded.indicators.get('AW2')!.max;
  await assert.rejects(adjust(app.platform, council, formIds.hk!, { code: 'AW2', points: max + 1, reason: 'Thiếu biên bản' }), (e: unknown) => {
    fails('SCORE_OUT_OF_RANGE')(e);
    assert.match((e as AppError).fields[0]!.message.vi, new RegExp(`từ 0 đến ${max}`));
    return true;
  });
  await assert.rejects(adjust(app.platform, council, formIds.hk!, { code: 'AW2', points: -1, reason: 'x' }), fails('SCORE_OUT_OF_RANGE'));
  await assert.rejects(adjust(app.platform, council, formIds.hk!, { code: 'AW2', points: 1, reason: ' ' }), fails('INVALID'));
  await assert.rejects(adjust(app.platform, reviewer, formIds.hk!, { code: 'AW2', points: 1, reason: 'x' }), fails('FORBIDDEN'));
  const a = await adjust(app.platform, council, formIds.hk!, { code: 'AW2', points: max / 2, reason: 'Chỉ có 2 biên bản họp hợp lệ' });
  assert.equal(a.points_before, max, '10 meetings reach the top step');
  assert.equal(a.points_after, max / 2);
  assert.equal((await formById(app.platform, hk, formIds.hk!)).form.state, 'adjusted');
});

test('before publication a unit sees only its own score, without a rank', async () => {
  const r = await results(app.platform, bd, cycleId);
  assert.equal(r.published, false);
  assert.deepEqual(r.rows.map((x) => [x.agencyCode, x.rank]), [[BA_DINH, null]]);
  assert.equal((await results(app.platform, reviewer, cycleId)).rows.length, 3);
});

test('publication scores and ranks every submitted form; after it every change is refused', async () => {
  const c = await publish(app.platform, reviewer, cycleId);
  assert.equal(c.state, 'published');
  const r = await results(app.platform, bd, cycleId);
  assert.equal(r.published, true);
  // Ngọc Hà lacks one yes/no indicator; Hoàn Kiếm's AW2 was halved by the council and its platform shares and
  // trained staff are lower; Ba Đình lacks four yes/no indicators and has no villages.
  assert.deepEqual(r.rows.map((x) => [x.agencyCode, x.total, x.rank]), [[NGOC_HA, 954.5, 1], [HOAN_KIEM, 943.16, 2], [BA_DINH, 874.5, 3]]);
  const hkRow = r.rows[1]!;
  const aw2 = hkRow.score.indicators.find((s) => s.code === 'AW2')!;
  assert.equal(aw2.points, loaded.indicators.get('AW2')!.max / 2);
  assert.equal(aw2.adjusted?.reason, 'Chỉ có 2 biên bản họp hợp lệ');
  assert.equal(aw2.adjusted?.computed, loaded.indicators.get('AW2')!.max);
  assert.equal(hkRow.total, Math.round(hkRow.score.indicators.reduce((t, s) => t + s.points, 0) * 100) / 100);
  assert.equal(hkRow.score.indicators.find((s) => s.code === 'DG1')!.value, 72.5, 'the platform figure was scored');
  assert.equal((await formById(app.platform, hk, formIds.hk!)).form.state, 'published');
  await assert.rejects(saveDraft(app.platform, hk, formIds.hk!, { values: { staff: 12 }, version: 99 }), fails('PUBLISHED'));
  await assert.rejects(adjust(app.platform, council, formIds.hk!, { code: 'AW2', points: 1, reason: 'Sau công bố' }), fails('PUBLISHED'));
  await assert.rejects(askQuestion(app.platform, reviewer, formIds.bd!, { question: 'Sau công bố?' }), fails('PUBLISHED'));
  await assert.rejects(publish(app.platform, reviewer, cycleId), fails('PUBLISHED'));
  await assert.rejects(addEvidence(app.platform, hk, formIds.hk!, 'AW1', { name: 'a.pdf', content: await smallPdf() }), fails('PUBLISHED'));
});
