// Work files through the services and the pages: opening a file (the code unique in the agency, a specialist refused),
// documents added by id, number/notation or arrival number (another agency's refused as not found, a closed file
// refuses), the index in date order with confidential documents left out for those not named, and the exports: the
// PDF's text holds the title and the documents' numbers, the XML parses and holds the file's code and them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { listAudit } from '../../platform/audit/index.ts';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { registerIncoming } from './incoming.ts';
import type { IncomingData } from './input.ts';
import { pdfText } from './print/test-helpers.ts';
import type { DocumentRow } from './repo.ts';
import { OTHER_WARD, Role, staff, WARD } from './testing.ts';
import {
  addDocument,
  closeWorkFile,
  createWorkFile,
  listWorkFiles,
  removeDocument,
  updateWorkFile,
  type WorkFileValues,
  workFileIndex,
} from './workfiles.ts';
import { addDocumentByReference, findDocumentByReference } from './workfiles-reference.ts';

let app: TestApp;
type User = Awaited<ReturnType<typeof staff>>['user'];
let clerk: User, leader: User, specialist: User, otherClerk: User;
let clerkClient: TestClient;
let docA: DocumentRow, docB: DocumentRow, secret: DocumentRow, foreign: DocumentRow;

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

const values = (over: Partial<WorkFileValues> = {}): WorkFileValues => ({
  code: '2026.VP.01',
  title: 'Hồ sơ rà soát thủ tục hành chính lĩnh vực hộ tịch năm 2026',
  retention: '10',
  openedOn: '2026-03-01',
  keeper: String(clerk.id),
  notes: '',
  ...over,
});

const register = (u: User, d: IncomingData, now: string) => registerIncoming(app.platform, u, d, [], { ip: null, now: new Date(now), checkSignatures: null });

before(async () => {
  app = await testApp();
  ({ user: clerk, client: clerkClient } = await staff(app, 'vt.hs', [Role.registryClerk], WARD));
  ({ user: leader } = await staff(app, 'ld.hs', [Role.leader], WARD));
  ({ user: specialist } = await staff(app, 'cv.hs', [Role.specialist], WARD));
  ({ user: otherClerk } = await staff(app, 'vt.hs.other', [Role.registryClerk], OTHER_WARD));
  // B is dated before A: the index lists it first.
  docA = await register(clerk, incoming(), '2026-03-03T02:00:00Z');
  docB = await register(clerk, incoming({ number: 40, notation: 'SNV-CCVC', author: 'Sở Nội vụ', documentDate: '2026-02-20', summary: 'V/v báo cáo cải cách hành chính quý I', pageCount: 3 }), '2026-03-03T03:00:00Z');
  secret = await register(clerk, incoming({ number: 7, notation: 'CAP-PV01', author: 'Công an phường', summary: 'V/v tình hình an ninh', secrecy: 'confidential' }), '2026-03-04T02:00:00Z');
  foreign = await register(otherClerk, incoming({ number: 126 }), '2026-03-03T02:00:00Z');
});
after(async () => app.close());

test('services: open a file, a code taken refused, a specialist refused, the fields checked together', async () => {
  const w = await createWorkFile(app.platform, clerk, values(), '127.0.0.1');
  assert.equal(w.code, '2026.VP.01');
  assert.equal(w.retention, '10');
  assert.equal(w.keeper_id, clerk.id);
  assert.equal(w.closed_on, null);
  const audit = await listAudit(app.database.db, { entity: 'work_file', entityId: String(w.id) });
  assert.deepEqual(
    audit.map((r) => r.action),
    ['workfile.created'],
  );

  // The same code (whatever its case) in the same agency: a field error; another agency may use it.
  await assert.rejects(createWorkFile(app.platform, leader, values({ code: '2026.vp.01', title: 'Khác' }), null), (e: { code: string; fields: { field: string }[] }) => e.code === 'INVALID' && e.fields.some((x) => x.field === 'code'));
  await createWorkFile(app.platform, otherClerk, values({ keeper: String(otherClerk.id) }), null);
  // Two at once with a new code: the unique index lets one through, the other gets the same field error.
  const race = await Promise.allSettled([1, 2].map((n) => createWorkFile(app.platform, clerk, values({ code: 'RACE.1', title: `Cùng lúc ${n}` }), null)));
  assert.equal(race.filter((r) => r.status === 'fulfilled').length, 1);
  const lost = race.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason as { code: string; fields: { field: string }[] };
  assert.equal(lost.code, 'INVALID');
  assert.equal(lost.fields[0]!.field, 'code');
  await assert.rejects(createWorkFile(app.platform, specialist, values({ code: 'CV.01' }), null), { code: 'NOT_ALLOWED' });

  // Retention, dates and the keeper (another agency's staff) refused at once.
  await assert.rejects(createWorkFile(app.platform, clerk, values({ code: '2026.VP.02', retention: '71', openedOn: '2026-02-30', keeper: String(otherClerk.id), title: '' }), null), (e: { fields: { field: string }[] }) => {
    assert.deepEqual(e.fields.map((x) => x.field).sort(), ['keeper', 'openedOn', 'retention', 'title']);
    return true;
  });
  const perm = await createWorkFile(app.platform, leader, values({ code: '2026.VP.03', retention: 'permanent', keeper: String(specialist.id) }), null);
  assert.equal(perm.retention, 'permanent');

  const edited = await updateWorkFile(app.platform, leader, perm.id, values({ code: '2026.VP.03', title: 'Hồ sơ đã sửa tiêu đề', retention: '20', keeper: String(specialist.id) }), null);
  assert.equal(edited.title, 'Hồ sơ đã sửa tiêu đề');
  await assert.rejects(updateWorkFile(app.platform, leader, perm.id, values({ code: '2026.VP.01' }), null), (e: { code: string; fields: { field: string }[] }) => e.code === 'INVALID' && e.fields[0]!.field === 'code');
  await assert.rejects(updateWorkFile(app.platform, specialist, perm.id, values({ code: '2026.VP.03' }), null), { code: 'NOT_ALLOWED' });
  await assert.rejects(updateWorkFile(app.platform, otherClerk, perm.id, values({ code: '2026.VP.03' }), null), { code: 'NOT_FOUND' });

  // The list searches the code and the title, accents or not.
  assert.deepEqual(
    (await listWorkFiles(app.platform, specialist, { query: 'ho tich' })).map((r) => r.id),
    [w.id],
  );
  assert.equal((await listWorkFiles(app.platform, clerk, { query: 'vp.03' }))[0]!.id, perm.id);
  assert.ok((await listWorkFiles(app.platform, clerk)).every((r) => r.agency_id === clerk.agencyId));
});

test('services: documents added and removed; another agency’s not found; the index in date order; a closed file refuses', async () => {
  const w = await createWorkFile(app.platform, clerk, values({ code: 'HS.DOCS', title: 'Hồ sơ văn bản thử', keeper: String(specialist.id) }), null);
  await addDocument(app.platform, clerk, w.id, docA.id, null);
  await assert.rejects(addDocument(app.platform, clerk, w.id, docA.id, null), (e: { code: string; fields: { field: string }[] }) => e.code === 'INVALID' && e.fields[0]!.field === 'document');
  await assert.rejects(addDocument(app.platform, clerk, w.id, foreign.id, null), { code: 'NOT_FOUND' });
  await assert.rejects(addDocument(app.platform, clerk, w.id, 99_999_999, null), { code: 'NOT_FOUND' });
  await assert.rejects(addDocument(app.platform, otherClerk, w.id, foreign.id, null), { code: 'NOT_FOUND' });
  await assert.rejects(addDocument(app.platform, leader, w.id, secret.id, null), { code: 'NOT_FOUND' });

  // By number and notation, and by arrival number.
  assert.equal(await findDocumentByReference(app.platform, clerk, '40/SNV-CCVC'), docB.id);
  assert.equal(await findDocumentByReference(app.platform, clerk, `đến ${docB.arrival_number}/2026`), docB.id);
  assert.equal(await findDocumentByReference(app.platform, clerk, ` #${docA.id} `), docA.id);
  await assert.rejects(findDocumentByReference(app.platform, clerk, '126/STP-VP'), { code: 'NOT_FOUND' });
  await assert.rejects(findDocumentByReference(app.platform, clerk, 'hồ sơ'), { code: 'INVALID' });
  await addDocumentByReference(app.platform, clerk, w.id, '40/snv-ccvc', null);
  await addDocument(app.platform, clerk, w.id, secret.id, null);

  const index = await workFileIndex(app.platform, clerk, w.id);
  assert.deepEqual(
    index.documents.map((d) => d.id),
    [docB.id, docA.id, secret.id],
  );
  assert.equal(index.withheld, 0);
  // The keeper (a specialist) sees the file, not the confidential document nor the ones not assigned to them.
  const theirs = await workFileIndex(app.platform, specialist, w.id);
  assert.equal(theirs.withheld, 3);
  assert.deepEqual(theirs.rights, { edit: false, file: true });

  await removeDocument(app.platform, specialist, w.id, docA.id, null).then(
    () => assert.fail('a document they may not see'),
    (e: { code: string }) => assert.equal(e.code, 'NOT_FOUND'),
  );
  await removeDocument(app.platform, clerk, w.id, secret.id, null);
  await assert.rejects(removeDocument(app.platform, clerk, w.id, secret.id, null), { code: 'NOT_FOUND' });

  await assert.rejects(closeWorkFile(app.platform, clerk, w.id, '2026-02-01', null), (e: { fields: { field: string }[] }) => e.fields[0]!.field === 'closedOn');
  const closed = await closeWorkFile(app.platform, specialist, w.id, '2026-03-20', null);
  assert.equal(closed.closed_on, '2026-03-20');
  await assert.rejects(addDocument(app.platform, clerk, w.id, secret.id, null), { code: 'CLOSED' });
  await assert.rejects(removeDocument(app.platform, clerk, w.id, docA.id, null), { code: 'CLOSED' });
  await assert.rejects(closeWorkFile(app.platform, clerk, w.id, '2026-03-21', null), { code: 'CLOSED' });
  await assert.rejects(updateWorkFile(app.platform, clerk, w.id, values({ code: 'HS.DOCS' }), null), { code: 'CLOSED' });
  const audit = await listAudit(app.database.db, { entity: 'work_file', entityId: String(w.id) });
  assert.deepEqual(new Set(audit.map((r) => r.action)), new Set(['workfile.created', 'workfile.document_added', 'workfile.document_removed', 'workfile.closed']));
});

test('pages: the list, a file opened by the form, a document added by its number, the PDF and the XML', async () => {
  const c = clerkClient;
  const list = await c.get('/van-ban/ho-so');
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['cache-control'], 'private, no-store');
  assert.match(list.body, /Hồ sơ công việc/);
  assert.match(list.body, /class="cards-on-phone"/);
  assert.match(list.body, /<option value="permanent"/);

  const fields = { code: 'WEB.01', title: 'Hồ sơ mở qua trang <web> & thử', retention: '5', openedOn: '2026-03-01', keeper: String(clerk.id), notes: '' };
  const created = await c.submit('/van-ban/ho-so', fields);
  assert.equal(created.statusCode, 303);
  const url = String(created.headers.location);
  assert.match(url, /^\/van-ban\/ho-so\/\d+$/);

  // The same code again: the form comes back with what was typed and the error beside the code.
  const again = await c.submit('/van-ban/ho-so', { ...fields, title: 'Tiêu đề gõ lại' });
  assert.equal(again.statusCode, 400);
  assert.match(again.body, /value="Tiêu đề gõ lại"/);
  assert.match(again.body, /id="code-error"[^>]*>Cơ quan đã có hồ sơ mang mã này/);

  const page = await c.get(url);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'private, no-store');
  assert.match(page.body, /Hồ sơ mở qua trang &lt;web&gt; &amp; thử/);

  const bad = await c.submit(url, { document: '999/KHONG-CO' }, `${url}/them-van-ban`);
  assert.equal(bad.statusCode, 404);
  assert.match(bad.body, /value="999\/KHONG-CO"/);
  assert.match(bad.body, /id="document-error"/);

  const added = await c.submit(url, { document: '125/STP-VP' }, `${url}/them-van-ban`);
  assert.equal(added.statusCode, 303);
  const withDoc = await c.get(url);
  assert.match(withDoc.body, /125\/STP-VP/);
  assert.match(withDoc.body, new RegExp(`href="/van-ban/${docA.id}"`));
  assert.match(withDoc.body, /data-label="Trích yếu"/);

  const pdf = await c.get(`${url}.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['cache-control'], 'private, no-store');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfText(pdf.rawPayload);
  assert.match(text, /Hồ sơ mở qua trang <web> & thử/);
  assert.match(text, /MỤC LỤC VĂN BẢN/);
  assert.match(text, /125\/STP-VP/);

  const xml = await c.get(`${url}.xml`);
  assert.equal(xml.statusCode, 200);
  assert.match(String(xml.headers['content-type']), /^application\/xml; charset=utf-8/);
  const parsed = new XMLParser({ parseTagValue: false }).parse(xml.body) as { WorkFile: { FileCode: string; Title: string; Documents: { Document: { NumberNotation: string; ArrivalNumber: string; Direction: string } } } };
  assert.equal(parsed.WorkFile.FileCode, 'WEB.01');
  assert.equal(parsed.WorkFile.Title, 'Hồ sơ mở qua trang <web> & thử');
  assert.equal(parsed.WorkFile.Documents.Document.NumberNotation, '125/STP-VP');
  assert.equal(parsed.WorkFile.Documents.Document.Direction, 'in');
  assert.equal(parsed.WorkFile.Documents.Document.ArrivalNumber, String(docA.arrival_number));

  const removed = await c.submit(url, { documentId: String(docA.id) }, `${url}/bo-van-ban`);
  assert.equal(removed.statusCode, 303);
  assert.doesNotMatch((await c.get(url)).body, /125\/STP-VP/);

  const early = await c.submit(url, { closedOn: '2026-01-01' }, `${url}/ket-thuc`);
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /value="2026-01-01"/);
  const closed = await c.submit(url, { closedOn: '2026-03-31' }, `${url}/ket-thuc`);
  assert.equal(closed.statusCode, 303);
  const closedPage = await c.get(url);
  assert.match(closedPage.body, /Đã kết thúc/);
  assert.doesNotMatch(closedPage.body, /them-van-ban/);

  // Another agency's clerk: the same 404 as for a file that does not exist.
  const { client: other } = await staff(app, 'vt.hs.other2', [Role.registryClerk], OTHER_WARD);
  assert.equal((await other.get(url)).statusCode, 404);
  assert.equal((await other.get(`${url}.xml`)).statusCode, 404);
  assert.equal((await c.get('/van-ban/ho-so/abc')).statusCode, 404);
});
