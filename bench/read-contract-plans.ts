// The read contracts of migrations/0011 cost nothing: captures every statement the quality figures, the inbox and the
// tracking book run on the published views and compares its plan with the plan of the same statement on the tables
// themselves (aliases aside). Identical plans: identical work. Exits 1 on any difference.
// Usage: DATABASE_URL=postgres://…/egov node --import tsx bench/read-contract-plans.ts [--from 2026-01-01 --to 2026-03-31]
// (on data from `egov seed --demo` and `egov seed --dossiers N`; measured on 200,000 dossiers: 39 statements, all the same).
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { migrate, openDatabase, type Database } from '../src/platform/db/index.ts';
import type { Platform } from '../src/platform/http/context.ts';
import type { SessionUser } from '../src/platform/auth/roles.ts';
import { agencyTable, currentMonth, parseQualityQuery, qualityFigures } from '../src/modules/quality/index.ts';
import { inbox, INBOX_TABS } from '../src/modules/backoffice/workflow/inbox.ts';
import { trackingBook } from '../src/modules/backoffice/office/book.ts';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/egov';
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
const VIEWS: [RegExp, string][] = [
  [/\bdossier_facts\b/g, 'dossiers'], [/\bdossier_file_facts\b/g, 'dossier_files'], [/\bdossier_payment_facts\b/g, 'payments'],
  [/\bdossier_event_facts\b/g, 'dossier_events'], [/\bsupplement_facts\b/g, 'dossier_supplements'], [/\brating_facts\b/g, 'dossier_ratings'],
  [/\bfeedback_facts\b/g, 'dossier_feedback'], [/\bconsultation_facts\b/g, 'dossier_consultations'],
];
const onTables = (s: string) => VIEWS.reduce((x, [re, t]) => x.replace(re, t), s);

function capture(database: Database) {
  const state = { on: false, seen: [] as { sql: string; params: unknown[] }[] };
  const pool = database.pool as unknown as { connect: (cb?: (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void) => unknown };
  const connect = pool.connect.bind(pool);
  const wrapped = new WeakSet<object>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      const [sql, params] = args;
      if (state.on && typeof sql === 'string' && /^\s*select/i.test(sql) && /_facts\b/.test(sql)) state.seen.push({ sql, params: Array.isArray(params) ? params : [] });
      return query(...args);
    };
    return client;
  };
  pool.connect = (cb) => (cb ? connect((err, client, done) => cb(err, client && wrap(client), done)) : (connect() as Promise<pg.PoolClient>).then(wrap));
  return state;
}

/** A plan without relation aliases (`dossiers d` vs `dossiers`, `d.id` vs `dossiers.id`). */
const normalised = (plan: string): string => plan.replace(/ on (\w+) \w+$/gm, ' on $1').replace(/\b[a-z_]+\d*\.(?=[a-z_(])/g, '');

async function main() {
  const database = await openDatabase({ url: URL_, poolSize: 4 });
  await migrate(database);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', EGOV_JOBS: 'off', EGOV_DEMO: 'off', EGOV_FIGURES_MAX_AGE: '0', DATABASE_URL: URL_ });
  const platform = { config, database, demo: () => false } as unknown as Platform;
  const cap = capture(database);
  const admin: SessionUser = { id: 0, username: 'x', displayName: 'x', kind: 'staff', roles: ['admin'], agencyId: null, agencyName: null };
  const ward = (await database.pool.query<{ id: number; code: string }>(`select a.id, a.code from agencies a join dossiers d on d.agency_id = a.id group by a.id order by count(*) desc limit 1`)).rows[0];
  if (!ward) throw new Error('no data');
  const officer = (await database.pool.query<{ id: number }>(`select a.id from accounts a join account_roles r on r.account_id = a.id where a.agency_id = $1 and r.role = 'one_stop_officer' limit 1`, [ward.id])).rows[0]?.id ?? 1;
  const staff: SessionUser = { id: officer, username: 'o', displayName: 'o', kind: 'staff', roles: ['one_stop_officer'], agencyId: ward.id, agencyName: '' };
  const period = { ...currentMonth(), ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) };
  cap.on = true;
  await qualityFigures(platform, admin, parseQualityQuery({ ...period }));
  await agencyTable(platform, admin, parseQualityQuery({ ...period }));
  await qualityFigures(platform, admin, parseQualityQuery({ ...period, agency: ward.code }));
  for (const tab of INBOX_TABS) await inbox(platform, staff, { tab });
  await inbox(platform, staff, { q: 'nguyen' });
  await trackingBook(platform, staff, period.from, period.to);
  cap.on = false;
  let same = 0;
  const diff: string[] = [];
  for (const st of cap.seen) {
    const plan = async (text: string) => {
      const c = await database.pool.connect();
      try {
        await c.query('begin');
        await c.query('set local jit = off');
        const r = await c.query(`explain (costs off) ${text}`, st.params);
        await c.query('rollback');
        return (r.rows as { 'QUERY PLAN': string }[]).map((x) => x['QUERY PLAN']).join('\n');
      } finally {
        c.release();
      }
    };
    const a = await plan(st.sql);
    const b = await plan(onTables(st.sql));
    if (normalised(a) === normalised(b)) same++;
    else diff.push(`--- ${st.sql.replace(/\s+/g, ' ').slice(0, 200)}\n[views]\n${a}\n[tables]\n${b}`);
  }
  console.log(`statements: ${cap.seen.length}, identical plans: ${same}, different: ${diff.length}`);
  for (const d of diff) console.log(d);
  await database.close();
  if (diff.length > 0 || cap.seen.length === 0) process.exit(1);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
