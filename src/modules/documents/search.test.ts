// The registry's search reads the text inside attached PDFs (migration 0036, files_text), accents folded: a phrase
// only in the PDF is found typed without accents, by the agency's staff and not by another agency's; a draft's
// attachments count too; an image (a scan) adds no text and no OCR is attempted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { qrPng } from '../../platform/pdf/index.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { checkFiles } from './files.ts';
import { registerIncoming } from './incoming.ts';
import type { IncomingData, OutgoingData } from './input.ts';
import { createDraft, updateDraft } from './outgoing.ts';
import { searchDocuments } from './queries.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { OTHER_WARD, Role, smallPdf, staff, WARD } from './testing.ts';

let app: TestApp;
type User = Awaited<ReturnType<typeof staff>>['user'];
let clerk: User, specialist: User, otherClerk: User;

const incoming: IncomingData = {
  typeCode: 'CV',
  author: 'Ban Quản lý dự án đầu tư xây dựng',
  authorCode: null,
  number: 77,
  notation: 'BQLDA-KH',
  documentDate: '2026-05-04',
  summary: 'V/v phối hợp thực hiện dự án',
  signerName: 'Trần Văn Minh',
  urgency: 'normal',
  secrecy: 'normal',
  pageCount: 1,
  dueDate: null,
};

const draft: OutgoingData = {
  typeCode: 'CV',
  series: 'admin',
  summary: 'V/v báo cáo tiến độ',
  body: 'Kính gửi Ban Quản lý dự án.',
  draftingUnit: 'VP',
  signerName: '',
  signerPosition: 'Chủ tịch',
  signerCompetence: '',
  urgency: 'normal',
  secrecy: 'normal',
  copies: 1,
  recipients: 'Ban Quản lý dự án',
  internal: [],
  readers: [],
  replyTo: null,
};

const PHRASE = 'Đề nghị phường phối hợp giải phóng mặt bằng tuyến đường Vành đai 4 đoạn qua khu dân cư số 3.';

before(async () => {
  app = await testApp();
  ({ user: clerk } = await staff(app, 'vt.search', [Role.registryClerk], WARD));
  ({ user: specialist } = await staff(app, 'cv.search', [Role.specialist], WARD));
  ({ user: otherClerk } = await staff(app, 'vt.search.other', [Role.registryClerk], OTHER_WARD));
});
after(async () => app.close());

test('a phrase only inside the attached PDF finds the incoming document, typed without accents, within the agency only', async () => {
  const scan = await qrPng('ảnh quét, không có chữ');
  const files = checkFiles(
    [
      { name: 'cv77.pdf', content: await smallPdf(PHRASE) },
      { name: 'scan.png', content: scan },
    ],
    'files',
  );
  const doc = await registerIncoming(app.platform, clerk, incoming, files, { ip: null, now: new Date('2026-05-05T02:00:00Z'), checkSignatures: null });
  const metadata = [doc.summary, doc.author, doc.notation, doc.signer_name, doc.body].join(' ').toLowerCase();
  assert.ok(!metadata.includes('giải phóng') && !metadata.includes('vành đai'));

  const stored = await documentsRepo.find(documentsDb(app.database.db), doc.id);
  assert.ok(stored!.files_text.includes('giải phóng mặt bằng tuyến đường Vành đai 4'), stored!.files_text);
  assert.ok(!stored!.files_text.includes('ảnh quét'));

  // The last word may be one still being typed ("…mặt bằ"): it is widened to a prefix when whole words find too few.
  for (const q of ['giai phong mat bang', 'GIAI PHONG MAT BANG tuyen duong vanh dai', 'giải phóng mặt bằng', 'vanh dai 4 khu dan cu', 'giải phóng mặt bằ']) {
    const found = await searchDocuments(app.platform, clerk, q);
    assert.deepEqual(
      found.map((d) => d.id),
      [doc.id],
      q,
    );
  }
  assert.deepEqual(await searchDocuments(app.platform, otherClerk, 'giai phong mat bang'), []);
  // Words of the metadata still count, and words in neither find nothing.
  assert.deepEqual((await searchDocuments(app.platform, clerk, 'phoi hop thuc hien du an')).map((d) => d.id), [doc.id]);
  assert.deepEqual(await searchDocuments(app.platform, clerk, 'giai phong mat bang cao toc'), []);
});

test("a draft's attachments are searchable, their text added to as files are added, up to 200,000 characters", async () => {
  const now = new Date('2026-05-06T02:00:00Z');
  const d = await createDraft(app.platform, specialist, draft, checkFiles([{ name: 'phuluc.pdf', content: await smallPdf('Phụ lục: danh sách hộ dân bị ảnh hưởng') }], 'files'), null, now);
  assert.deepEqual((await searchDocuments(app.platform, specialist, 'danh sach ho dan bi anh huong')).map((x) => x.id), [d.id]);
  await updateDraft(app.platform, specialist, d.id, d.version, draft, checkFiles([{ name: 'bando.pdf', content: await smallPdf('Bản đồ hiện trạng khu tái định cư') }], 'files'), null, now);
  assert.deepEqual((await searchDocuments(app.platform, specialist, 'ban do tai dinh cu ho dan')).map((x) => x.id), [d.id]);
  assert.deepEqual(await searchDocuments(app.platform, otherClerk, 'tai dinh cu'), []);

  const db = documentsDb(app.database.db);
  await documentsRepo.appendFilesText(db, d.id, 'x'.repeat(250_000));
  const row = await documentsRepo.find(db, d.id);
  assert.equal(row!.files_text.length, 200_000);
  assert.ok(row!.files_text.startsWith('Phụ lục: danh sách hộ dân'));
});
