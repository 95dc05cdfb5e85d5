// Distribution by e-mail: each address gets a mail with a link of its own to the signed document; the link opens the
// PDF once issued (the sender sees "opened"), answers 410 with the reason after a recall, 404 for a made-up token; a
// bad address or a confidential document with addresses is refused on the draft form's data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { EMPTY_OUTGOING, validateOutgoing } from './input.ts';
import { createDraft, issueDocument, recallDocument, reviewStep } from './outgoing.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { checkSignatures, documentPublisher } from './signing.ts';
import { Role, staff, WARD } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

test('mailed recipients open the signed document by their link until it is recalled', async () => {
  const { user: clerk } = await staff(app, 'vt.mail', [Role.registryClerk], WARD);
  const { user: leader } = await staff(app, 'ld.mail', [Role.leader], WARD);
  const anonymous = app.client();
  const data = validateOutgoing({ ...EMPTY_OUTGOING, summary: 'V/v mời họp giao ban', body: 'Kính mời dự họp.', signerPosition: 'Chủ tịch', emails: 'congty.abc@example.vn\nTruongHoc@Example.vn' });
  assert.deepEqual(data.emails, ['congty.abc@example.vn', 'truonghoc@example.vn']);
  const d = await createDraft(app.platform, clerk, data, [], null);
  const r = await reviewStep(app.platform, clerk, d.id, d.version, 'submit', '', null);
  const a = await reviewStep(app.platform, leader, d.id, r.version, 'approve', '', null);
  const issued = await issueDocument(app.platform, clerk, d.id, a.version, { ip: null, publish: documentPublisher(app.platform), checkSignatures });

  const mails = (await sql<{ to_address: string; body_text: string }>`select to_address, body_text from outbox_mail where to_address in ('congty.abc@example.vn', 'truonghoc@example.vn') order by id`.execute(app.database.db)).rows;
  assert.equal(mails.length, 2);
  const links = mails.map((m) => /\/van-ban\/nhan\/([A-Za-z0-9_-]+)/.exec(m.body_text)?.[1] ?? '');
  assert.notEqual(links[0], links[1]);
  const opened = await anonymous.get(`/van-ban/nhan/${links[0]}`);
  assert.equal(opened.statusCode, 200);
  assert.equal(opened.headers['content-type'], 'application/pdf');
  assert.equal(opened.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const recipients = await documentsRepo.recipients(documentsDb(app.database.db), issued.id);
  assert.deepEqual(recipients.map((x) => x.status).sort(), ['mailed', 'opened']);
  assert.equal((await anonymous.get('/van-ban/nhan/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);

  await recallDocument(app.platform, leader, issued.id, (await documentsRepo.find(documentsDb(app.database.db), issued.id))!.version, 'Đổi lịch họp', null);
  const gone = await anonymous.get(`/van-ban/nhan/${links[1]}`);
  assert.equal(gone.statusCode, 410);
  assert.match(gone.body, /Đổi lịch họp/);
});

test('a bad address, or a confidential document with addresses, is refused on the draft', () => {
  assert.throws(() => validateOutgoing({ ...EMPTY_OUTGOING, summary: 'V/v x', body: 'y', emails: 'khong-phai-thu' }), (e: { fields: { field: string }[] }) => e.fields.some((f) => f.field === 'emails'));
  assert.throws(() => validateOutgoing({ ...EMPTY_OUTGOING, summary: 'V/v x', body: 'y', secrecy: 'confidential', emails: 'a@example.vn' }), (e: { fields: { field: string }[] }) => e.fields.some((f) => f.field === 'emails'));
});
