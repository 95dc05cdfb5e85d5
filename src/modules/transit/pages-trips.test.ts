// The rider's trips, disputes and the operators' clearing through HTTP (issue 15): a day priced by the fare engine
// shows on the account page with stop names, prices and the engine's explanation (vi and en) and the day's charge; a
// dispute is filed, a second refused while it is open; the officer refunds (balance, ledger and audit rows) or rejects
// with a reason; a refunded trip takes no further dispute; another rider cannot reach the trip; the operator's clearing
// page and CSV add up to the priced trips; a citizen is refused the staff pages; each role's nav and landing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import { type TestApp, testApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { staff } from '../documents/testing.ts';
import { getStop, seedTransitNetwork } from './network/index.ts';
import { balanceOf, openAccount, registerMedium, topUp } from './riders/index.ts';
import { CITY, citizen, fails, transitStaff } from './riders/testing.ts';
import { answerDispute } from './disputes/index.ts';
import { clearingFile, ingestTaps, priceServiceDay } from './taps/index.ts';
import { clearsFor, signed, tap } from './taps/testing.ts';

let app: TestApp;
let officer: SessionUser;
let operator: SessionUser;
let accountId = 0;
let rider: TestClient;
let other: TestClient;
let officerClient: TestClient;
let operatorClient: TestClient;
let debtor: TestClient;
const CARD = '04A9B8C7D6E5F4';
// Two days ago in Vietnam: within the page's 30 days and its service day certainly over.
const DAY = vietnamDateOf(new Date(Date.now() - 2 * 86_400_000));
const html = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
const trips = async () =>
  (await sql<{ id: number; amount: number; rule_id: string; operator_code: string; explanation_vi: string; explanation_en: string }>`select id::int as id, amount::int as amount, rule_id, operator_code, explanation_vi, explanation_en from transit_trips where account_id = ${accountId} order by id`.execute(app.database.db)).rows;

before(async () => {
  app = await testApp();
  ({ officer, operator } = await transitStaff(app));
  await seedTransitNetwork(app.database.db, app.platform.secrets);
  await clearsFor(app, officer, operator, ['HMC', 'TRANSERCO']);
  const u = await citizen(app, 'cd.chuyen', '001185009876');
  accountId = (await openAccount(app.platform, u, u.id)).id;
  await registerMedium(app.platform, officer, accountId, { kind: 'operator_card', key: CARD });
  await topUp(app.platform, officer, { accountId, amount: 100_000 });
  const o = await citizen(app, 'cd.khac', '001090008765');
  await openAccount(app.platform, o, o.id);
  // Bus 34 from BUS-0016 to BUS-0024, then metro 2A Cát Linh → Hà Đông through the gates.
  const now = new Date();
  const sentAt = now.toISOString();
  await ingestTaps(app.platform, await signed(app, 'V-34-1', [tap(CARD, `${DAY}T07:00:00`, 'on', 'BUS-0016'), tap(CARD, `${DAY}T07:40:00`, 'off', 'BUS-0024')], sentAt), { now });
  await ingestTaps(app.platform, await signed(app, 'G-2A-01-1', [tap(CARD, `${DAY}T08:00:00`, 'on')], sentAt), { now });
  await ingestTaps(app.platform, await signed(app, 'G-2A-09-1', [tap(CARD, `${DAY}T08:20:00`, 'off')], sentAt), { now });
  // A rider whose balance is too low for the bus: the day is owed, with the next attempt.
  const d = await citizen(app, 'cd.no', '001195006543');
  const dAccount = (await openAccount(app.platform, d, d.id)).id;
  await registerMedium(app.platform, officer, dAccount, { kind: 'operator_card', key: '04D0D1D2D3D4D5' });
  await topUp(app.platform, officer, { accountId: dAccount, amount: 5_000 });
  await ingestTaps(app.platform, await signed(app, 'V-34-1', [tap('04D0D1D2D3D4D5', `${DAY}T09:00:00`, 'on', 'BUS-0016'), tap('04D0D1D2D3D4D5', `${DAY}T09:30:00`, 'off', 'BUS-0024')], sentAt), { now });
  await priceServiceDay(app.platform, officer, DAY, { now });
  debtor = app.client();
  await signInAs(app.database.db, debtor, d);
  rider = app.client();
  await signInAs(app.database.db, rider, u);
  other = app.client();
  await signInAs(app.database.db, other, o);
  officerClient = app.client();
  await signInAs(app.database.db, officerClient, officer);
  operatorClient = app.client();
  await signInAs(app.database.db, operatorClient, operator);
});
after(async () => app?.close());

test('the account page lists the priced day: stops, route, prices, the engine’s explanation and the charge, in vi and en', async () => {
  const t = await trips();
  assert.equal(t.length, 2);
  const page = await rider.get('/ve-dien-tu');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`Ngày phục vụ ${DAY}`));
  for (const stop of ['BUS-0016', 'BUS-0024']) assert.ok(page.body.includes(html((await getStop(app.database.db, stop)).name)), stop);
  assert.match(page.body, /07:00/);
  for (const x of t) assert.ok(page.body.includes(html(x.explanation_vi)), x.explanation_vi);
  assert.match(page.body, /Tổng tiền ngày: 24\.000\sđ — Đã thanh toán/);
  assert.doesNotMatch(page.body, /Chưa có chuyến đi nào/);
  assert.match(page.body, /href="\/ve-dien-tu"/, 'the citizen’s nav has the e-tickets link');
  const en = await rider.get('/ve-dien-tu?lang=en');
  for (const x of t) assert.ok(en.body.includes(html(x.explanation_en)), x.explanation_en);
  assert.match(en.body, /Day total: 24,000 VND — Paid/);
  await rider.get('/ve-dien-tu?lang=vi');
  // The centre's officer sees the same trips on the account's page (no dispute links there).
  const staffView = await officerClient.get(`/quan-ly/ve-dien-tu/tai-khoan/${accountId}`);
  for (const x of t) assert.ok(staffView.body.includes(html(x.explanation_vi)), x.explanation_vi);
  assert.doesNotMatch(staffView.body, /khieu-nai"/);
  const owed = await debtor.get('/ve-dien-tu');
  assert.match(owed.body, /Tổng tiền ngày: 12\.000\sđ — Còn nợ \(lần thu tiếp theo: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}\)/);
});

test('a dispute is filed; a second is refused while it is open; another rider cannot reach the trip', async () => {
  const [bus] = await trips();
  const form = `/ve-dien-tu/chuyen/${bus?.id}/khieu-nai`;
  const empty = await rider.submit(form, { reason: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Hãy ghi lý do/);
  const long = await rider.submit(form, { reason: 'x'.repeat(1001) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /Tối đa 1000 ký tự \(đang có 1001\)/);
  assert.equal((await sql`select 1 from transit_disputes`.execute(app.database.db)).rows.length, 0, 'nothing half-saved');
  const ok = await rider.submit(form, { reason: 'Tôi quẹt thẻ xuống ở điểm sớm hơn.' });
  assert.equal(ok.statusCode, 303);
  assert.match((await rider.get(ok.headers.location as string)).body, /Đã gửi khiếu nại[\s\S]*Tôi quẹt thẻ xuống ở điểm sớm hơn[\s\S]*Đang chờ trả lời/);
  const again = await rider.submit(form, { reason: 'Lần nữa' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /đang có một khiếu nại chờ trả lời/);
  assert.equal((await other.get(form)).statusCode, 404);
  assert.equal((await other.submit('/ve-dien-tu', { reason: 'không phải của tôi' }, form)).statusCode, 404);
  assert.equal((await sql`select 1 from transit_disputes`.execute(app.database.db)).rows.length, 1);
});

test('the officer refunds up to the trip’s price: balance, ledger and audit; the rider sees it; no further dispute', async () => {
  const [bus] = await trips();
  const desk = await officerClient.get('/quan-ly/ve-dien-tu/khieu-nai');
  assert.equal(desk.statusCode, 200);
  assert.match(desk.body, /Tôi quẹt thẻ xuống ở điểm sớm hơn/);
  const id = /href="\/quan-ly\/ve-dien-tu\/khieu-nai\/(\d+)"/.exec(desk.body)?.[1] ?? '';
  const path = `/quan-ly/ve-dien-tu/khieu-nai/${id}`;
  assert.match((await officerClient.get(path)).body, /V-34-1[\s\S]*BUS-0016[\s\S]*BUS-0024/, 'the trip’s taps');
  const before = await balanceOf(app.platform, officer, accountId);
  const tooMuch = await officerClient.submit(path, { decision: 'refund', amount: String((bus?.amount ?? 0) + 1), answer: '' });
  assert.equal(tooMuch.statusCode, 400);
  assert.match(tooMuch.body, /từ 1 đến 12000/);
  assert.equal(await balanceOf(app.platform, officer, accountId), before);
  assert.equal((await officerClient.submit(path, { decision: 'refund', amount: '12000', answer: 'Đã kiểm tra: hoàn tiền.' })).statusCode, 303);
  assert.equal(await balanceOf(app.platform, officer, accountId), before + 12_000);
  const ledger = await sql<{ kind: string; amount: number }>`select kind, amount::int as amount from transit_ledger where account_id = ${accountId} order by id desc limit 1`.execute(app.database.db);
  assert.deepEqual(ledger.rows[0], { kind: 'refund', amount: 12_000 });
  const audit = await sql<{ action: string }>`select action from audit_log where action in ('transit.dispute.refund', 'transit.balance.refund') order by id`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['transit.balance.refund', 'transit.dispute.refund']);
  const page = await rider.get('/ve-dien-tu');
  assert.match(page.body, /Đã hoàn tiền: 12\.000 đ[\s\S]*Đã kiểm tra: hoàn tiền\./);
  const form = `/ve-dien-tu/chuyen/${bus?.id}/khieu-nai`;
  const refused = await rider.submit(form, { reason: 'Thêm nữa' });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /đã được hoàn tiền/);
  // Answered once: a second answer is refused, nothing more refunded.
  await assert.rejects(answerDispute(app.platform, officer, Number(id), { decision: 'refund', amount: 1, answer: '' }), fails('ALREADY_ANSWERED'));
  assert.equal(await balanceOf(app.platform, officer, accountId), before + 12_000);
});

test('a rejection needs a reason; the rider reads it', async () => {
  const [, metro] = await trips();
  assert.equal((await rider.submit(`/ve-dien-tu/chuyen/${metro?.id}/khieu-nai`, { reason: 'Giá metro sai' })).statusCode, 303);
  const desk = await officerClient.get('/quan-ly/ve-dien-tu/khieu-nai');
  const id = /href="\/quan-ly\/ve-dien-tu\/khieu-nai\/(\d+)"/.exec(desk.body)?.[1] ?? '';
  const path = `/quan-ly/ve-dien-tu/khieu-nai/${id}`;
  const bare = await officerClient.submit(path, { decision: 'reject', amount: '', answer: '' });
  assert.equal(bare.statusCode, 400);
  assert.match(bare.body, /Hãy ghi lý do/);
  assert.equal((await officerClient.submit(path, { decision: 'reject', amount: '', answer: 'Giá đúng theo bảng giá 8,8 km.' })).statusCode, 303);
  assert.match((await rider.get('/ve-dien-tu?lang=en')).body, /Rejected[\s\S]*Giá đúng theo bảng giá 8,8 km\./);
  await rider.get('/ve-dien-tu?lang=vi');
});

test('the operator’s clearing page and CSV add up to the priced trips; bad days are refused beside the field', async () => {
  const t = (await sql<{ amount: number; operator_code: string }>`select amount::int as amount, operator_code from transit_trips where service_day = ${DAY}`.execute(app.database.db)).rows;
  for (const op of [...new Set(t.map((x) => x.operator_code))]) {
    const sum = t.filter((x) => x.operator_code === op).reduce((s, x) => s + x.amount, 0);
    const page = await operatorClient.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=${op}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`Tổng</th>[\\s\\S]*?${new Intl.NumberFormat('vi-VN').format(sum).replace('.', '\\.')} đ`));
    const csv = await operatorClient.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${DAY}&don-vi=${op}`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), new RegExp(`doi-soat-${op}-${DAY}\\.csv`));
    assert.equal(csv.body, (await clearingFile(app.platform, operator, op, DAY)).body);
    const rows = csv.body.replace('\uFEFF', '').trim().split('\r\n').slice(1).map((r) => r.split(','));
    const total = rows.find((r) => r[2] === 'TONG');
    assert.equal(Number(total?.[4]), sum);
    assert.equal(rows.filter((r) => r[2] !== 'TONG').reduce((s, r) => s + Number(r[4]), 0), sum);
  }
  const yesterday = vietnamDateOf(new Date(Date.now() - 86_400_000));
  const plain = await operatorClient.get('/quan-ly/ve-dien-tu/doi-soat');
  assert.equal(plain.statusCode, 200);
  assert.match(plain.body, new RegExp(`name="ngay"[^>]*value="${yesterday}"|value="${yesterday}"[^>]*name="ngay"`));
  for (const bad of ['2026-02-30', '2200-01-01', 'hôm qua']) {
    const res = await operatorClient.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${encodeURIComponent(bad)}&don-vi=TRANSERCO`);
    assert.equal(res.statusCode, 400, bad);
    assert.match(res.body, /Ngày phải có dạng YYYY-MM-DD, có thật, trong khoảng năm 1900–2100/);
    assert.equal((await operatorClient.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${encodeURIComponent(bad)}&don-vi=TRANSERCO`)).statusCode, 400);
  }
  assert.equal((await operatorClient.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=NOBODY`)).statusCode, 400);
  assert.equal((await officerClient.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=HMC`)).statusCode, 200, 'the officer may clear too');
});

test('an operator’s clearing staff see their agency’s operators only: another’s page and file are 404; the officer sees all', async () => {
  // A metro operator's staff at another agency, tied to HMC only.
  const metro = (await staff(app, 'vt.metro', [Role.transitOperator], '000.00.07.H26')).user;
  await clearsFor(app, officer, metro, ['HMC']);
  const c = app.client();
  await signInAs(app.database.db, c, metro);
  const own = await c.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=HMC`);
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /<option value="HMC"/);
  assert.doesNotMatch(own.body, /<option value="TRANSERCO"/, 'other operators are not offered');
  const plain = await c.get('/quan-ly/ve-dien-tu/doi-soat');
  assert.equal(plain.statusCode, 200);
  assert.match(plain.body, /<h2>HMC — /, 'the default is the agency’s own operator');
  for (const p of [`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=TRANSERCO`, `/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${DAY}&don-vi=TRANSERCO`]) {
    const res = await c.get(p);
    assert.equal(res.statusCode, 404, p);
    assert.doesNotMatch(res.body, /TONG|doanh_thu/, 'nothing of the other operator’s figures');
  }
  assert.equal((await c.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${DAY}&don-vi=HMC`)).statusCode, 200);
  // Staff whose agency clears for no operator are told so.
  const lone = (await staff(app, 'vt.khonggan', [Role.transitOperator], '000.00.08.H26')).user;
  const lc = app.client();
  await signInAs(app.database.db, lc, lone);
  const empty = await lc.get('/quan-ly/ve-dien-tu/doi-soat');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /chưa được gắn với đơn vị vận hành nào/);
  assert.equal((await lc.get(`/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${DAY}&don-vi=HMC`)).statusCode, 404);
  const officerSees = await officerClient.get(`/quan-ly/ve-dien-tu/doi-soat?ngay=${DAY}&don-vi=TRANSERCO`);
  assert.equal(officerSees.statusCode, 200);
  assert.match(officerSees.body, /<option value="TRAMOC"/);
});

test('who sees what: a citizen is refused the staff pages; the operator only its clearing; nav and landing by role', async () => {
  for (const p of ['/quan-ly/ve-dien-tu/khieu-nai', '/quan-ly/ve-dien-tu/khieu-nai/1', '/quan-ly/ve-dien-tu/doi-soat', `/quan-ly/ve-dien-tu/doi-soat/tep?ngay=${DAY}&don-vi=HMC`]) assert.equal((await rider.get(p)).statusCode, 403, p);
  assert.equal((await operatorClient.get('/quan-ly/ve-dien-tu/khieu-nai')).statusCode, 403);
  const opPage = await operatorClient.get('/quan-ly/ve-dien-tu/doi-soat');
  assert.match(opPage.body, /href="\/quan-ly\/ve-dien-tu\/doi-soat"/);
  assert.doesNotMatch(opPage.body, /href="\/mot-cua"/);
  const offPage = await officerClient.get('/quan-ly/ve-dien-tu');
  assert.match(offPage.body, /href="\/quan-ly\/ve-dien-tu"/);
  assert.doesNotMatch(offPage.body, /href="\/mot-cua"/);
  // Signing in without a page asked for: each lands on its own work (src/modules/accounts/landing.ts).
  for (const [username, landing] of [['vt.doisoat', '/quan-ly/ve-dien-tu/doi-soat'], ['vt.trungtam', '/quan-ly/ve-dien-tu']] as const) {
    const res = await app.client().submit('/dang-nhap', { identifier: username, password: 'Matkhau2025' });
    assert.equal(res.headers.location, landing, username);
  }
  // A member of the one-stop office who also clears keeps the one-stop link.
  const both = (await staff(app, 'vt.kiemnhiem', [Role.oneStopOfficer, Role.transitOperator], CITY)).user;
  const c = app.client();
  await signInAs(app.database.db, c, both);
  assert.match((await c.get('/quan-ly/ve-dien-tu/doi-soat')).body, /href="\/mot-cua"/);
});
