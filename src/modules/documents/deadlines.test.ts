// Reminders before the handling deadline and escalation after it: one each, by mail to the right person, in the
// document's history; nothing for a document already done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { remindAndEscalate } from './deadlines.ts';
import { assignIncoming, registerIncoming } from './incoming.ts';
import { documentsDb, documentsRepo } from './repo.ts';
import { Role, staff, WARD } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => app.close());

const mails = async (to: string): Promise<string[]> =>
  (await sql<{ subject: string }>`select subject from outbox_mail where to_address = ${to} order by id`.execute(app.database.db)).rows.map((r) => r.subject);

test('one reminder the working day before, one escalation to the assigning leader after the deadline', async () => {
  const { user: clerk } = await staff(app, 'vt.dl', [Role.registryClerk], WARD);
  const { user: leader } = await staff(app, 'ld.dl', [Role.leader], WARD);
  const { user: specialist } = await staff(app, 'cv.dl', [Role.specialist], WARD);
  // Registered and assigned on Monday 4 May 2026 with 2 working days: due Wednesday 6 May.
  const monday = new Date('2026-05-04T02:00:00Z');
  const doc = await registerIncoming(
    app.platform,
    clerk,
    { typeCode: 'CV', author: 'Sở Xây dựng', authorCode: null, number: 88, notation: 'SXD-VP', documentDate: '2026-04-30', summary: 'V/v kiểm tra trật tự xây dựng', signerName: '', urgency: 'normal', secrecy: 'normal', pageCount: 1, dueDate: null },
    [],
    { ip: null, now: monday, checkSignatures: null },
  );
  const assigned = await assignIncoming(app.platform, leader, doc.id, doc.version, { lead: specialist.id, co: [], info: [], instruction: 'Kiểm tra, báo cáo.', deadlineDays: 2 }, null, monday);
  assert.equal(assigned.handling_deadline, '2026-05-06');

  assert.deepEqual(await remindAndEscalate(app.platform, monday), { reminded: 0, escalated: 0 });
  const tuesday = new Date('2026-05-05T00:00:00Z');
  assert.equal((await remindAndEscalate(app.platform, tuesday)).reminded, 1);
  assert.equal((await remindAndEscalate(app.platform, tuesday)).reminded, 0);
  assert.equal((await mails('cv.dl@example.vn')).length, 1);
  assert.match((await mails('cv.dl@example.vn'))[0]!, /Nhắc hạn xử lý văn bản: 88\/SXD-VP/);

  const thursday = new Date('2026-05-07T00:00:00Z');
  assert.equal((await remindAndEscalate(app.platform, thursday)).escalated, 1);
  assert.equal((await remindAndEscalate(app.platform, thursday)).escalated, 0);
  assert.match((await mails('ld.dl@example.vn'))[0]!, /quá hạn/);
  const kinds = (await documentsRepo.events(documentsDb(app.database.db), doc.id)).map((e) => e.kind);
  assert.deepEqual(kinds, ['registered', 'assigned', 'reminded', 'escalated']);
});
