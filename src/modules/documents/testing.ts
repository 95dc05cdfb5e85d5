// Test helpers of official documents: staff accounts of an agency, signed in, and a small PDF to attach.
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { createPdf, pdfToBuffer } from '../../platform/pdf/index.ts';
import type { TestApp, TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';

export const WARD = '000.04.51.H26';
export const OTHER_WARD = '000.01.51.H26';
export { Role };

export async function agencyIdOf(app: TestApp, code: string): Promise<number> {
  const a = await findAgencyByCode(app.database.db, code);
  if (!a) throw new Error(`no agency ${code}`);
  return a.id;
}

export async function staff(app: TestApp, username: string, roles: Role[], agencyCode: string): Promise<{ client: TestClient; user: SessionUser & { agencyId: number } }> {
  const agencyId = await agencyIdOf(app, agencyCode);
  const id = await createStaffAccount(app.database.db, { username, full_name: `Cán bộ ${username}`, email: `${username}@example.vn`, phone: '', agency_id: agencyId, roles, password: 'Matkhau2025' }, { id: null, label: 'test' });
  const client = app.client();
  const user = await signInAs(app.database.db, client, { id, username, roles, agencyId });
  return { client, user: user as SessionUser & { agencyId: number } };
}

export async function smallPdf(text = 'Văn bản thử nghiệm — Ủy ban nhân dân phường'): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: 'Thử nghiệm' });
  doc.fontSize(13).text(text);
  return pdfToBuffer(doc);
}

/** Posts a multipart form as a browser does (fields and files), with the page's CSRF token. */
export async function postMultipart(app: TestApp, c: TestClient, pageUrl: string, action: string, fields: Record<string, string | string[]>, files: { field: string; name: string; type: string; content: Buffer }[]) {
  const page = await c.get(pageUrl);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const b = 'egovdocs4b1d';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...fields })) for (const x of Array.isArray(v) ? v : [v]) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${x}\r\n`, 'utf8'));
  for (const f of files) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`, 'utf8'), f.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${b}--\r\n`));
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.server.inject({ method: 'POST', url: action, remoteAddress: c.ip, headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` }, payload: Buffer.concat(parts) });
}
