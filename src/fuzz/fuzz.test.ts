// The fuzz suite: every route of the app (the OpenAPI document for /api/*, the route table for pages and forms) gets
// hostile values (values.ts) in each query parameter, path segment and body field, as an anonymous visitor, a
// citizen, an officer of the one-stop desk and one of the registry (văn thư: clerk, leader and specialist at once, who also
// holds the roles of IT readiness, IT training, schools' IT equipment, the transit centre's officer, the licence officer and the signal engineer). It fails on any 5xx, any stack trace in a response, and any change to existing data made
// by a read or by a refused write. FUZZ_RUNS cases per route (default 12 in CI); `npm run fuzz` runs a longer pass.
// FUZZ_ONLY (a regular expression) fuzzes only the routes whose path matches it, e.g. FUZZ_ONLY='gplx' for licences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { testApp, type TestApp, type TestClient } from '../testing/app.ts';
import { apiTokenFor, signInAs } from '../testing/auth.ts';
import { routesOf, type RouteEntry } from '../platform/http/server.ts';
import { multipartBody, TINY, type TestCitizen } from '../modules/dossiers/testing.ts';
import { prepareWorkflowTests, submitted, type Staff } from '../modules/backoffice/workflow/testing.ts';
import { caseArb, encodeLoose, type Case } from './values.ts';
import { Role, type SessionUser } from '../platform/auth/roles.ts';
import { createStaffAccount } from '../modules/accounts/index.ts';
import { findAgencyByCode } from '../modules/units/index.ts';
import { registerIncoming } from '../modules/documents/incoming.ts';
import { createDraft } from '../modules/documents/outgoing.ts';
import { openCycle } from '../modules/readiness/cycle.ts';
import { formFor } from '../modules/readiness/form.ts';
import { seedAdmissionsDemo } from '../modules/admissions/index.ts';
import { attachItOfficer } from '../modules/schoolit/index.ts';
import { openAccount } from '../modules/transit/index.ts';
import { importLicences } from '../modules/licences/index.ts';
import { seedDemoSignals } from '../modules/signals/index.ts';
import { importForTest, recordsFor } from '../modules/procedures/testing.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** FUZZ_ONLY=<regular expression>: fuzz only the routes whose path matches (e.g. while working on one module). */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;

/** Tables whose rows a read or a refused write must never change. */
const WATCHED = [
  'accounts', 'account_roles', 'agencies', 'units', 'procedures', 'procedure_versions', 'calendar_days', 'stored_files',
  'dossiers', 'dossier_files', 'dossier_events', 'dossier_supplements', 'dossier_consultations', 'dossier_ratings',
  'dossier_feedback', 'dossier_drafts', 'payments', 'workflows',
  'documents', 'document_counters', 'document_files', 'document_assignments', 'document_readers', 'work_files', 'work_file_documents',
  'readiness_sets', 'readiness_cycles', 'readiness_forms', 'readiness_evidence', 'readiness_questions', 'readiness_adjustments', 'readiness_history',
  'training_courses', 'training_classes', 'training_trainees', 'training_enrolments', 'training_results', 'training_certificates',
  'schoolit_staff', 'schoolit_reports',
  'transit_accounts', 'transit_media', 'transit_ledger', 'transit_passes', 'transit_concessions', 'transit_disputes',
  'transit_payments', 'transit_operator_agencies',
  'licences', 'licence_points_events', 'licence_cases', 'licence_expiry_notices',
  'signal_corridors', 'signal_intersections', 'signal_plans', 'signal_schedule', 'signal_sends',
];
/** Columns that record an attempt rather than data (a refused sign-in counts against the account). */
const VOLATILE = ['failed_sign_ins', 'failed_attempts', 'locked_until', 'last_failed_at', 'last_seen_at', 'last_sign_in_at'];

const STACK = /\n\s+at [^\n]+:\d+:\d+|\bat (async )?[\w.<>]+ \([^)]*:\d+:\d+\)|\/(src|node_modules)\/[\w./-]+\.(ts|js|tsx)/;

let app: TestApp;
let staff: Staff;
let registry: SessionUser;
let citizen: TestCitizen;
let code = '';
const clients: Record<Case['who'], TestClient> = {} as Record<Case['who'], TestClient>;
const bearer: Partial<Record<Case['who'], string>> = {};
const csrf: Partial<Record<Case['who'], string>> = {};
let fieldNames: string[] = [];

before(async () => {
  app = await testApp();
  const prepared = await prepareWorkflowTests(app);
  staff = prepared.staff;
  citizen = prepared.citizen;
  code = await submitted(app, citizen);
  clients.anonymous = app.client();
  clients.citizen = app.client();
  clients.staff = app.client();
  clients.registry = app.client();
  const hk = await findAgencyByCode(app.database.db, '000.04.51.H26');
  // The registry's roles, and those of IT readiness, IT training and schools' IT equipment (issue 14), so that their
  // pages are reached past the access check.
  const roles = [Role.registryClerk, Role.leader, Role.specialist, Role.readinessReporter, Role.readinessReviewer, Role.readinessCouncil, Role.trainingManager, Role.schoolIt, Role.educationOffice, Role.transitOfficer, Role.licenceOfficer, Role.signalEngineer];
  const id = await createStaffAccount(app.database.db, { username: 'fuzz.vanthu', full_name: 'Văn thư thử', email: 'fuzz.vanthu@example.vn', phone: '', agency_id: hk!.id, roles, password: 'Matkhau2025' }, { id: null, label: 'fuzz' });
  registry = { id, username: 'fuzz.vanthu', displayName: 'Văn thư thử', kind: 'staff', roles, agencyId: hk!.id, agencyName: hk!.name };
  // Document 1 (incoming) and 2 (an outgoing draft), so the registry's pages with :id=1 show a real document.
  await registerIncoming(app.platform, registry, { typeCode: 'CV', author: 'Sở Tư pháp', authorCode: null, number: 1, notation: 'STP-VP', documentDate: '2026-01-05', summary: 'V/v thử', signerName: '', urgency: 'normal', secrecy: 'normal', pageCount: 1, dueDate: null }, [], { ip: null, checkSignatures: null });
  // Readiness cycle 1 (the 2025 communes' set) and the ward's form 1 in it, so /chuyen-doi-so/…/1 shows a real form.
  const cycle = await openCycle(app.platform, registry, { setId: '2025-communes', deadline: '2099-12-31', guidance: 'Thử' });
  await formFor(app.platform, registry, cycle.id);
  // The demo schools, and the staff user as a primary school's IT officer, so that the school's report pages are
  // reached with a real school rather than only their "no school" answer.
  await seedAdmissionsDemo(app.platform);
  await attachItOfficer(app.platform, id, 'TH00070A');
  // The citizen's e-ticket account (issue 15), so that the rider's forms under /ve-dien-tu are reached.
  await openAccount(app.platform, citizen.user, citizen.user.id);
  // A driving licence (issue 16), so that /quan-ly/gplx/:number and /xac-minh-gplx/:token reach a real one.
  await importLicences(app.platform, registry, 'so,so_dinh_danh,ho_ten,ngay_sinh,hang,hang_cu,ngay_cap,ngay_het_han,han_che\n010000000001,001185004321,Nguyễn Thị Lan,1985-04-02,B,,2020-03-14,,\n');
  PARAM_DEFAULTS.number = '010000000001';
  // The licence renewal 3.000347 (issue 16), so the submission pages with :procedureCode reach its extension: the
  // citizen holds no licence in the registry (the notice above the form, a typed number refused beside the field).
  await importForTest(app.database.db, recordsFor(['3.000347']));
  PARAM_DEFAULTS.procedureCode = '3.000347';
  // The signal registry (issue 16): 40 demo intersections, so /quan-ly/den-tin-hieu/hanh-lang/1 is a real corridor.
  await seedDemoSignals(app.platform, 40);
  PARAM_DEFAULTS.token = (await sql<{ t: string }>`select verify_token as t from licences where number = '010000000001'`.execute(app.database.db)).rows[0]?.t ?? 'x';
  await createDraft(app.platform, registry, { typeCode: 'CV', series: 'admin', summary: 'V/v trả lời', body: 'Nội dung.', draftingUnit: 'VP', signerName: '', signerPosition: '', signerCompetence: '', urgency: 'normal', secrecy: 'normal', copies: 1, recipients: '', internal: [], readers: [], replyTo: null }, [], null);
});
after(async () => {
  await app?.close();
});

async function freshSessions(): Promise<void> {
  await signInAs(app.database.db, clients.citizen, citizen.user);
  await signInAs(app.database.db, clients.staff, staff.hkOfficer);
  await signInAs(app.database.db, clients.registry, registry);
  bearer.citizen = await apiTokenFor(app.database.db, citizen.user);
  bearer.staff = await apiTokenFor(app.database.db, staff.hkOfficer);
  for (const who of ['anonymous', 'citizen', 'staff', 'registry'] as const) {
    const page = await clients[who].get(who === 'anonymous' ? '/dang-nhap' : '/');
    csrf[who] = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  }
}

let checksumQuery: ReturnType<typeof sql<{ h: string | null }>> | null = null;

/** One query: an md5 over every watched table's rows (less the volatile columns). */
async function checksum(): Promise<string> {
  if (!checksumQuery) {
    const parts = [];
    for (const table of WATCHED) {
      const cols = (await sql<{ c: string }>`select column_name as c from information_schema.columns where table_name = ${table} and table_schema = current_schema() order by ordinal_position`.execute(app.database.db)).rows
        .map((r) => r.c)
        .filter((c) => !VOLATILE.includes(c));
      if (cols.length === 0) continue;
      const list = sql.join(cols.map((c) => sql.ref(c)));
      parts.push(sql`(select md5(coalesce(string_agg(row(${list})::text, ',' order by row(${list})::text), '')) from ${sql.table(table)})`);
    }
    checksumQuery = sql<{ h: string | null }>`select concat_ws('|', ${sql.join(parts)}) as h`;
  }
  return (await checksumQuery.execute(app.database.db)).rows[0]?.h ?? '';
}

/** Query parameters pages read (besides the fields of their forms). */
const PAGE_QUERY = ['q', 'page', 'lang', 'next', 'from', 'to', 'status', 'agency', 'year', 'month', 'date', 'sort', 'code', 'old', 'version'];

const PARAM_DEFAULTS: Record<string, string> = { code: '', id: '1', fileId: '1', key: 'accept', n: '1', year: '2026' };

function paramsOf(url: string): string[] {
  return [...url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
}

function fillPath(url: string, override: { index: number; value: string } | null): string {
  let i = 0;
  return url.replace(/:(\w+)|\*/g, (_m, name: string | undefined) => {
    const idx = i++;
    if (override && override.index === idx) return encodeLoose(override.value);
    if (!name) return 'app.css';
    return encodeURIComponent(name === 'code' ? code : (PARAM_DEFAULTS[name] ?? 'x'));
  });
}

function schemaFields(r: RouteEntry, part: 'querystring' | 'body'): string[] {
  const s = r.schema?.[part] as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(s?.properties ?? {});
}

/** JSON text of a body; a value too deep for JSON.stringify is written out by hand. */
function jsonText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return `{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  }
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

interface Outcome {
  route: string;
  c: Case;
  status: number;
  why: string;
}

async function send(r: RouteEntry, c: Case): Promise<LightMyRequestResponse> {
  const isApi = r.url.startsWith('/api/');
  const params = paramsOf(r.url);
  const queryNames = isApi ? schemaFields(r, 'querystring') : [...PAGE_QUERY, ...fieldNames];
  const bodyNames = isApi ? schemaFields(r, 'body') : fieldNames;
  const pathOverride = c.where === 'path' && params.length > 0 ? { index: c.target % params.length, value: asText(c.value) } : null;
  let url = fillPath(r.url, pathOverride);
  if (c.where === 'query' || r.method === 'GET') {
    const name = queryNames.length ? (queryNames[c.target % queryNames.length] ?? 'q') : 'q';
    const qs = c.spray ? queryNames.slice(0, 60).map((n) => `${encodeLoose(n)}=${encodeLoose(asText(c.value).slice(0, 2000))}`) : [];
    qs.push(`${encodeLoose(name)}=${encodeLoose(asText(c.value))}`);
    if (c.extra) qs.push(`${encodeLoose(c.extra[0])}=${encodeLoose(asText(c.extra[1]))}`);
    url += `?${qs.join('&')}`;
  }
  const headers: Record<string, string> = {};
  const client = clients[c.who];
  if (isApi) {
    const token = bearer[c.who];
    if (token) headers.authorization = `Bearer ${token}`;
  } else {
    headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  if (r.method === 'GET' || r.method === 'DELETE') return app.server.inject({ method: r.method, url, headers });

  const body: Record<string, unknown> = {};
  if (!isApi) body._csrf = csrf[c.who] ?? '';
  if (!c.dropOthers) for (const n of bodyNames.slice(0, 60)) body[n] = c.spray && c.where === 'body' ? c.value : 'Nguyễn Văn An';
  const target = bodyNames.length ? (bodyNames[c.target % bodyNames.length] ?? 'q') : 'q';
  if (c.where === 'body') body[target] = c.value;
  if (c.extra) Object.defineProperty(body, c.extra[0], { value: c.extra[1], enumerable: true, writable: true, configurable: true });
  const method = r.method as 'POST' | 'PUT' | 'PATCH';
  const encoding = isApi && c.encoding === 'form' ? 'json' : c.encoding;
  switch (encoding) {
    case 'json':
      headers['content-type'] = 'application/json';
      return app.server.inject({ method, url, headers, payload: jsonText(body) });
    case 'raw':
      headers['content-type'] = 'application/json';
      return app.server.inject({ method, url, headers, payload: typeof c.value === 'string' ? `{"a":"${c.value}` : '['.repeat(5000) + ']'.repeat(5000) });
    case 'multipart':
    case 'broken-multipart': {
      const parts = Object.entries(body).map(([name, v]) => ({ name, value: asText(v) }));
      parts.push({ name: 'files.doc1', file: { filename: `${asText(c.value).slice(0, 60)}.pdf`, content: Buffer.concat([TINY.pdf.subarray(0, 9), Buffer.from(asText(c.value).slice(0, 1000))]) } } as never);
      const mp = multipartBody(parts);
      headers['content-type'] = mp.contentType;
      const payload = encoding === 'broken-multipart' ? mp.body.subarray(0, Math.floor(mp.body.length / 2)) : mp.body;
      return app.server.inject({ method, url, headers, payload });
    }
    default: {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const pairs = Object.entries(body).map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(asText(v))}`);
      return app.server.inject({ method, url, headers, payload: pairs.join('&') });
    }
  }
}

test('no hostile input makes a 5xx, shows a stack trace or changes data it should not', { timeout: 60 * 60 * 1000 }, async () => {
  const routes = routesOf(app.server).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !r.url.startsWith('/documentation') && (!ONLY || ONLY.test(r.url)));
  // Every path of the OpenAPI document is among them (the document is generated from these routes' schemas).
  const doc = (app.server as unknown as { swagger(): { paths?: Record<string, Record<string, unknown>> } }).swagger();
  const known = new Set(routes.map((r) => `${r.method} ${r.url}`));
  for (const [path, ops] of ONLY ? [] : Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(ops)) assert.ok(known.has(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`), `${method} ${path} is fuzzed`);
  }
  await freshSessions();
  // Field names of every form the pages show, for the routes that have no body schema.
  const names = new Set<string>();
  for (const r of routes.filter((x) => x.method === 'GET' && !x.url.startsWith('/api/') && (!ONLY || ONLY.test(x.url)))) {
    for (const who of ['anonymous', 'citizen', 'staff', 'registry'] as const) {
      const t0 = Date.now();
      const res = await clients[who].get(fillPath(r.url, null));
      if (process.env.FUZZ_VERBOSE) console.log(`scrape ${who} ${r.url}: ${Date.now() - t0} ms`);
      for (const m of res.body.matchAll(/name="([^"]{1,60})"/g)) if (m[1] && m[1] !== '_csrf') names.add(m[1]);
    }
  }
  fieldNames = [...names].sort();
  const failures: Outcome[] = [];
  const extraPaths: RouteEntry[] = ['/static/../package.json', '/static/%2e%2e/%2e%2e/package.json', '/static/..%2f..%2fpackage.json'].map((url) => ({ method: 'GET', url }));
  let cases = 0;
  const fuzzed = [...routes, ...extraPaths].filter((x) => !ONLY || ONLY.test(x.url));
  for (const r of fuzzed) {
    await freshSessions();
    let baseline = await checksum();
    const encodings: Case['encoding'][] = r.method === 'GET' ? ['form'] : ['form', 'json', 'multipart', 'broken-multipart', 'raw'];
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(caseArb(encodings), async (c) => {
        cases++;
        let res: LightMyRequestResponse;
        try {
          res = await send(r, c);
        } catch (err) {
          failures.push({ route: `${r.method} ${r.url}`, c, status: 0, why: `inject threw: ${String(err)}` });
          return true;
        }
        const why: string[] = [];
        if (res.statusCode >= 500 && res.statusCode !== 503) why.push(`status ${res.statusCode}: ${res.body.slice(0, 300)}`);
        if (STACK.test(res.body)) why.push(`stack trace: ${STACK.exec(res.body)?.[0] ?? ''}`);
        const now = await checksum();
        const write = r.method !== 'GET' && res.statusCode < 400;
        if (now !== baseline && !write) why.push('data changed by a read or a refused write');
        baseline = now;
        if (why.length) failures.push({ route: `${r.method} ${r.url}`, c, status: res.statusCode, why: why.join('; ') });
        return true;
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (process.env.FUZZ_VERBOSE) console.log(`${r.method} ${r.url}: ${Date.now() - started} ms`);
  }
  const routesFuzzed = fuzzed.length;
  const failingRoutes = new Set(failures.map((f) => f.route)).size;
  const fiveXx = failures.filter((f) => f.status >= 500).length;
  console.log(`fuzz: ${routesFuzzed} routes, ${RUNS} cases per route, ${cases} requests, ${failures.length} failures (${fiveXx} with 5xx) on ${failingRoutes} routes`);
  const summary = failures.slice(0, 40).map((f) => `${f.route} [${f.c.who}, ${f.c.where}, ${f.c.encoding}] value=${asText(f.c.value).slice(0, 60)} → ${f.why.slice(0, 400)}`);
  assert.deepEqual(summary, [], `${failures.length} failing cases`);
});
