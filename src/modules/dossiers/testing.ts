// Test fixtures of the dossiers module: a few procedures imported through the catalogue's own import, citizens
// registered through the registration page, tiny real PDF/PNG/JPEG files, and multipart bodies.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { loadSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { setSetting } from '../../platform/db/settings.ts';
import type { TestApp, TestClient } from '../../testing/app.ts';
import { importCatalogue } from '../procedures/index.ts';
import { proveEmail, registerWithCode } from '../accounts/testing.ts';
import { NOTIFY_RECEIPT_JOB } from './submit.ts';
import { dossierDb, type DossierDb } from './tables.ts';

export const PROC = {
  /** Commune level, online, 5 working days, 50.000 đồng, two documents (the second only "nếu có"). */
  online: { code: '1.999001', name: 'Cấp giấy xác nhận thử nghiệm cho công dân' },
  /** City level, counter and post only. */
  counterOnly: { code: '1.999002', name: 'Thủ tục chỉ nộp trực tiếp' },
  /** City level, online, free, one document. */
  free: { code: '1.999003', name: 'Đăng ký thông tin miễn phí' },
} as const;

export async function seedTestProcedures(db: Kysely<PlatformTables>): Promise<void> {
  const base = { co_quan_ban_hanh: 'Ủy ban nhân dân Thành phố Hà Nội', linh_vuc: 'Thử nghiệm' };
  const records = [
    {
      ...base,
      ma_thu_tuc: PROC.online.code,
      ten_thu_tuc: PROC.online.name,
      cap_thuc_hien: 'Cấp xã',
      kenh_nop: 'Trực tiếp; Trực tuyến',
      co_nop_truc_tuyen: true,
      thoi_han_giai_quyet: '5 Ngày làm việc',
      phi_le_phi: 'Lệ phí: 50.000 đồng',
      thanh_phan_ho_so: 'Tờ khai đề nghị cấp giấy xác nhận1 bản chínhGiấy tờ chứng minh nơi cư trú (nếu có)1 bản sao',
    },
    {
      ...base,
      ma_thu_tuc: PROC.counterOnly.code,
      ten_thu_tuc: PROC.counterOnly.name,
      cap_thuc_hien: 'Cấp tỉnh',
      kenh_nop: 'Trực tiếp; Dịch vụ bưu chính',
      co_nop_truc_tuyen: false,
      thoi_han_giai_quyet: '10 Ngày làm việc',
      phi_le_phi: 'Không',
      thanh_phan_ho_so: 'Đơn đề nghị1 bản chính',
    },
    {
      ...base,
      ma_thu_tuc: PROC.free.code,
      ten_thu_tuc: PROC.free.name,
      cap_thuc_hien: 'Cấp tỉnh',
      kenh_nop: 'Trực tuyến',
      co_nop_truc_tuyen: true,
      thoi_han_giai_quyet: '3 Ngày làm việc',
      phi_le_phi: 'Miễn phí',
      thanh_phan_ho_so: 'Đơn đăng ký1 bản chính',
    },
  ];
  const report = await importCatalogue(db, records.map((data, i) => ({ line: i + 1, data })), {
    effectiveFrom: '2025-01-01',
    source: 'test',
    actor: { id: null, label: 'test' },
  });
  if (report.failed.length) throw new Error(`test procedures not imported: ${JSON.stringify(report.failed)}`);
}

/**
 * Procedures, plus the job queue created up front: Jobs.send creates a missing queue through the pool, which on PGlite
 * (one connection) waits for the submission's own transaction forever. With EGOV_JOBS=on the module's job handler
 * creates the queue at start; tests run without workers. (A platform fix is proposed in the report.)
 */
export async function prepareDossierTests(app: TestApp): Promise<void> {
  await seedTestProcedures(app.database.db);
  // Tests submit hundreds of dossiers from one account; the per-account limit has its own test (on-behalf.test.ts).
  await setSetting(app.database.db, 'dossiers.submissions_per_hour', 100_000);
  await app.platform.jobs.send(NOTIFY_RECEIPT_JOB, { warmup: true });
}

/** E-form answers of the generic form for a registered citizen. */
export function answersFor(c: { name: string; personalId: string; email: string }, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: { fullName: c.name, personalId: c.personalId, phone: '0912 345 678', email: c.email, address: { commune: '00070', street: '12 phố Hàng Bạc' } },
    details: 'Đề nghị cấp giấy xác nhận.',
    ...over,
  };
}

/** The CSRF token and one-time submission token of a submission page; fails when the form lacks them. */
export function formTokens(html: string): { csrf: string; token: string } {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const token = /name="_token" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf && token, 'the form carries a CSRF token and a one-time submission token');
  return { csrf, token };
}

/** The fields a citizen posts on the generic procedure's submission page (flat e-form names), as multipart parts. */
export function submissionFields(c: { name: string; personalId: string; email: string }, t: { csrf: string; token: string }, over: Record<string, string> = {}): Part[] {
  const values: Record<string, string> = {
    _csrf: t.csrf,
    _token: t.token,
    _action: 'submit',
    agency_code: '000.00.20.H26',
    'applicant.fullName': c.name,
    'applicant.personalId': c.personalId,
    'applicant.phone': '0912345678',
    'applicant.email': c.email,
    'applicant.address.commune': '00070',
    'applicant.address.street': '12 phố Hàng Bạc',
    details: 'Đề nghị cấp giấy xác nhận',
    ...over,
  };
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

export interface TestCitizen {
  client: TestClient;
  user: SessionUser;
  personalId: string;
  name: string;
  email: string;
  /** The account's phone number, proven at registration (a citizen's dossiers carry it, whatever the form says). */
  phone: string;
}

/** Registers a citizen through the registration page; the client stays signed in. `n` picks distinct details. */
export async function registerCitizen(app: TestApp, n: number, name = 'Nguyễn Thị Hoa'): Promise<TestCitizen> {
  const client = app.client();
  const personalId = `00119001${String(2000 + n).padStart(4, '0')}`;
  const email = `congdan${n}@example.vn`;
  const phone = `0983 ${String(100000 + n).slice(-6)}`;
  const res = await registerWithCode(app, client, {
    full_name: name,
    personal_id: personalId,
    phone,
    email,
    password: 'Matkhau2025',
    password_confirm: 'Matkhau2025',
  });
  if (res.statusCode !== 303) throw new Error(`registration failed (${res.statusCode}): ${res.body.slice(0, 500)}`);
  const token = client.cookies.get(SESSION_COOKIE);
  const session = token ? await loadSession(app.database.db, token) : undefined;
  if (!session) throw new Error('no session after registration');
  // Registration proved the phone; the e-mail address is proven too, so receipts and notices reach it.
  await proveEmail(app.database.db, session.user.id);
  return { client, user: session.user, personalId, name, email, phone };
}

/** The smallest files each format's readers accept. */
export const TINY = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  ),
  png: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffc0000b080001000101011100ffc40014000100000000000000000000000000000000ffda0008010100003f00d2cf20ffd9', 'hex'),
  /** A Windows executable's header: "MZ". */
  exe: Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(64)]),
};

export interface Part {
  name: string;
  value?: string;
  file?: { filename: string; content: Buffer; type?: string };
}

/** A multipart/form-data body as a browser sends it. */
export function multipartBody(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----egovtest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if (p.file) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.file.filename}"\r\nContent-Type: ${p.file.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      chunks.push(p.file.content, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value ?? ''}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart body with the client's cookies (TestClient only posts url-encoded forms). */
export async function postMultipart(app: TestApp, client: TestClient, url: string, parts: readonly Part[]) {
  const { body, contentType } = multipartBody(parts);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.server.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload: body });
}

/**
 * This module's tables for other modules' test fixtures that need rows as months of work leave them (figures, sweeps)
 * faster than by playing every step through the services. Tests only: production code goes through ./index.ts.
 */
export function dossierTables(db: Kysely<PlatformTables>): DossierDb {
  return dossierDb(db);
}
