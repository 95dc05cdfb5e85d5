// Driving licences in a real browser (issue 16), on a 390 px phone: the demo licence officer imports a small CSV file
// (a bad line is shown back first, nothing imported), looks up a licence, records a deduction and opens the
// e-licence with its QR code; then anyone, signed out, opens the verification page the QR code leads to and sees the
// validity and class only; an unknown code is a plain 404 page. Last, the officer records a penalty case and revokes
// the licence through its confirmation step, and the QR's page says so. axe and the phone's width on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPage, PHONE_390, signedIn, sizedPage, startHarness, visitChecked } from './harness.ts';
import { submitWith } from './steps.ts';

const h = startHarness();
const HEADER = 'so,so_dinh_danh,ho_ten,ngay_sinh,hang,hang_cu,ngay_cap,ngay_het_han,han_che';

test('the licence officer imports a CSV, looks a licence up and records a deduction; anyone verifies it from its QR code', async () => {
  const officer = await signedIn(h, 'demo.gplx', PHONE_390);
  assert.equal(new URL(officer.url()).pathname, '/quan-ly/gplx', 'the officer lands on the licence look-up');
  await visitChecked(officer, '/quan-ly/gplx', 'the licence officer’s home');

  const upload = async (csv: string) => {
    await officer.locator('#csv').setInputFiles({ name: 'gplx.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    return submitWith(officer, officer.getByRole('button', { name: 'Nhập tệp', exact: true }));
  };
  const good = '019000000001,001095003333,Vũ Thị Hoa,1995-07-21,B,,2024-05-02,,';
  assert.equal(await upload(`${HEADER}\n${good}\n019000000002,001095003333,Vũ Thị Hoa,1995-07-21,B3,,2024-05-02,,\n`), 400);
  await checkPage(officer, 'a refused CSV file');
  assert.ok(await officer.getByText('hạng "B3" không có trong Luật 36/2024').first().isVisible(), 'the bad line’s reason is shown');
  assert.equal(await officer.locator('table th[scope="row"]').first().textContent(), '3', 'named by its line number');
  assert.equal(await upload(`${HEADER}\n${good}\n`), 303);
  await checkPage(officer, 'the home after an import');
  assert.ok(await officer.getByText('Đã nhập 1 giấy phép.').isVisible());

  await officer.locator('#so').fill('019000000001');
  await Promise.all([officer.waitForURL(/\/quan-ly\/gplx\/019000000001$/), officer.getByRole('button', { name: 'Tra cứu', exact: true }).click()]);
  await checkPage(officer, 'a licence');
  assert.ok(await officer.getByText('12/12 điểm').isVisible());

  await officer.locator('#decision').fill('QĐ 3105/QĐ-XPHC');
  await officer.locator('#points').selectOption('4');
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Ghi nhận trừ điểm', exact: true })), 303);
  await checkPage(officer, 'the licence after a deduction');
  assert.ok(await officer.getByText('8/12 điểm').isVisible(), 'the points after the deduction');
  assert.ok(await officer.getByText('QĐ 3105/QĐ-XPHC').first().isVisible(), 'the decision in the history');

  await visitChecked(officer, '/quan-ly/gplx/019000000001/dien-tu', 'the e-licence');
  assert.ok(await officer.locator('figure img[src^="data:image/svg+xml;base64,"]').isVisible(), 'the QR code is shown');
  const verifyUrl = await officer.locator('figure a').getAttribute('href');
  assert.ok(verifyUrl && /\/xac-minh-gplx\/[A-Za-z0-9_-]{22,64}$/.test(verifyUrl), String(verifyUrl));

  const anyone = await sizedPage(h, PHONE_390);
  const path = new URL(verifyUrl).pathname;
  await visitChecked(anyone, path, 'the public verification page');
  assert.ok(await anyone.getByRole('heading', { name: 'Còn hiệu lực' }).isVisible());
  const text = (await anyone.locator('main').textContent()) ?? '';
  assert.equal(await anyone.locator('main dd').first().textContent(), 'B', 'the class');
  for (const secret of ['Vũ Thị Hoa', '001095003333', '019000000001', '1995', 'QĐ 3105']) assert.ok(!text.includes(secret), `not shown: ${secret}`);
  const res = await anyone.goto('/xac-minh-gplx/khong-co-ma-nay-khong-co-ma-nay');
  assert.equal(res?.status(), 404);
  await checkPage(anyone, 'an unknown verification code');
  assert.ok(await anyone.getByText('Không có giấy phép lái xe nào ứng với mã này.').isVisible());

  // A penalty case on the licence, then its revocation through the confirmation step; the QR then says so.
  await visitChecked(officer, '/quan-ly/gplx/019000000001', 'the licence before a case');
  await officer.locator('#caseDecision').fill('BB 0457/BB-CSGT');
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Ghi nhận vụ việc vi phạm', exact: true })), 303);
  await checkPage(officer, 'the licence with an open case');
  assert.ok(await officer.getByText('Đang có vụ việc vi phạm chưa xử lý xong').isVisible());
  await officer.locator('#reason').fill('Giấy phép được cấp sai đối tượng');
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Thu hồi giấy phép', exact: true })), 200, 'the confirmation step');
  await checkPage(officer, 'the confirmation of a revocation');
  assert.equal(await submitWith(officer, officer.getByRole('button', { name: 'Xác nhận', exact: true })), 303);
  await checkPage(officer, 'the revoked licence');
  assert.ok(await officer.getByText('Đã bị thu hồi').first().isVisible());
  await visitChecked(anyone, path, 'the verification of a revoked licence');
  assert.ok(await anyone.getByRole('heading', { name: 'Đã bị thu hồi' }).isVisible());
});
