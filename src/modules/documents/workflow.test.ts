// The registry's chain through the services on the real database: an incoming document registered with the next
// arrival number (a duplicate refused), assigned by a leader with a working-day deadline to the agency's staff only,
// acknowledged and closed; an outgoing answer drafted, approved, numbered and issued, delivered to another agency's
// incoming book, then recalled there too; numbers gap-free under concurrency; access per role and confidentiality.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listAudit } from '../../platform/audit/index.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { checkFiles } from './files.ts';
import { acknowledgeIncoming, assignIncoming, registerIncoming, reportProgress } from './incoming.ts';
import { type IncomingData, type OutgoingData } from './input.ts';
import { cancelNumber, createDraft, issueDocument, recallDocument, reviewStep } from './outgoing.ts';
import { documentInbox, incomingRegister, outgoingRegister, searchDocuments } from './queries.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { OTHER_WARD, Role, smallPdf, staff, WARD } from './testing.ts';
import { documentForUser } from './access.ts';

let app: TestApp;
type User = Awaited<ReturnType<typeof staff>>['user'];
let clerk: User, leader: User, specialist: User, otherSpecialist: User, outsider: User, otherClerk: User;

const incoming = (over: Partial<IncomingData> = {}): IncomingData => ({
  typeCode: 'CV',
  author: 'Sở Tư pháp',
  authorCode: '000.00.03.H26',
  number: 125,
  notation: 'STP-VP',
  documentDate: '2026-03-02',
  summary: 'V/v rà soát thủ tục hành chính lĩnh vực hộ tịch',
  signerName: 'Bùi Văn Khải',
  urgency: 'normal',
  secrecy: 'normal',
  pageCount: 2,
  dueDate: null,
  ...over,
});

const outgoing = (over: Partial<OutgoingData> = {}): OutgoingData => ({
  typeCode: 'CV',
  series: 'admin',
  summary: 'V/v báo cáo kết quả rà soát thủ tục hộ tịch',
  body: 'Ủy ban nhân dân phường báo cáo kết quả rà soát như sau.',
  draftingUnit: 'VP',
  signerName: '',
  signerPosition: 'Chủ tịch',
  signerCompetence: '',
  urgency: 'normal',
  secrecy: 'normal',
  copies: 2,
  recipients: 'Sở Tư pháp',
  internal: [],
  readers: [],
  replyTo: null,
  ...over,
});

const noSign = { ip: '127.0.0.1', checkSignatures: null, publish: async () => async () => null };

before(async () => {
  app = await testApp();
  ({ user: clerk } = await staff(app, 'vt.wf', [Role.registryClerk], WARD));
  ({ user: leader } = await staff(app, 'ld.wf', [Role.leader], WARD));
  ({ user: specialist } = await staff(app, 'cv.wf', [Role.specialist], WARD));
  ({ user: otherSpecialist } = await staff(app, 'cv2.wf', [Role.specialist], WARD));
  ({ user: outsider } = await staff(app, 'cv.other', [Role.specialist], OTHER_WARD));
  ({ user: otherClerk } = await staff(app, 'vt.other', [Role.registryClerk], OTHER_WARD));
});
after(async () => app.close());

test('incoming: arrival numbers in order, a duplicate refused, assignment to insiders with a working-day deadline, closed by the lead', async () => {
  const files = checkFiles([{ name: 'cv125.pdf', content: await smallPdf() }], 'files');
  const now = new Date('2026-03-03T02:00:00Z');
  const a = await registerIncoming(app.platform, clerk, incoming(), files, { ip: null, now, checkSignatures: null });
  const b = await registerIncoming(app.platform, clerk, incoming({ number: 126, summary: 'V/v khác' }), [], { ip: null, now, checkSignatures: null });
  assert.equal(b.arrival_number, a.arrival_number! + 1);
  assert.equal(a.arrived_on, '2026-03-03');
  await assert.rejects(registerIncoming(app.platform, clerk, incoming({ author: 'sở tư pháp' }), [], { ip: null, now, checkSignatures: null }), { code: 'DUPLICATE' });
  await assert.rejects(registerIncoming(app.platform, specialist, incoming({ number: 999 }), [], { ip: null, now, checkSignatures: null }), { code: 'NOT_ALLOWED' });

  // Only the agency's own staff; the specialist of another ward is refused and nothing changes.
  await assert.rejects(assignIncoming(app.platform, leader, a.id, a.version, { lead: outsider.id, co: [], info: [], instruction: 'x', deadlineDays: 5 }, null, now), (e: { code: string; fields: { field: string }[] }) => e.code === 'INVALID' && e.fields[0]!.field === 'lead');
  assert.equal((await documentsRepo.find(documentsDb(app.database.db), a.id))!.state, 'registered');
  await assert.rejects(assignIncoming(app.platform, clerk, a.id, a.version, { lead: specialist.id, co: [], info: [], instruction: '', deadlineDays: 5 }, null, now), { code: 'NOT_ALLOWED' });

  // Friday 6 Feb 2026 + 5 working days skips Tết (16–20 Feb 2026 holidays) only if inside; here from 3 Mar: 10 Mar.
  const assigned = await assignIncoming(app.platform, leader, a.id, a.version, { lead: specialist.id, co: [otherSpecialist.id], info: [], instruction: 'Đồng chí Châu chủ trì, báo cáo trước hạn.', deadlineDays: 5 }, null, now);
  assert.equal(assigned.state, 'assigned');
  assert.equal(assigned.handling_deadline, '2026-03-10');
  await assert.rejects(assignIncoming(app.platform, leader, a.id, a.version, { lead: specialist.id, co: [], info: [], instruction: '', deadlineDays: 5 }, null, now), { code: 'STALE' });

  const inbox = await documentInbox(app.platform, specialist, now);
  assert.ok(inbox.lists.find((l) => l.key === 'mine')!.rows.some((r) => r.id === a.id));
  // The specialist not assigned does not see b (registered, not assigned); the co-handler sees a.
  await assert.rejects(documentForUser(documentsDb(app.database.db), specialist, b.id), { code: 'NOT_FOUND' });
  await documentForUser(documentsDb(app.database.db), otherSpecialist, a.id);
  await assert.rejects(documentForUser(documentsDb(app.database.db), outsider, a.id), { code: 'NOT_FOUND' });

  const handling = await acknowledgeIncoming(app.platform, specialist, a.id, assigned.version, null, now);
  assert.equal(handling.state, 'handling');
  await assert.rejects(reportProgress(app.platform, otherSpecialist, a.id, handling.version, 'Xong', true, null, now), { code: 'NOT_ALLOWED' });
  const done = await reportProgress(app.platform, specialist, a.id, handling.version, 'Đã trả lời bằng công văn.', true, null, now);
  assert.equal(done.state, 'done');
  const audit = await listAudit(app.database.db, { entity: 'document', entityId: String(a.id) });
  assert.deepEqual(new Set(audit.map((r) => r.action)), new Set(['document.registered', 'document.assigned', 'document.acknowledged', 'document.done']));
  const reg = await incomingRegister(app.platform, clerk, { from: '2026-03-01', to: '2026-03-31' });
  assert.deepEqual(reg.map((r) => r.arrival_number), [a.arrival_number, b.arrival_number]);
});

test('outgoing: draft → review → approved → numbered and issued; delivered to another ward; recall freezes both copies', async () => {
  const now = new Date('2026-03-05T03:00:00Z');
  const otherWardCode = OTHER_WARD;
  const draft = await createDraft(app.platform, specialist, outgoing({ internal: [otherWardCode] }), [], null, now);
  await assert.rejects(reviewStep(app.platform, specialist, draft.id, draft.version, 'approve', '', null, now), { code: 'WRONG_STATE' });
  const review = await reviewStep(app.platform, specialist, draft.id, draft.version, 'submit', '', null, now);
  await assert.rejects(reviewStep(app.platform, specialist, draft.id, review.version, 'approve', '', null, now), { code: 'NOT_ALLOWED' });
  await assert.rejects(reviewStep(app.platform, leader, draft.id, review.version, 'return', '  ', null, now), { code: 'INVALID' });
  const approved = await reviewStep(app.platform, leader, draft.id, review.version, 'approve', '', null, now);
  assert.equal(approved.signer_name, leader.displayName);
  await assert.rejects(issueDocument(app.platform, specialist, draft.id, approved.version, noSign), { code: 'NOT_ALLOWED' });
  const issued = await issueDocument(app.platform, clerk, draft.id, approved.version, { ...noSign, now });
  assert.equal(issued.state, 'issued');
  assert.equal(issued.notation, 'UBND-VP');
  assert.equal(issued.document_date, '2026-03-05');
  const db = documentsDb(app.database.db);
  const copy = await db.selectFrom('documents').selectAll().where('source_id', '=', issued.id).executeTakeFirstOrThrow();
  assert.equal(copy.direction, 'in');
  assert.equal(copy.state, 'registered');
  assert.equal(copy.number, issued.number);
  assert.equal(copy.author_code, '000.04.51.H26');
  // The other ward's clerk sees it in the incoming book; the sending ward's specialist can see the issued letter.
  const theirs = await incomingRegister(app.platform, otherClerk, { from: '2026-03-01', to: '2026-03-31' });
  assert.ok(theirs.some((r) => r.id === copy.id));
  await assert.rejects(reviewStep(app.platform, leader, issued.id, issued.version, 'return', 'sửa', null, now), { code: 'FROZEN' });

  const recalled = await recallDocument(app.platform, leader, issued.id, issued.version, 'Ban hành nhầm phụ lục', null, now);
  assert.equal(recalled.state, 'recalled');
  const copyAfter = await documentsRepo.find(db, copy.id);
  assert.equal(copyAfter!.state, 'recalled');
  assert.equal(copyAfter!.recall_reason, 'Ban hành nhầm phụ lục');
  await assert.rejects(recallDocument(app.platform, leader, issued.id, recalled.version, 'lần nữa', null, now), { code: 'FROZEN' });
});

test('numbers: 20 issues at once get 20 distinct consecutive numbers; a cancelled number stays taken', async () => {
  const now = new Date('2026-04-01T03:00:00Z');
  const ready = [];
  for (let i = 0; i < 20; i++) {
    const d = await createDraft(app.platform, specialist, outgoing({ typeCode: 'TB', summary: `Thông báo số ${i}`, internal: [] }), [], null, now);
    const r = await reviewStep(app.platform, specialist, d.id, d.version, 'submit', '', null, now);
    ready.push(await reviewStep(app.platform, leader, d.id, r.version, 'approve', '', null, now));
  }
  const issued = await Promise.all(ready.map((d) => issueDocument(app.platform, clerk, d.id, d.version, { ...noSign, now })));
  const numbers = issued.map((d) => d.number!).sort((a, b) => a - b);
  assert.equal(new Set(numbers).size, 20);
  assert.equal(numbers[19]! - numbers[0]!, 19);
  assert.ok(issued.every((d) => d.notation === 'TB-UBND'));
  const first = issued.find((d) => d.number === numbers[0])!;
  await cancelNumber(app.platform, clerk, first.id, first.version, 'Sai thể thức', null, now);
  const reg = await outgoingRegister(app.platform, clerk, { from: '2026-01-01', to: '2026-12-31' });
  assert.ok(reg.some((r) => r.id === first.id && r.state === 'cancelled'));
  // The next issue continues after the last, never reusing the cancelled one.
  const d = await createDraft(app.platform, specialist, outgoing({ typeCode: 'TB', summary: 'Thông báo tiếp', internal: [] }), [], null, now);
  const r = await reviewStep(app.platform, specialist, d.id, d.version, 'submit', '', null, now);
  const ap = await reviewStep(app.platform, leader, d.id, r.version, 'approve', '', null, now);
  const next = await issueDocument(app.platform, clerk, d.id, ap.version, { ...noSign, now });
  assert.equal(next.number, numbers[19]! + 1);
});

test('confidential: only the named people; search is accent-insensitive and bounded by access', async () => {
  const now = new Date('2026-04-02T03:00:00Z');
  const secret = await createDraft(app.platform, specialist, outgoing({ summary: 'V/v nhân sự quy hoạch', secrecy: 'confidential', readers: [otherSpecialist.id, outsider.id] }), [], null, now);
  await documentForUser(documentsDb(app.database.db), otherSpecialist, secret.id);
  // Not named: the leader of the agency does not see it; the outsider named from another agency is dropped.
  await assert.rejects(documentForUser(documentsDb(app.database.db), leader, secret.id), { code: 'NOT_FOUND' });
  assert.deepEqual(await documentsRepo.readers(documentsDb(app.database.db), secret.id), [otherSpecialist.id]);
  const found = await searchDocuments(app.platform, clerk, 'ra soat ho tich');
  assert.ok(found.length >= 1 && found.every((d) => /rà soát/i.test(d.summary)));
  assert.equal((await searchDocuments(app.platform, leader, 'quy hoach')).length, 0);
  assert.equal((await searchDocuments(app.platform, otherSpecialist, 'quy hoach')).length, 1);
});
