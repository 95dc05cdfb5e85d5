// The online renewal of a driving licence in a real browser (issue 16 "Done when"), on a 390 px phone: demo.congdan
// opens procedure 3.000347 and finds the form prefilled from the registry — his class B licence 010100012345 (expiring
// in ~20 days) picked, what its renewal needs beside it — fills what only he knows, checks his answers and submits;
// the back office approves the dossier (a direct service call: the leader's walk through the pages is e2e/lifecycle's
// subject); he opens his dossier, sees the e-licence with its QR code, and anyone who follows the QR's address sees
// "valid" and the class only. axe and the phone's width on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Role, SessionUser } from '../src/platform/auth/roles.ts';
import { vietnamDateOf, addDays } from '../src/platform/calendar/dates.ts';
import { createStaffAccount } from '../src/modules/accounts/index.ts';
import { takeAction } from '../src/modules/backoffice/index.ts';
import { TINY } from '../src/modules/dossiers/testing.ts';
import { checkPage, PHONE_390, signedIn, sizedPage, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness();

async function staffAt(agencyId: number, role: Role, name: string): Promise<SessionUser> {
  const username = `e2e.gplx.${name}`;
  const id = await createStaffAccount(h.app.database.db, { username, full_name: `Cán bộ ${name}`, email: `${username}@example.vn`, phone: '', agency_id: agencyId, roles: [role], password: 'Matkhau2025' }, { id: null, label: 'test' });
  return { id, username, displayName: `Cán bộ ${name}`, kind: 'staff', roles: [role], agencyId, agencyName: '' };
}

test('demo.congdan renews his licence online with the form prefilled, and the e-licence’s QR code verifies it', async () => {
  const citizen = await signedIn(h, 'demo.congdan', PHONE_390);
  await visitChecked(citizen, '/dich-vu-cong/3.000347/nop', 'the renewal form');
  const picked = citizen.locator('input[name="licence.number"][value="010100012345"]');
  assert.ok(await picked.isChecked(), 'his class B licence is picked');
  const label = (await citizen.locator(`label[for="${await picked.getAttribute('id')}"]`).textContent()) ?? '';
  assert.match(label, /hạng B, có giá trị đến .*: đổi sang hạng B; cần giấy khám sức khỏe; không phải sát hạch lại/);
  assert.equal(await citizen.locator('#f-applicant-birthDate').inputValue(), '1990-05-12', 'the birth date from the registry');

  await citizen.locator('#f-healthCheckDate').fill(addDays(vietnamDateOf(new Date()), -7));
  if (!(await citizen.locator('#f-applicant-residence').inputValue())) await citizen.locator('#f-applicant-residence').selectOption('00070');
  if (!(await citizen.locator('#f-applicant-residence-street').inputValue().catch(() => 'x'))) await citizen.locator('#f-applicant-residence-street').fill('12 phố Hàng Bạc');
  await citizen.locator('input[name="delivery"][value="counter"]').check();
  await citizen.locator('input[name="declaration"]').check();
  await citizen.locator('input[name="files.portrait"]').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: TINY.jpeg });
  await citizen.locator('input[name="files.licenceCopy"]').setInputFiles({ name: 'gplx.pdf', mimeType: 'application/pdf', buffer: TINY.pdf });
  const status = await submitWith(citizen, citizen.getByRole('button', { name: 'Tiếp tục', exact: true }));
  assert.equal(status, 303, `on to check the answers: ${status === 303 ? '' : await citizen.locator('.error-summary').textContent()}`);
  await checkPage(citizen, 'the check-your-answers page');
  assert.ok(await citizen.getByText('010100012345').first().isVisible());
  assert.equal(await submitWith(citizen, citizen.getByRole('button', { name: 'Nộp hồ sơ', exact: true })), 303, 'submitted');
  const code = decodeURIComponent(/\/ho-so\/([^/]+)\/bien-nhan/.exec(citizen.url())?.[1] ?? '');
  assert.ok(code, citizen.url());
  await checkPage(citizen, 'the receipt');
  assert.ok(await citizen.getByText('135.000 đ').first().isVisible(), 'the fee');

  const row = (await sql<{ agency_id: number }>`select agency_id from dossiers where code = ${code}`.execute(h.app.database.db)).rows[0]!;
  const act = (u: SessionUser, action: string) => takeAction(h.app.platform, u, code, { action }, { via: 'web' });
  await act(await staffAt(Number(row.agency_id), 'one_stop_officer', 'motcua'), 'accept');
  const handling = Number((await sql<{ h: string }>`select coalesce(handling_agency_id, agency_id)::text as h from dossiers where code = ${code}`.execute(h.app.database.db)).rows[0]?.h);
  await act(await staffAt(handling, 'specialist', 'chuyenvien'), 'submit_for_approval');
  await act(await staffAt(handling, 'leader', 'lanhdao'), 'approve');

  await visitChecked(citizen, `/ho-so-cua-toi/${encodeURIComponent(code)}`, 'his dossier with the e-licence');
  assert.ok(await citizen.getByRole('heading', { name: 'Giấy phép lái xe điện tử đã cấp' }).isVisible());
  assert.ok(await citizen.locator('#giay-phep-moi ~ figure img[src^="data:image/svg+xml;base64,"], section figure img[src^="data:image/svg+xml;base64,"]').first().isVisible(), 'the QR code');
  const verifyUrl = await citizen.locator('section figure a').first().getAttribute('href');
  assert.ok(verifyUrl && /\/xac-minh-gplx\/[A-Za-z0-9_-]{22,64}$/.test(verifyUrl), String(verifyUrl));

  const anyone = await sizedPage(h, PHONE_390);
  await visitChecked(anyone, new URL(verifyUrl).pathname, 'the verification of the renewed licence');
  assert.ok(await anyone.getByRole('heading', { name: 'Còn hiệu lực' }).isVisible());
  assert.equal(await anyone.locator('main dd').first().textContent(), 'B', 'the class');
  const text = (await anyone.locator('main').textContent()) ?? '';
  for (const secret of ['Nguyễn Văn An', '001090012345', '1990']) assert.ok(!text.includes(secret), `not shown: ${secret}`);
});
