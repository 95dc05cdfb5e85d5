// The feedback pages beyond the main journey: English, WebP photos, rejection with its reason, the lookup's throttle,
// the public list's filters and pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { Role } from '../../platform/auth/roles.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { photoType } from './photos.ts';
import { codeIn, FORM, sendForm } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

/** A minimal lossless WebP (RIFF/WEBP/VP8L) of one pixel. */
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

test('the form in English; a WebP photo is taken, a RIFF file of another kind is not', async () => {
  const c = app.client({ ip: '10.2.0.1' });
  const en = await c.get('/phan-anh-kien-nghi/gui?lang=en');
  assert.equal(en.statusCode, 200);
  assert.match(en.body, /Send feedback/);
  assert.match(en.body, /name="files\.photos"/);
  assert.equal(photoType(WEBP), 'image/webp');
  const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([24, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(16)]);
  assert.equal(photoType(wav), null);
  const { res } = await sendForm(app, c, FORM, [{ name: 'a.webp', type: 'image/webp', content: WEBP }]);
  assert.equal(res.statusCode, 201);
  const more = await sendForm(app, c, FORM, Array.from({ length: 4 }, (_, i) => ({ name: `${i}.webp`, type: 'image/webp', content: WEBP })));
  assert.equal(more.res.statusCode, 400);
  // The language chosen stays with the visitor (a cookie): the errors are in English.
  assert.match(more.res.body, /At most 3 photos may be sent\./);
});

test('a form without contact or place is refused field by field', async () => {
  const { res } = await sendForm(app, app.client({ ip: '10.2.0.2' }), { ...FORM, phone: '', email: '', unitCode: '99999', category: 'x' });
  assert.equal(res.statusCode, 400);
  for (const id of ['phone-error', 'unitCode-error', 'category-error']) assert.match(res.body, new RegExp(`id="${id}"`));
  assert.match(res.body, /value="Nguyễn Thị Hoa"/);
});

test('a rejected case tells its sender why; failed lookups from one address are throttled', async () => {
  const sender = app.client({ ip: '10.2.0.3' });
  const code = codeIn((await sendForm(app, sender, FORM)).res.body);
  const centre = (await findAgencyByCode(app.database.db, '000.00.20.H26'))?.id ?? 0;
  const id = await createStaffAccount(app.database.db, { username: 'tn.reject', full_name: 'TN', email: '', phone: '', agency_id: centre, roles: [Role.oneStopOfficer], password: 'Matkhau2025' }, { id: null, label: 'test' });
  const office = app.client();
  await signInAs(app.database.db, office, { id, username: 'tn.reject', roles: [Role.oneStopOfficer], agencyId: centre });
  assert.equal((await office.submit(`/quan-ly/phan-anh/${code}`, { reason: '' }, `/quan-ly/phan-anh/${code}/tu-choi`)).statusCode, 400);
  assert.equal((await office.submit(`/quan-ly/phan-anh/${code}`, { reason: 'Không thuộc phạm vi phản ánh.' }, `/quan-ly/phan-anh/${code}/tu-choi`)).statusCode, 303);
  const seen = await sender.submit('/phan-anh-kien-nghi/tra-cuu', { code, contact: FORM.phone });
  assert.match(seen.body, /Không thuộc phạm vi phản ánh\./);
  assert.match(seen.body, /Từ chối tiếp nhận/);

  const guesser = app.client({ ip: '10.2.0.4' });
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await guesser.submit('/phan-anh-kien-nghi/tra-cuu', { code, contact: `09000000${10 + i}` })).statusCode);
  assert.deepEqual(statuses.slice(0, 6), [404, 404, 404, 404, 404, 404]);
  assert.equal(statuses[6], 429);
  // Even the right contact waits now, from that address.
  assert.equal((await guesser.submit('/phan-anh-kien-nghi/tra-cuu', { code, contact: FORM.phone })).statusCode, 429);
});

test('the public list filters by category and ward and refuses nothing it does not know', async () => {
  const list = await app.client().get('/phan-anh-kien-nghi?linh_vuc=regulation&don_vi=nope&trang=abc&lang=en');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /No answer has been published yet/);
  assert.match(list.body, /<option value="regulation" selected/);
});
