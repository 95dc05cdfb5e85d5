import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { prepareDossierTests, PROC } from '../../dossiers/testing.ts';
import { handlingAgencyFor, CITY_OFFICE_CODE } from './routing.ts';
import { AG } from './testing.ts';

let app: TestApp;
let centreId: number;
let officeId: number;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  centreId = (await findAgencyByCode(app.database.db, AG.centre))!.id;
  officeId = (await findAgencyByCode(app.database.db, CITY_OFFICE_CODE))!.id;
});
after(async () => {
  await app.close();
});

/** A database that fails (as on a lost connection) on any statement reading procedure versions. */
const failingProcedures: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    if (JSON.stringify(args.node).includes('"procedure_versions"')) throw new Error('connection terminated unexpectedly');
    return args.node;
  },
  transformResult: async (args: PluginTransformResultArgs) => args.result,
};

function capture() {
  const lines: { obj: object; msg: string }[] = [];
  return { lines, log: { warn: (obj: object, msg: string) => void lines.push({ obj, msg }) } };
}

test('a database error while routing propagates: the dossier is not sent to the City Office', async () => {
  const { lines, log } = capture();
  const db = app.database.db.withPlugin(failingProcedures);
  await assert.rejects(handlingAgencyFor(db, { agencyId: centreId, procedureCode: PROC.counterOnly.code, procedureVersion: 1 }, log), /connection terminated/);
  assert.deepEqual(lines, []);
});

test('when no rule matches, the dossier goes to the City Office, and the fallback is logged', async () => {
  const { lines, log } = capture();
  const to = await handlingAgencyFor(app.database.db, { agencyId: centreId, procedureCode: PROC.counterOnly.code, procedureVersion: 999 }, log);
  assert.equal(to, officeId);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!.msg, /no routing rule matches/);
  assert.deepEqual(lines[0]!.obj, { procedureCode: PROC.counterOnly.code, procedureVersion: 999, agencyId: officeId });
});

test('a dossier received by a ward stays with the ward, with nothing logged', async () => {
  const { lines, log } = capture();
  const ward = (await findAgencyByCode(app.database.db, AG.hoanKiem))!.id;
  assert.equal(await handlingAgencyFor(app.database.db.withPlugin(failingProcedures), { agencyId: ward, procedureCode: PROC.online.code, procedureVersion: 1 }, log), ward);
  assert.deepEqual(lines, []);
});
