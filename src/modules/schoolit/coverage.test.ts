// Coverage per level and per ward from checked reports only (issue 14), and the demo seed (idempotent).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { listSchools, seedAdmissionsDemo } from '../admissions/index.ts';
import { schoolCoverage, seedSchoolItDemo } from './index.ts';
import { schoolItDb, type ReportState } from './repo.ts';

let app: TestApp;
const YEAR = '2031-2032';

before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform);
  const id = async (code: string) => (await listSchools(app.platform, { code }))[0]?.id ?? 0;
  const row = async (code: string, state: ReportState, v: { ct: number; rooms: number; net: number; internet: boolean; pupils: number }) => ({
    school_id: await id(code),
    school_year: YEAR,
    state,
    computers_teaching: v.ct,
    computers_admin: 2,
    computer_rooms: v.rooms,
    networked_rooms: v.net,
    projectors: 1,
    screens: 0,
    internet: v.internet,
    bandwidth_mbps: v.internet ? 100 : null,
    pupils: v.pupils,
    office_comment: state === 'returned' ? 'Sửa lại' : null,
  });
  const full = { ct: 50, rooms: 3, net: 3, internet: true, pupils: 100 };
  await schoolItDb(app.database.db)
    .insertInto('schoolit_reports')
    .values([
      await row('MN00166A', 'checked', { ct: 5, rooms: 0, net: 0, internet: true, pupils: 300 }),
      await row('MN00166B', 'submitted', full),
      await row('TH00166A', 'checked', { ct: 40, rooms: 2, net: 1, internet: true, pupils: 1200 }),
      await row('TH00166B', 'checked', { ct: 20, rooms: 1, net: 0, internet: false, pupils: 1000 }),
      await row('CS00166A', 'returned', full),
      await row('CS00166B', 'draft', full),
      await row('TH00070A', 'checked', full),
    ])
    .execute();
});
after(async () => {
  await app.close();
});

test('coverage of a ward per level counts checked reports only, against the norms', async () => {
  const c = await schoolCoverage(app.platform, { year: YEAR, unitCode: '00166' });
  const [mn, th, cs] = c.byLevel;
  assert.deepEqual([mn?.key, th?.key, cs?.key], ['kindergarten', 'grade1', 'grade6']);
  assert.equal(mn?.schools, 3); // two public and one private kindergarten in 00166
  assert.equal(mn?.checked, 1, 'the submitted report does not count');
  assert.deepEqual([mn?.shareComputers, mn?.shareNetworked, mn?.shareInternet, mn?.pupilsPerComputer, mn?.shareMeetingNorm], [1, 0, 1, 60, 1]);
  assert.equal(th?.checked, 2);
  assert.deepEqual([th?.shareNetworked, th?.shareInternet, th?.shareMeetingNorm], [0.5, 0.5, 0.5]);
  assert.equal(th?.pupilsPerComputer, 2200 / 60);
  assert.equal(cs?.checked, 0, 'returned and draft reports do not count');
  assert.equal(cs?.shareNetworked, null);
  assert.equal(c.total.checked, 3);
  assert.equal(c.total.withNetworkedRoom, 1);
  assert.deepEqual(c.byWard.map((w) => [w.key, w.checked]), [['00166', 3]]);
});

test('coverage of the city per ward', async () => {
  const c = await schoolCoverage(app.platform, { year: YEAR });
  assert.equal(c.total.checked, 4);
  assert.equal(c.byWard.find((w) => w.key === '00070')?.shareNetworked, 1);
  assert.equal(c.byWard.find((w) => w.key === '00166')?.withInternet, 2);
  assert.ok(c.byWard.length > 100, 'every ward with schools has a row');
});

test('the demo seed: most checked, some submitted, a few returned, the officer’s school a draft; idempotent', async () => {
  const now = new Date('2030-10-01T00:00:00Z');
  assert.equal(await seedSchoolItDemo(app.platform, { now }), true);
  assert.equal(await seedSchoolItDemo(app.platform, { now }), false);
  const rows = await schoolItDb(app.database.db).selectFrom('schoolit_reports').select(['state', 'school_id']).where('school_year', '=', '2030-2031').execute();
  const n = (s: ReportState) => rows.filter((r) => r.state === s).length;
  assert.equal(rows.length, (await listSchools(app.platform)).length);
  assert.ok(n('checked') > rows.length / 2 && n('submitted') > 0 && n('returned') > 0);
  const own = (await listSchools(app.platform, { code: 'TH00070A' }))[0];
  assert.equal(rows.find((r) => r.school_id === own?.id)?.state, 'draft');
});
