// The work file with its documents as one PDF: after the cover and the index, each document behind its separator
// page, in the index's order — an incoming document's PDF and image, an issued document's signed PDF then its
// attachment; the index and the separators give the pages where they start; a damaged or encrypted PDF becomes a
// page saying so and the export carries on; a confidential document stays out for those who may not see it; the
// export is audited and bounded in pages and bytes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import PDFKit from 'pdfkit';
import { listAudit } from '../../platform/audit/index.ts';
import { pdfToBuffer, qrPng } from '../../platform/pdf/index.ts';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { checkFiles } from './files.ts';
import { registerIncoming } from './incoming.ts';
import type { IncomingData } from './input.ts';
import { createDraft, issueDocument, reviewStep } from './outgoing.ts';
import { pdfPages, pdfText } from './print/test-helpers.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { checkSignatures, documentPublisher } from './signing.ts';
import { OTHER_WARD, Role, smallPdf, staff, WARD } from './testing.ts';
import type { WorkFileExport } from './workfiles-export.ts';
import { BUNDLE_MAX_PAGES, workFileBundlePdf } from './workfiles-pdf.ts';
import { addDocument, createWorkFile, workFileIndex } from './workfiles.ts';

let app: TestApp;
type User = Awaited<ReturnType<typeof staff>>['user'];
let clerk: User, leader: User;
let clerkClient: TestClient, specialistClient: TestClient;
let fileId: number;

const IN_PHRASE = 'Tệp quét công văn đến có cụm từ Kiểm chứng Hoa Sen';
const SECRET_PHRASE = 'Nội dung mật về an ninh Kiểm chứng Bạch Đằng';
const OUT_BODY = 'Ủy ban nhân dân phường đề nghị các tổ dân phố gửi báo cáo rà soát trước ngày 15 tháng 5.';
const ANNEX_PHRASE = 'Phụ lục danh mục thủ tục Kiểm chứng Tràng Tiền';
const BROKEN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nkhông phải PDF thật\n%%EOF\n', 'utf8');

const incoming = (over: Partial<IncomingData> = {}): IncomingData => ({
  typeCode: 'CV',
  author: 'Sở Tư pháp',
  authorCode: '000.00.03.H26',
  number: 211,
  notation: 'STP-HCTP',
  documentDate: '2026-03-02',
  summary: 'V/v rà soát thủ tục hành chính lĩnh vực chứng thực',
  signerName: 'Bùi Văn Khải',
  urgency: 'normal',
  secrecy: 'normal',
  pageCount: 1,
  dueDate: null,
  ...over,
});

const files = async (list: { name: string; content: Buffer }[]) => checkFiles(list, 'files');
const pageCount = async (pdf: Buffer): Promise<number> => (await PDFDocument.load(pdf)).getPageCount();
/** Where a phrase first appears at or after `from`, failing the test when it does not. */
const at = (text: string, phrase: string, from = 0): number => {
  const i = text.indexOf(phrase, from);
  assert.ok(i >= 0, `“${phrase}” after ${from}`);
  return i;
};

before(async () => {
  app = await testApp();
  ({ user: clerk, client: clerkClient } = await staff(app, 'vt.hspdf', [Role.registryClerk], WARD));
  ({ user: leader } = await staff(app, 'ld.hspdf', [Role.leader], WARD));
  ({ client: specialistClient } = await staff(app, 'cv.hspdf', [Role.specialist], WARD));
  const opts = (now: string) => ({ ip: null, now: new Date(now), checkSignatures: null });
  const docIn = await registerIncoming(app.platform, clerk, incoming(), await files([{ name: 'cong-van-den.pdf', content: await smallPdf(IN_PHRASE) }, { name: 'anh-chup.png', content: await qrPng('ảnh chụp') }]), opts('2026-03-03T02:00:00Z'));
  const secret = await registerIncoming(app.platform, clerk, incoming({ number: 9, notation: 'CAP-PV01', author: 'Công an phường', summary: 'V/v tình hình an ninh', secrecy: 'confidential' }), await files([{ name: 'mat.pdf', content: await smallPdf(SECRET_PHRASE) }]), opts('2026-03-04T02:00:00Z'));
  // Outgoing, dated at its issue (May): last in the index. Its annex attached to the draft follows the signed PDF.
  const now = new Date('2026-05-04T02:00:00Z');
  const d = await createDraft(
    app.platform,
    clerk,
    { typeCode: 'CV', series: 'admin', summary: 'V/v báo cáo rà soát thủ tục hành chính', body: OUT_BODY, draftingUnit: 'VP', signerName: 'Phạm Quốc Dũng', signerPosition: 'Chủ tịch', signerCompetence: '', urgency: 'normal', secrecy: 'normal', copies: 2, recipients: 'Các tổ dân phố', internal: [], readers: [], replyTo: null },
    await files([{ name: 'phu-luc.pdf', content: await smallPdf(ANNEX_PHRASE) }]),
    null,
    now,
  );
  const r = await reviewStep(app.platform, clerk, d.id, d.version, 'submit', '', null, now);
  const a = await reviewStep(app.platform, leader, d.id, r.version, 'approve', '', null, now);
  const out = await issueDocument(app.platform, clerk, d.id, a.version, { ip: null, now, publish: documentPublisher(app.platform), checkSignatures });

  const w = await createWorkFile(app.platform, clerk, { code: 'HS.PDF.01', title: 'Hồ sơ rà soát thủ tục hành chính kèm văn bản', retention: '10', openedOn: '2026-03-01', keeper: String(clerk.id), notes: '' }, null);
  fileId = w.id;
  for (const doc of [out, docIn, secret]) await addDocument(app.platform, clerk, w.id, doc.id, null);
});
after(async () => app.close());

test('the PDF holds the cover, the index, then each document behind its separator with its files, in order', async () => {
  const res = await clerkClient.get(`/van-ban/ho-so/${fileId}.pdf`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/pdf');
  const pdf = res.rawPayload;
  const text = pdfText(pdf);

  // Index, then: document 1 (incoming: its PDF, its image), 2 (confidential, the clerk may see it), 3 (outgoing: signed, annex).
  const index = at(text, 'MỤC LỤC VĂN BẢN');
  const sep1 = at(text, 'VĂN BẢN 1/3', index);
  const phrase = at(text, IN_PHRASE, sep1);
  const sep2 = at(text, 'VĂN BẢN 2/3', phrase);
  const secret = at(text, SECRET_PHRASE, sep2);
  const sep3 = at(text, 'VĂN BẢN 3/3', secret);
  const body = at(text, 'đề nghị các tổ dân phố gửi báo cáo rà soát', sep3);
  at(text, ANNEX_PHRASE, body);
  assert.match(text.slice(sep1, phrase), /211\/STP-HCTP.*V\/v rà soát thủ tục hành chính lĩnh vực chứng thực/);
  assert.match(text.slice(sep1, phrase), /cong-van-den\.pdf: 1 trang, trang 4 .*anh-chup\.png: ảnh, trang 5/);

  // Pages: cover, index, then per document its separator and its files' pages (the image one page).
  const db = documentsDb(app.database.db);
  const index3 = await workFileIndex(app.platform, clerk, fileId);
  let expected = 2;
  for (const d of index3.documents) {
    expected += 1;
    for (const f of await documentsRepo.files(db, d.id)) expected += f.mime === 'application/pdf' ? await pageCount((await documentsRepo.file(db, d.id, f.id))!.content) : 1;
  }
  assert.equal(await pageCount(pdf), expected);
  assert.ok(expected >= 9);

  // The index gives each start; the separators are there, numbered as pages of the whole.
  const pages = pdfPages(pdf);
  assert.equal(pages.length, expected);
  assert.match(pages[1]!, /Từ trang/);
  assert.match(pages[2]!, /VĂN BẢN 1\/3/);
  assert.match(pages[2]!, new RegExp(`Trang 3/${expected}`));
  assert.match(pages[3]!, /Kiểm chứng Hoa Sen/);
  assert.match(pages[5]!, /VĂN BẢN 2\/3/);
  assert.match(pages[7]!, /VĂN BẢN 3\/3/);
  const row = (n: string) => pages[1]!.split('\n').find((l) => l.includes(n)) ?? '';
  assert.match(row('211/STP-HCTP'), /\s1\s+3\s+Văn/);
  assert.match(row('9/CAP-PV01'), /\s1\s+6\s+Văn/);
  assert.match(row('/UBND-VP'), /\s8\s+Văn/);

  const audit = await listAudit(app.database.db, { entity: 'work_file', entityId: String(fileId) });
  const exported = audit.find((r) => r.action === 'workfile.exported');
  assert.ok(exported);
  assert.equal((exported.data as { documents: number[] }).documents.length, 3);
});

test('a specialist gets only what they may see (the issued document, not the incoming ones); another agency 404', async () => {
  const res = await specialistClient.get(`/van-ban/ho-so/${fileId}.pdf`);
  assert.equal(res.statusCode, 200);
  const text = pdfText(res.rawPayload);
  assert.doesNotMatch(text, /Hoa Sen|Bạch Đằng|211\/STP-HCTP|CAP-PV01/);
  at(text, ANNEX_PHRASE, at(text, 'VĂN BẢN 1/1', at(text, 'MỤC LỤC VĂN BẢN')));
  // Cover, index, separator, the signed PDF (one page) and the annex.
  assert.equal(await pageCount(res.rawPayload), 5);
  const { client: other } = await staff(app, 'vt.hspdf.other', [Role.registryClerk], OTHER_WARD);
  assert.equal((await other.get(`/van-ban/ho-so/${fileId}.pdf`)).statusCode, 404);
});

/** The export with the file's documents as the clerk sees them, and the files given. */
async function exportOf(): Promise<WorkFileExport> {
  const index = await workFileIndex(app.platform, clerk, fileId);
  return { file: index.file, keeperName: index.keeperName, documents: index.documents.slice(0, 1), agency: { code: WARD, name: 'Ủy ban nhân dân phường' }, printedAt: new Date() };
}

async function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFKit({ userPassword: 'matkhau', ownerPassword: 'chusohuu', size: 'A4' });
  doc.text('Encrypted');
  return pdfToBuffer(doc);
}

test('a damaged or encrypted PDF becomes a page saying so, and the export carries on', async () => {
  const x = await exportOf();
  const good = await smallPdf(IN_PHRASE);
  const pdf = await workFileBundlePdf(x, [
    [
      { name: 'hong.pdf', mime: 'application/pdf', content: BROKEN },
      { name: 'ma-hoa.pdf', mime: 'application/pdf', content: await encryptedPdf() },
      { name: 'tot.pdf', mime: 'application/pdf', content: good },
      { name: 'ghi-chu.txt', mime: 'text/plain', content: Buffer.from('x') },
    ],
  ]);
  // Cover, index, separator, two notices, the good PDF's page; the text file only named.
  assert.equal(await pageCount(pdf), 6);
  const text = pdfText(pdf);
  const n1 = at(text, 'TỆP KHÔNG ĐƯA VÀO ĐƯỢC', at(text, 'VĂN BẢN 1/1'));
  at(text, 'Tệp “hong.pdf”', n1);
  at(text, 'The file “hong.pdf”', n1);
  const n2 = at(text, 'Tệp “ma-hoa.pdf”', n1);
  at(text, IN_PHRASE, n2);
  assert.match(text, /ghi-chu\.txt: không phải PDF hay ảnh/);
  assert.match(text, /hong\.pdf: không đọc được nên không đưa vào \(trang 4\)/);
});

test('a damaged PDF stored through the registry does not stop the route', async () => {
  const doc = await registerIncoming(app.platform, clerk, incoming({ number: 300, notation: 'STP-HONG', documentDate: '2026-03-05' }), await files([{ name: 'hong.pdf', content: BROKEN }]), { ip: null, now: new Date('2026-03-06T02:00:00Z'), checkSignatures: null });
  const w = await createWorkFile(app.platform, clerk, { code: 'HS.PDF.02', title: 'Hồ sơ có tệp hỏng', retention: '5', openedOn: '2026-03-01', keeper: String(clerk.id), notes: '' }, null);
  await addDocument(app.platform, clerk, w.id, doc.id, null);
  const res = await clerkClient.get(`/van-ban/ho-so/${w.id}.pdf`);
  assert.equal(res.statusCode, 200);
  assert.equal(await pageCount(res.rawPayload), 4);
  assert.match(pdfText(res.rawPayload), /300\/STP-HONG.*TỆP KHÔNG ĐƯA VÀO ĐƯỢC.*File not included/);
});

test('above 2,000 pages or 100 MB the export is refused with a message', async () => {
  const x = await exportOf();
  const big = await PDFDocument.create();
  for (let i = 0; i < BUNDLE_MAX_PAGES; i++) big.addPage([100, 100]);
  const many = Buffer.from(await big.save());
  await assert.rejects(workFileBundlePdf(x, [[{ name: 'dai.pdf', mime: 'application/pdf', content: many }]]), (e: { code: string; status: number; text: { vi: string; en: string } }) => {
    assert.equal(e.code, 'TOO_LARGE');
    assert.equal(e.status, 422);
    assert.match(e.text.vi, /2\.000 trang và 100 MB/);
    assert.match(e.text.en, /2,000 pages and 100 MB/);
    return true;
  });
  const huge = Buffer.alloc(101 * 1024 * 1024);
  await assert.rejects(workFileBundlePdf(x, [[{ name: 'lon.pdf', mime: 'application/pdf', content: huge }]]), { code: 'TOO_LARGE' });
});
