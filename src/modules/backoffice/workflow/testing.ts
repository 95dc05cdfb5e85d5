// Test fixtures of the back office: staff at two wards, the city service centre, two departments; a dossier submitted
// online by a registered citizen; shortcuts to act as someone and to read a dossier's row.
import { sql } from 'kysely';
import type { Role, SessionUser } from '../../../platform/auth/roles.ts';
import type { TestApp } from '../../../testing/app.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createStaffAccount } from '../../accounts/index.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { submitDossier } from '../../dossiers/index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from '../../dossiers/testing.ts';
import { takeAction, type ActionContext } from './engine.ts';
import type { ActionInput } from './input.ts';
import { NOTIFY_JOB } from './notify-events.ts';
import { seedWorkflows } from './registry.ts';

export const AG = {
  hoanKiem: '000.04.51.H26',
  cuaNam: '000.05.51.H26',
  centre: '000.00.20.H26',
  justice: '000.00.03.H26',
  construction: '000.00.07.H26',
  cityOffice: '000.00.01.H26',
} as const;

export interface Staff {
  hkOfficer: SessionUser;
  hkSpecialist: SessionUser;
  hkLeader: SessionUser;
  cnOfficer: SessionUser;
  cnSpecialist: SessionUser;
  cnLeader: SessionUser;
  centreOfficer: SessionUser;
  justiceSpecialist: SessionUser;
  justiceLeader: SessionUser;
  constructionSpecialist: SessionUser;
}

let n = 0;
async function staff(app: TestApp, agencyCode: string, roles: Role[]): Promise<SessionUser> {
  const agency = await findAgencyByCode(app.database.db, agencyCode);
  if (!agency) throw new Error(`no agency ${agencyCode}`);
  const username = `wf.${roles[0]}.${++n}`.replaceAll('_', '');
  const id = await createStaffAccount(
    app.database.db,
    { username, full_name: `Cán bộ ${n}`, email: `${username}@example.vn`, phone: '', agency_id: agency.id, roles, password: 'Matkhau2025' },
    { id: null, label: 'test' },
  );
  return { id, username, displayName: `Cán bộ ${n}`, kind: 'staff', roles, agencyId: agency.id, agencyName: agency.name };
}

export async function prepareWorkflowTests(app: TestApp): Promise<{ staff: Staff; citizen: TestCitizen; other: TestCitizen }> {
  await prepareDossierTests(app);
  await seedWorkflows(app.database.db);
  await app.platform.jobs.send(NOTIFY_JOB, { warmup: true });
  const s: Staff = {
    hkOfficer: await staff(app, AG.hoanKiem, ['one_stop_officer']),
    hkSpecialist: await staff(app, AG.hoanKiem, ['specialist']),
    hkLeader: await staff(app, AG.hoanKiem, ['leader']),
    cnOfficer: await staff(app, AG.cuaNam, ['one_stop_officer']),
    cnSpecialist: await staff(app, AG.cuaNam, ['specialist']),
    cnLeader: await staff(app, AG.cuaNam, ['leader']),
    centreOfficer: await staff(app, AG.centre, ['one_stop_officer']),
    justiceSpecialist: await staff(app, AG.justice, ['specialist']),
    justiceLeader: await staff(app, AG.justice, ['leader']),
    constructionSpecialist: await staff(app, AG.construction, ['specialist']),
  };
  const citizen = await registerCitizen(app, 41, 'Trần Văn Hùng');
  const other = await registerCitizen(app, 42, 'Lê Thị Mai');
  return { staff: s, citizen, other };
}

/** A dossier submitted online to an agency (Hoàn Kiếm by default) at `now`. */
export async function submitted(app: TestApp, citizen: TestCitizen, opts: { agency?: string; now?: Date; workflow?: string; files?: { docKey: string; filename: string }[] } = {}): Promise<string> {
  const { dossier } = await submitDossier(
    app.platform,
    citizen.user,
    {
      procedureCode: PROC.online.code,
      agencyCode: opts.agency ?? AG.hoanKiem,
      form: answersFor(citizen),
      files: (opts.files ?? [{ docKey: 'doc1', filename: 'to-khai.pdf' }]).map((f) => ({ ...f, content: TINY.pdf })),
    },
    { via: 'web', ...(opts.now ? { now: opts.now } : {}) },
  );
  if (opts.workflow) await sql`update dossiers set workflow_code = ${opts.workflow} where code = ${dossier.code}`.execute(app.database.db);
  return dossier.code;
}

export function acting(app: TestApp, now?: Date) {
  const ctx: ActionContext = { via: 'web', ...(now ? { now } : {}) };
  return (user: SessionUser, code: string, input: ActionInput) => takeAction(app.platform, user, code, input, ctx);
}

export async function row(app: TestApp, code: string): Promise<Record<string, unknown>> {
  const r = await sql<Record<string, unknown>>`select *, to_char(due_date, 'YYYY-MM-DD') as due from dossiers where code = ${code}`.execute(app.database.db);
  if (!r.rows[0]) throw new Error(`no dossier ${code}`);
  return r.rows[0];
}

export async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the action to be refused');
}

export const PDF_RESULT = { docKey: 'result', filename: 'ket-qua.pdf', content: TINY.pdf };
