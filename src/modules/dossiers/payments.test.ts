import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { findAgencyByCode } from '../units/index.ts';
import { submitDossier } from './index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from './testing.ts';

const CENTRE = '000.00.20.H26';

async function submitted(app: TestApp, c: TestCitizen): Promise<string> {
  const { dossier } = await submitDossier(
    app.platform,
    c.user,
    { procedureCode: PROC.online.code, agencyCode: CENTRE, form: answersFor(c), files: [{ docKey: 'doc1', filename: 'to-khai.pdf', content: TINY.pdf }] },
    { via: 'web' },
  );
  return dossier.code;
}

async function paymentStatus(app: TestApp, code: string): Promise<string> {
  return (await sql<{ payment_status: string }>`select payment_status from dossiers where code = ${code}`.execute(app.database.db)).rows[0]!.payment_status;
}

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

test('configuration: PAYMENTS_PROVIDER is none or simulated; simulated is refused in production', () => {
  assert.equal(loadConfig({}).paymentsProvider, undefined);
  assert.equal(loadConfig({ PAYMENTS_PROVIDER: 'simulated' }).paymentsProvider, 'simulated');
  assert.throws(() => loadConfig({ PAYMENTS_PROVIDER: 'vnpay' }), /PAYMENTS_PROVIDER="vnpay" is not valid: expected one of none, simulated/);
  assert.throws(
    () => loadConfig({ PAYMENTS_PROVIDER: 'simulated', NODE_ENV: 'production' }),
    (e: unknown) => e instanceof ConfigError && /PAYMENTS_PROVIDER="simulated" is not valid/.test(e.message),
  );
});

test('without PAYMENTS_PROVIDER (and no demo data) there is no gateway: no button, and posting pays nothing', async () => {
  const app = await testApp();
  try {
    await prepareDossierTests(app);
    const hoa = await registerCitizen(app, 31);
    const code = await submitted(app, hoa);
    const receipt = await hoa.client.get(`/ho-so/${code}/bien-nhan`);
    assert.equal(receipt.statusCode, 200);
    assert.doesNotMatch(receipt.body, /thanh-toan/);
    assert.match(receipt.body, /data:image\/svg/); // VietQR transfer is still offered
    const res = await hoa.client.postForm(`/ho-so/${code}/thanh-toan`, { _csrf: csrfOf(receipt.body) });
    assert.equal(res.statusCode, 503);
    assert.equal(await paymentStatus(app, code), 'unpaid');
  } finally {
    await app.close();
  }
});

test('PAYMENTS_PROVIDER=simulated: only the dossier’s applicant may pay; staff of the agency get 403 and no button', async () => {
  const app = await testApp({ env: { PAYMENTS_PROVIDER: 'simulated' } });
  try {
    await prepareDossierTests(app);
    const hoa = await registerCitizen(app, 32);
    const code = await submitted(app, hoa);
    const officer = app.client();
    await signInAs(app.database.db, officer, { id: 950, kind: 'staff', roles: ['one_stop_officer'], agencyId: (await findAgencyByCode(app.database.db, CENTRE))!.id });
    const staffView = await officer.get(`/ho-so/${code}/bien-nhan`);
    assert.equal(staffView.statusCode, 200);
    assert.doesNotMatch(staffView.body, /thanh-toan/);
    const byStaff = await officer.postForm(`/ho-so/${code}/thanh-toan`, { _csrf: csrfOf(staffView.body) });
    assert.equal(byStaff.statusCode, 403);
    assert.match(byStaff.body, /Chỉ người nộp hồ sơ/);
    assert.equal(await paymentStatus(app, code), 'unpaid');
    const own = await hoa.client.get(`/ho-so/${code}/bien-nhan`);
    assert.match(own.body, /thanh-toan/);
    const paid = await hoa.client.postForm(`/ho-so/${code}/thanh-toan`, { _csrf: csrfOf(own.body) });
    assert.equal(paid.statusCode, 303);
    assert.equal(await paymentStatus(app, code), 'paid');
  } finally {
    await app.close();
  }
});
