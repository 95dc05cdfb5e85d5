// The e-ticket pages (issue 15) through HTTP: a citizen opens an account, registers a card (a bad UID refused and
// shown back), tops up, buys a monthly all-routes pass at the fare table's price, proves age 60+ (a bad number refused;
// success shows the category only); another citizen cannot reach the first's account; the centre officer finds it by
// the card's UID and moves the balance of a lost card to a new one; a citizen is refused the staff pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { seedTransitNetwork } from './network/index.ts';
import { citizen, transitStaff } from './riders/testing.ts';
import { passProducts } from './pages/passes.ts';
import { ridersDb } from './riders/repo.ts';

let app: TestApp;
let rider: TestClient;
let other: TestClient;
let officer: TestClient;
const ID = '001050012345';
const BORN = '1950-03-04';

const balanceOn = (body: string): number => Number((/class="num">([\d.,]+)\s(?:đ|VND)/.exec(body)?.[1] ?? '').replace(/\D/g, ''));
const accountId = async (): Promise<number> => (await ridersDb(app.database.db).selectFrom('transit_accounts').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

before(async () => {
  app = await testApp();
  await seedTransitNetwork(app.database.db, app.platform.secrets);
  rider = app.client();
  await signInAs(app.database.db, rider, await citizen(app, 'cd.an', ID));
  other = app.client();
  await signInAs(app.database.db, other, await citizen(app, 'cd.binh', '001090054321'));
  const s = await transitStaff(app);
  officer = app.client();
  await signInAs(app.database.db, officer, s.officer);
});
after(async () => {
  await app.close();
});

test('a citizen opens an account, registers a card, tops up and buys a monthly all-routes pass', async () => {
  const first = await rider.get('/ve-dien-tu');
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /chưa có tài khoản vé điện tử/);
  assert.equal((await rider.submit('/ve-dien-tu', {}, '/ve-dien-tu/mo-tai-khoan')).statusCode, 303);

  const bad = await rider.submit('/ve-dien-tu/dang-ky-the', { key: '04A1-ZZ' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /value="04A1-ZZ"/);
  assert.match(bad.body, /UID của thẻ phải là 8, 14 hoặc 20 chữ số hệ 16/);
  assert.equal((await rider.submit('/ve-dien-tu/dang-ky-the', { key: '04a1b2c3d4e5f6' })).statusCode, 303);
  const badAmount = await rider.submit('/ve-dien-tu/nap-tien?lang=en', { amount: '-5' });
  assert.equal(badAmount.statusCode, 400);
  assert.match(badAmount.body, /value="-5"/);
  assert.match(badAmount.body, /The amount must be a whole number/);
  await rider.get('/ve-dien-tu?lang=vi');
  // The top-up waits for the transfer; the centre's officer finds it on the statement and records it.
  const started = await rider.submit('/ve-dien-tu/nap-tien', { amount: '500000' });
  assert.equal(started.statusCode, 303);
  const reference = /\/ve-dien-tu\/thanh-toan\/(VE[0-9A-Z]+)$/.exec(String(started.headers.location))?.[1] ?? '';
  assert.ok(reference, String(started.headers.location));
  assert.match((await rider.get(`/ve-dien-tu/thanh-toan/${reference}`)).body, /Đang chờ thanh toán/);
  assert.equal(balanceOn((await rider.get('/ve-dien-tu')).body), 0, 'nothing is added before the bank confirms');
  assert.equal((await officer.submit('/quan-ly/ve-dien-tu/thanh-toan', { reference, amount: '500000', bankRef: 'FT26001' })).statusCode, 303);
  const home = await rider.get('/ve-dien-tu');
  assert.match(home.body, /04A1B2C3D4E5F6/);
  assert.match(home.body, /Đang dùng/);
  assert.equal(balanceOn(home.body), 500000);
  assert.match(home.body, /Chưa có chuyến đi nào/);

  const buy = await rider.get('/ve-dien-tu/mua-ve');
  assert.match(buy.body, /Vé tháng xe buýt liên tuyến/);
  // A priority pass is listed with its price but not offered to a regular rider.
  assert.doesNotMatch(buy.body, /<option value="bus-month-all-priority"/);
  const refused = await rider.submit('/ve-dien-tu/mua-ve', { productId: 'bus-month-all-priority', routeId: '', start: 'this' });
  assert.equal(refused.statusCode, 400);
  const price = passProducts().find((p) => p.id === 'bus-month-all-regular')?.amount ?? 0;
  assert.equal(price, 280000);
  assert.equal((await rider.submit('/ve-dien-tu/mua-ve', { productId: 'bus-month-all-regular', routeId: '', start: 'next' })).statusCode, 303);
  const after = await rider.get('/ve-dien-tu');
  assert.equal(balanceOn(after.body), 500000 - price);
  assert.match(after.body, /<td data-label="Loại vé">Vé tháng xe buýt liên tuyến<\/td>/, 'the pass by its name in the fare table');
  // Too little left for a second one: refused, nothing charged.
  const poor = await rider.submit('/ve-dien-tu/mua-ve', { productId: 'bus-month-all-regular', routeId: '', start: 'this' });
  assert.equal(poor.statusCode, 409);
  assert.equal(balanceOn((await rider.get('/ve-dien-tu')).body), 500000 - price);
});

test('proving age: a bad number is refused; success shows the category only, never the number', async () => {
  const bad = await rider.submit('/ve-dien-tu/chung-minh-tuoi', { cccdNumber: '12345', dateOfBirth: BORN });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Số căn cước không hợp lệ/);
  assert.match(bad.body, new RegExp(`value="${BORN}"`));
  const ok = await rider.submit('/ve-dien-tu/chung-minh-tuoi', { cccdNumber: ID, dateOfBirth: BORN });
  assert.equal(ok.statusCode, 303);
  const home = await rider.get(ok.headers.location as string);
  assert.match(home.body, /Người từ 60 tuổi/);
  assert.doesNotMatch(home.body, new RegExp(`${ID}|${BORN}`));
});

test('another citizen sees only their own (empty) account; a citizen is refused the staff pages', async () => {
  const page = await other.get('/ve-dien-tu');
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /04A1B2C3D4E5F6/);
  const id = await accountId();
  assert.equal((await other.get(`/quan-ly/ve-dien-tu/tai-khoan/${id}`)).statusCode, 403);
  assert.equal((await rider.get('/quan-ly/ve-dien-tu')).statusCode, 403);
  // The first citizen's card cannot be blocked by the second.
  const medium = await ridersDb(app.database.db).selectFrom('transit_media').select('id').executeTakeFirstOrThrow();
  assert.equal((await other.submit('/ve-dien-tu', {}, `/ve-dien-tu/the/${medium.id}/khoa`)).statusCode, 403);
});

test('the officer finds the account by the card UID and moves the balance of the lost card to a new one', async () => {
  const found = await officer.get('/quan-ly/ve-dien-tu?q=04a1b2c3d4e5f6');
  assert.equal(found.statusCode, 303);
  const page = await officer.get(found.headers.location as string);
  assert.match(page.body, /Công dân cd\.an/);
  assert.match(page.body, /Lịch sử giao dịch/);
  const before = balanceOn(page.body);
  assert.equal(before, 220000);
  const id = await accountId();
  const form = `/quan-ly/ve-dien-tu/tai-khoan/${id}/thay-the`;
  const lost = /<option value="(\d+)"/.exec((await officer.get(form)).body)?.[1] ?? '';
  const bad = await officer.submit(form, { lostMediumId: lost, key: 'nothex' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /value="nothex"/);
  assert.equal((await officer.submit(form, { lostMediumId: lost, key: '04FFEEDDCCBBAA' })).statusCode, 303);
  const now = await officer.get(`/quan-ly/ve-dien-tu/tai-khoan/${id}?lang=en`);
  await officer.get('/quan-ly/ve-dien-tu?lang=vi');
  assert.match(now.body, /04FFEEDDCCBBAA/);
  assert.match(now.body, /Reported lost/);
  assert.match(now.body, /Moved in from the old card/);
  assert.equal(balanceOn(now.body), before);
  const none = await officer.get('/quan-ly/ve-dien-tu?q=khong.co.ai');
  assert.equal(none.statusCode, 404);
  const grant = await officer.submit(`/quan-ly/ve-dien-tu/tai-khoan/${id}/mien-ve`, { category: 'disability', source: 'officer_check', expiresAt: '2020-01-01' });
  assert.equal(grant.statusCode, 400);
  assert.match(grant.body, /value="2020-01-01"/);
  assert.equal((await officer.submit(`/quan-ly/ve-dien-tu/tai-khoan/${id}/mien-ve`, { category: 'disability', source: 'officer_check', expiresAt: '2099-12-31' })).statusCode, 303);
  assert.match((await rider.get('/ve-dien-tu')).body, /Người khuyết tật/);
});
