// The registry's services on the in-process bus: the demo seed (600 intersections, idempotent), the engineer alone
// gets in, Webster's plan saved as a new version while an oversaturated count or a bad plan changes nothing, a
// corridor's green wave saved, and sends: a controller confirms and switches, one that never acknowledges is rolled
// back, a plan that fails the check is not sent (invalid); each send is recorded with an audit row.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { Role, staff } from '../documents/testing.ts';
import { fails } from '../licences/testing.ts';
import { type CentreRuntime, startSignalsRuntime } from './centre-runtime.ts';
import { designCorridor, runWebster, saveCorridor, savePlans, saveWebster } from './design.ts';
import { GREEN_WAVE } from './network/demo.ts';
import { intersectionView, networkView } from './registry.ts';
import { seedDemoSignals } from './seed.ts';
import { sendPlans } from './send.ts';

let app: TestApp;
let engineer: SessionUser;
let runtime: CentreRuntime;
const versions = async (id: string): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from signal_plans where intersection_id = ${id}`.execute(app.database.db)).rows[0]?.n);
const audits = async (action: string): Promise<number> => Number((await sql<{ n: string }>`select count(*) as n from audit_log where action = ${action}`.execute(app.database.db)).rows[0]?.n);

before(async () => {
  app = await testApp();
  engineer = (await staff(app, 'tinhieu.an', [Role.signalEngineer], '000.00.16.H26')).user;
  await seedDemoSignals(app.platform);
  runtime = (await startSignalsRuntime(app.platform, { link: 'memory', neverAck: ['HN0002'], ackTimeoutMs: 400 }))!;
});
after(async () => {
  await runtime?.close();
  await app?.close();
});

test('the demo seed registers 600 intersections with corridors, a plan each and a day plan; a second seed adds nothing', async () => {
  await seedDemoSignals(app.platform);
  const net = await networkView(app.platform, engineer);
  assert.equal(net.intersections.length, 600);
  assert.ok(net.corridors.some((c) => c.name === GREEN_WAVE.corridor && c.cycle === GREEN_WAVE.cycle && c.count > 5));
  const v = await intersectionView(app.platform, engineer, 'HN0001');
  assert.equal(v.plan.version, 1);
  assert.equal(v.plan.source, 'seed');
  assert.equal(v.schedule.length, 1);
  assert.equal(runtime.simulated.size, 600, 'a simulated controller for each');
});

test('only the signal engineer reads the registry; unknown ids are 404', async () => {
  const other = (await staff(app, 'tinhieu.khac', [Role.licenceOfficer], '000.00.16.H26')).user;
  await assert.rejects(networkView(app.platform, other), fails('FORBIDDEN'));
  await assert.rejects(intersectionView(app.platform, other, 'HN0001'), fails('FORBIDDEN'));
  await assert.rejects(intersectionView(app.platform, engineer, 'KHONG-CO'), fails('NOT_FOUND'));
  await assert.rejects(intersectionView(app.platform, engineer, '../x'), fails('NOT_FOUND'));
});

test('Webster: typed counts shown back with errors (Y ≥ 1 refused, nothing saved); good counts saved as version 2', async () => {
  const v = await intersectionView(app.platform, engineer, 'HN0001');
  const phases = v.plan.plan.phases.map((p) => p.phase);
  const counts = (q: number) => Object.fromEntries(phases.flatMap((p) => [[`flow${p}`, String(q)], [`sat${p}`, '1800']]));
  const over = await saveWebster(app.platform, engineer, 'HN0001', { lostTime: '10', ...counts(1000) });
  assert.equal(over.version, undefined);
  assert.match(over.outcome.errors[0]!.message.vi, /Y = .* ≥ 1/);
  assert.equal(over.outcome.typed.flows[phases[0]!], '1000', 'the typed value is kept');
  const bad = runWebster(v, { lostTime: 'abc', ...counts(-5) });
  assert.ok(bad.errors.some((e) => e.field === 'lostTime') && bad.errors.some((e) => e.field === `flow${phases[0]}`));
  assert.equal(await versions('HN0001'), 1, 'nothing saved');
  const ok = await saveWebster(app.platform, engineer, 'HN0001', { lostTime: '10', ...counts(300) });
  assert.equal(ok.version, 2);
  const after2 = await intersectionView(app.platform, engineer, 'HN0001');
  assert.equal(after2.plan.source, 'webster');
  assert.equal(after2.plan.plan.pattern.cycle, ok.outcome.plan!.pattern.cycle);
  assert.equal(await audits('signals.plan-saved'), 1);
});

test('a plan that fails the check is refused with its problems and nothing changes', async () => {
  const v = await intersectionView(app.platform, engineer, 'HN0003');
  const broken = { ...v.plan.plan, pattern: { ...v.plan.plan.pattern, splits: v.plan.plan.pattern.splits.map((s) => ({ ...s, time: 3 })) } };
  await assert.rejects(savePlans(app.platform, engineer, [{ id: 'HN0003', plan: broken }], 'manual', {}), (e: unknown) => fails('BAD_PLAN')(e) && JSON.stringify((e as { details: unknown }).details).includes('SPLIT_SHORT'));
  assert.equal(await versions('HN0003'), 1);
});

test('the green-wave corridor: offsets from travel time, a through band, saved as plans of every intersection', async () => {
  const id = Number((await sql<{ id: string }>`select id from signal_corridors where name = ${GREEN_WAVE.corridor}`.execute(app.database.db)).rows[0]?.id);
  const badSpeed = await designCorridor(app.platform, engineer, String(id), { speed: '200', cycle: '20' });
  assert.deepEqual(badSpeed.errors.map((e) => e.field), ['speed', 'cycle']);
  const d = await designCorridor(app.platform, engineer, String(id), { speed: '40', cycle: '120' });
  assert.ok(d.rows.length > 5);
  assert.equal(d.rows[0]!.offset.offset, 0);
  assert.ok(d.rows.every((r) => r.problems.length === 0 && r.plan.pattern.cycle === 120));
  assert.ok(d.band > 0, 'a band to ride');
  const saved = await saveCorridor(app.platform, engineer, String(id), { speed: '40', cycle: '120' });
  assert.equal(saved.saved, true);
  const first = await intersectionView(app.platform, engineer, d.rows[1]!.member.intersection.id);
  assert.equal(first.plan.source, 'corridor');
  assert.equal(first.plan.plan.pattern.offset, d.rows[1]!.offset.offset);
  await assert.rejects(designCorridor(app.platform, engineer, '999999', {}), fails('NOT_FOUND'));
});

test('sends: confirmed and the controller switches; never acknowledged → rolled back; a bad plan is not sent; all recorded', async () => {
  const [ok, silent] = await sendPlans(app.platform, engineer, ['HN0001', 'HN0002']);
  assert.equal(ok!.outcome.state, 'confirmed');
  assert.equal(ok!.planVersion, (await intersectionView(app.platform, engineer, 'HN0001')).plan.version, 'its current version (Webster, then the corridor)');
  const c = runtime.simulated.get('HN0001')!;
  assert.equal(c.planVersion, (ok!.outcome as { version: number }).version, 'the controller runs the version sent');
  c.tick();
  await new Promise((r) => setImmediate(r));
  assert.equal(runtime.centre.latest.get('HN0001')?.planVersion, c.planVersion, 'and reports it');
  assert.equal(silent!.outcome.state, 'rolled-back');
  // A plan written around the check (straight into the table) is caught by the centre's check before sending.
  await sql`update signal_plans set plan = jsonb_set(plan, '{pattern,offset}', '9999') where intersection_id = 'HN0004'`.execute(app.database.db);
  const [invalid] = await sendPlans(app.platform, engineer, ['HN0004']);
  assert.equal(invalid!.outcome.state, 'invalid');
  const v = await intersectionView(app.platform, engineer, 'HN0002');
  assert.equal(v.sends[0]!.outcome, 'rolled-back');
  assert.equal((await intersectionView(app.platform, engineer, 'HN0004')).sends[0]!.problems[0]!.code, 'OFFSET');
  assert.equal(await audits('signals.plan-sent'), 3);
});
