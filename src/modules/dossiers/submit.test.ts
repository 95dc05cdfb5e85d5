import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { submitDossier, type SubmitInput } from './submit.ts';
import { configureAttachments, attachmentLimits } from './storage.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from './testing.ts';

let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 1);
});
after(async () => {
  await app.close();
});

const HOAN_KIEM = '000.04.51.H26';
const CENTRE = '000.00.20.H26';

function input(over: Partial<SubmitInput> = {}): SubmitInput {
  return { procedureCode: PROC.online.code, form: answersFor(hoa), files: [{ docKey: 'doc1', filename: 'to-khai.pdf', content: TINY.pdf }], ...over };
}

const submit = (over: Partial<SubmitInput> = {}, now?: Date, actor: SessionUser = hoa.user) =>
  submitDossier(app.platform, actor, input(over), { via: 'web', ...(now ? { now } : {}) });

async function count(table: string, where = sql`true`): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(app.database.db);
  return Number(r.rows[0]?.n);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the submission to be refused');
}

test('codes count per agency and per Vietnam day: 0001, 0002 …; another agency and the next day start again', async () => {
  const day = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Hà Nội
  const a = await submit({}, day);
  const b = await submit({}, day);
  const c = await submit({ agencyCode: HOAN_KIEM }, day);
  const late = await submit({}, new Date('2026-03-02T23:30:00Z')); // 06:30 on Tuesday 3 March in Hà Nội
  assert.equal(a.dossier.code, `${CENTRE}-260302-0001`);
  assert.equal(b.dossier.code, `${CENTRE}-260302-0002`);
  assert.equal(c.dossier.code, `${HOAN_KIEM}-260302-0001`);
  assert.equal(late.dossier.code, `${CENTRE}-260303-0001`);
  // Five working days counted from the day after receipt: Tue 3 … Mon 9 March.
  assert.equal(a.dossier.dueDate, '2026-03-09');
  assert.equal(a.dossier.status, 'received');
  assert.equal(a.dossier.feeTotalDong, 50_000);
  assert.equal(a.dossier.paymentStatus, 'unpaid');
  assert.match(a.dossier.deadline?.explanation.vi ?? '', /09\/03\/2026/);
  // One transaction wrote the dossier, its file, the timeline, the payment, the audit row, the mail and the job.
  const id = a.dossier.id;
  assert.equal(await count('dossier_files', sql`dossier_id = ${id}`), 1);
  assert.equal(await count('dossier_events', sql`dossier_id = ${id} and kind = 'received'`), 1);
  assert.equal(await count('payments', sql`dossier_id = ${id} and amount_dong = 50000 and status = 'pending'`), 1);
  assert.equal(await count('audit_log', sql`action = 'dossiers.submit' and entity_id = ${a.dossier.code}`), 1);
  assert.equal(await count('outbox_mail', sql`to_address = ${hoa.email} and subject like ${`%${a.dossier.code}%`}`), 1);
  assert.equal(await count('pgboss.job', sql`name = 'dossier.notify-receipt' and (data->>'dossierId')::bigint = ${id}`), 1);
  assert.deepEqual(a.dossier.applicant, {
    name: hoa.name,
    personal_id: hoa.personalId,
    // The account's proven phone, not the one typed on the form (issue 10).
    phone: `+84${hoa.phone.replace(/\D/g, '').slice(1)}`,
    email: hoa.email,
    address: '12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội',
  });
});

test('200 submissions to one agency at once get 200 distinct, consecutive codes 0001 … 0200', async () => {
  const day = new Date('2026-03-04T03:00:00Z');
  const results = await Promise.all(Array.from({ length: 200 }, () => submit({}, day)));
  const numbers = results.map((r) => Number(r.dossier.code.slice(-4))).sort((x, y) => x - y);
  assert.deepEqual(numbers, Array.from({ length: 200 }, (_, i) => i + 1));
  assert.equal(new Set(results.map((r) => r.dossier.code)).size, 200);
  assert.ok(results.every((r) => r.dossier.code.startsWith(`${CENTRE}-260304-`)));
});

test('the same idempotency key, twice or at once, gives one dossier', async () => {
  const day = new Date('2026-03-05T03:00:00Z');
  const first = await submit({ idempotencyKey: 'key-0001-abcdef' }, day);
  const again = await submit({ idempotencyKey: 'key-0001-abcdef' }, day);
  assert.equal(again.dossier.code, first.dossier.code);
  assert.equal(again.replayed, true);
  const together = await Promise.all(Array.from({ length: 6 }, () => submit({ idempotencyKey: 'key-0002-together' }, day)));
  assert.equal(new Set(together.map((r) => r.dossier.code)).size, 1);
  assert.equal(together.filter((r) => !r.replayed).length, 1);
  assert.equal(await count('dossiers', sql`idempotency_key like ${'%:key-0002-together'}`), 1);
  // No number was lost to the replays: the next submission follows on.
  const next = await submit({}, day);
  assert.equal(next.dossier.code, `${CENTRE}-260305-0003`);
  // Another citizen's identical key is another dossier.
  const lan = await registerCitizen(app, 2, 'Trần Văn Lân');
  const theirs = await submitDossier(app.platform, lan.user, input({ form: answersFor(lan), idempotencyKey: 'key-0001-abcdef' }), { via: 'web', now: day });
  assert.notEqual(theirs.dossier.code, first.dossier.code);
  assert.equal((await refusal(submit({ idempotencyKey: 'short' }))).code, 'INVALID_DOSSIER');
});

test('a failure after the code was taken leaves nothing behind, and the number goes to the next submission', async () => {
  const day = new Date('2026-03-06T03:00:00Z');
  const ok = await submit({}, day);
  assert.equal(ok.dossier.code, `${CENTRE}-260306-0001`);
  const before = { dossiers: await count('dossiers'), files: await count('dossier_files'), events: await count('dossier_events'), payments: await count('payments'), audit: await count('audit_log'), mail: await count('outbox_mail') };
  const jobs = app.platform.jobs;
  const send = jobs.send.bind(jobs);
  jobs.send = async () => {
    throw new Error('queue unavailable');
  };
  try {
    await assert.rejects(submit({}, day), /queue unavailable/);
  } finally {
    jobs.send = send;
  }
  const mailer = app.platform.mailer;
  const enqueue = mailer.enqueue.bind(mailer);
  mailer.enqueue = async () => {
    throw new Error('outbox full');
  };
  try {
    await assert.rejects(submit({}, day), /outbox full/);
  } finally {
    mailer.enqueue = enqueue;
  }
  const after = { dossiers: await count('dossiers'), files: await count('dossier_files'), events: await count('dossier_events'), payments: await count('payments'), audit: await count('audit_log'), mail: await count('outbox_mail') };
  assert.deepEqual(after, before);
  const next = await submit({}, day);
  assert.equal(next.dossier.code, `${CENTRE}-260306-0002`);
});

test('a procedure without an online channel is refused with a clear message', async () => {
  const e = await refusal(submit({ procedureCode: PROC.counterOnly.code }));
  assert.equal(e.code, 'NOT_ONLINE');
  assert.equal(e.status, 400);
  assert.match(e.text.vi, /không được nộp trực tuyến/);
  assert.match(e.text.en, /cannot be submitted online/);
  assert.equal((await refusal(submit({ procedureCode: '9.999999' }))).code, 'PROCEDURE_NOT_FOUND');
});

test('files are judged by their content: an .exe renamed .pdf is refused, real PDF, PNG and JPEG are accepted', async () => {
  const before = await count('dossiers');
  const e = await refusal(submit({ files: [{ docKey: 'doc1', filename: 'to-khai.pdf', content: TINY.exe }] }));
  assert.equal(e.code, 'INVALID_DOSSIER');
  const f = e.fields.find((x) => x.field === 'files.doc1');
  assert.ok(f, JSON.stringify(e.fields));
  assert.match(f.message.vi, /^Tờ khai đề nghị cấp giấy xác nhận: /);
  assert.match(f.message.en, /^Tờ khai đề nghị cấp giấy xác nhận: /);
  assert.equal(await count('dossiers'), before);
  for (const [name, content, mime] of [
    ['scan.png', TINY.png, 'image/png'],
    ['scan.jpg', TINY.jpeg, 'image/jpeg'],
    ['a.pdf', TINY.pdf, 'application/pdf'],
  ] as const) {
    const r = await submit({ files: [{ docKey: 'doc1', filename: name, content }, { docKey: 'doc2', filename: `x-${name}`, content }] });
    const rows = await sql<{ mime: string; original_name: string }>`select mime, original_name from dossier_files where dossier_id = ${r.dossier.id} order by id`.execute(app.database.db);
    assert.deepEqual(rows.rows, [
      { mime, original_name: name },
      { mime, original_name: `x-${name}` },
    ]);
  }
});

test('missing, unknown, duplicated and oversized files are refused beside their document', async () => {
  const missing = await refusal(submit({ files: [] }));
  assert.ok(missing.fields.some((f) => f.field === 'files.doc1'));
  const unknown = await refusal(submit({ files: [{ docKey: 'doc1', filename: 'a.pdf', content: TINY.pdf }, { docKey: 'doc9', filename: 'b.pdf', content: TINY.pdf }] }));
  assert.ok(unknown.fields.some((f) => f.field === 'files.doc9'));
  const twice = await refusal(submit({ files: [{ docKey: 'doc1', filename: 'a.pdf', content: TINY.pdf }, { docKey: 'doc1', filename: 'b.pdf', content: TINY.pdf }] }));
  assert.ok(twice.fields.some((f) => f.field === 'files.doc1'));
  const limits = attachmentLimits(app.platform);
  configureAttachments(app.platform, { limits: { ...limits, maxFileBytes: 2048, maxTotalBytes: 3072 } });
  try {
    const big = Buffer.concat([TINY.pdf, Buffer.alloc(2048)]);
    const e = await refusal(submit({ files: [{ docKey: 'doc1', filename: 'lon.pdf', content: big }] }));
    const f = e.fields.find((x) => x.field === 'files.doc1');
    assert.equal(f?.message.vi, 'Tệp “lon.pdf” của thành phần “Tờ khai đề nghị cấp giấy xác nhận” lớn hơn 2 KB.');
    assert.match(f?.message.en ?? '', /is larger than 2 KB/);
    const half = Buffer.concat([TINY.pdf, Buffer.alloc(1500)]);
    const total = await refusal(submit({ files: [{ docKey: 'doc1', filename: 'a.pdf', content: half }, { docKey: 'doc2', filename: 'b.pdf', content: half }] }));
    assert.match(total.fields.map((x) => x.message.en).join(' '), /together are larger than 3 KB/);
  } finally {
    configureAttachments(app.platform, { limits });
  }
});

test('every problem of the form is reported at once, and nothing is saved', async () => {
  const before = await count('dossiers');
  const e = await refusal(submit({ form: { applicant: { fullName: '', personalId: '123' } }, files: [], agencyCode: '000.99.99.H26' }));
  const fields = e.fields.map((f) => f.field);
  for (const f of ['agency', 'applicant.fullName', 'applicant.personalId', 'files.doc1']) assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
  assert.equal(await count('dossiers'), before);
});

test('only a signed-in citizen submits on the portal; staff only through the API', async () => {
  await assert.rejects(submitDossier(app.platform, null, input(), { via: 'web' }), /UNAUTHENTICATED/);
  const staff: SessionUser = { ...hoa.user, kind: 'staff', roles: ['one_stop_officer'] };
  await assert.rejects(submitDossier(app.platform, staff, input(), { via: 'web' }), /FORBIDDEN/);
});
