import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/http/errors.ts';
import { listCatchments, setCatchments } from './catchments.ts';
import { DEMO_CHILDREN, DEMO_SCHOOL_YEAR } from './demo.ts';
import { seedAdmissionsDemo } from './seed.ts';
import { lookUp } from './service.ts';

const T0 = new Date('2026-12-04T10:30:00Z');
const staff = (roles: SessionUser['roles']): SessionUser => ({ id: 9301, username: 'so-gd', displayName: 'Sở GD&ĐT', kind: 'staff', roles, agencyId: null, agencyName: null });
let app: TestApp;

before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform, { now: T0 });
});
after(async () => {
  await app.close();
});

test('the office extends a school’s catchment for the year, and a child of that unit then sees it among the catchment schools', async () => {
  const child = DEMO_CHILDREN[1];
  assert.ok(child);
  const before = await lookUp(app.platform, { code: child.code, personalId: child.personalId }, { now: T0 });
  assert.equal(before.schools.find((s) => s.code === 'TH00070A')?.inCatchment, false);
  const areas = await setCatchments(app.platform, staff(['admin']), { schoolYear: DEMO_SCHOOL_YEAR, schoolCode: 'TH00070A', areas: [{ unitCode: '00070' }, { unitCode: child.residenceUnit }] });
  assert.deepEqual(areas, [{ unitCode: '00070', area: '' }, { unitCode: '00166', area: '' }]);
  const after = await lookUp(app.platform, { code: child.code, personalId: child.personalId }, { now: T0 });
  assert.deepEqual(after.schools.filter((s) => s.inCatchment).map((s) => s.code).sort(), ['TH00070A', 'TH00166A', 'TH00166B']);
  assert.ok(after.schools.slice(0, 3).every((s) => s.inCatchment));
});

test('only an administrator edits catchments; an unknown unit is refused and nothing changes', async () => {
  const reason = async (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
  assert.equal(await reason(setCatchments(app.platform, null, { schoolYear: DEMO_SCHOOL_YEAR, schoolCode: 'TH00145A', areas: [] })), 'UNAUTHENTICATED');
  assert.equal(await reason(setCatchments(app.platform, staff(['specialist']), { schoolYear: DEMO_SCHOOL_YEAR, schoolCode: 'TH00145A', areas: [] })), 'FORBIDDEN');
  assert.equal(await reason(setCatchments(app.platform, staff(['admin']), { schoolYear: DEMO_SCHOOL_YEAR, schoolCode: 'TH00145A', areas: [{ unitCode: '99999' }] })), 'INVALID_INPUT');
  assert.deepEqual(await listCatchments(app.platform, DEMO_SCHOOL_YEAR, 'TH00145A'), [{ unitCode: '00145', area: '' }]);
});
