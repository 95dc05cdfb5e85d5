// Issuing with the agency's certificate: the numbered document is printed (Decree 30 layout), sealed and signed; the
// signature is kept with the file and checks out; tampering is seen; an incoming copy on the platform carries it too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../testing/app.ts';
import { createDraft, issueDocument, reviewStep } from './outgoing.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { checkSignatures, documentPublisher } from './signing.ts';
import { OTHER_WARD, Role, staff, WARD } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

test('an issued letter is a signed PDF with its number; the copy delivered to another ward verifies too', async () => {
  const { user: clerk } = await staff(app, 'vt.sign', [Role.registryClerk], WARD);
  const { user: leader } = await staff(app, 'ld.sign', [Role.leader], WARD);
  const now = new Date('2026-05-04T02:00:00Z');
  const d = await createDraft(
    app.platform,
    clerk,
    {
      typeCode: 'CV',
      series: 'admin',
      summary: 'V/v tổ chức hội nghị tiếp xúc cử tri',
      body: 'Ủy ban nhân dân phường đề nghị các đơn vị phối hợp tổ chức hội nghị.',
      draftingUnit: 'VP',
      signerName: 'Phạm Quốc Dũng',
      signerPosition: 'Chủ tịch',
      signerCompetence: '',
      urgency: 'urgent',
      secrecy: 'normal',
      copies: 3,
      recipients: 'Mặt trận Tổ quốc phường',
      internal: [OTHER_WARD],
      readers: [],
      replyTo: null,
    },
    [],
    null,
    now,
  );
  const r = await reviewStep(app.platform, clerk, d.id, d.version, 'submit', '', null, now);
  const a = await reviewStep(app.platform, leader, d.id, r.version, 'approve', '', null, now);
  const issued = await issueDocument(app.platform, clerk, d.id, a.version, { ip: null, now, publish: documentPublisher(app.platform), checkSignatures });
  const db = documentsDb(app.database.db);
  const files = await documentsRepo.files(db, issued.id);
  const signed = files.find((f) => f.kind === 'signed')!;
  assert.equal(signed.mime, 'application/pdf');
  const checks = signed.signatures as { intact: boolean; coversWholeFile: boolean; organisation: string }[];
  assert.equal(checks.length, 1);
  assert.ok(checks[0]!.intact && checks[0]!.coversWholeFile);
  assert.match(checks[0]!.organisation, /phường/);

  const content = (await documentsRepo.file(db, issued.id, signed.id))!.content;
  const dir = mkdtempSync(join(tmpdir(), 'egov-sign-'));
  writeFileSync(join(dir, 'x.pdf'), content);
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, new RegExp(`${String(issued.number).padStart(2, '0')}/UBND-VP`));
  assert.match(text, /V\/v tổ chức hội nghị tiếp xúc cử tri/);
  assert.match(text, /KHẨN/);

  // Tampered: one byte changed inside the signed range.
  const bad = Buffer.from(content);
  bad[200] = bad[200]! ^ 0xff;
  const after = await checkSignatures(bad);
  assert.equal(after[0]!.intact, false);

  const copy = await db.selectFrom('documents').select('id').where('source_id', '=', issued.id).executeTakeFirstOrThrow();
  const copyFiles = await documentsRepo.files(db, copy.id);
  assert.equal(copyFiles.length, 1);
  assert.equal(copyFiles[0]!.sha256, signed.sha256);
  assert.equal((copyFiles[0]!.signatures as { intact: boolean }[])[0]!.intact, true);
});
