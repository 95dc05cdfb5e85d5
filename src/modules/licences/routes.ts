// The licence officer's pages under /quan-ly/gplx and the public verification page /xac-minh-gplx/:token. Thin: parse
// → service → render. Access is checked by the services (other staff and citizens get 403); a signed-out visitor of
// an officer's page is sent to sign in first.
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { t } from '../../platform/web/i18n.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { requireLicenceOfficer } from './access.ts';
import { importLicences, type LineError } from './import.ts';
import { m } from './messages.ts';
import { checkEnd, closeCase, endLicence, openCase } from './cases.ts';
import { lookupLicence, recordDeduction, recordTestPassed } from './record.ts';
import { parseLicenceNumber } from './rules/number.ts';
import { verifyQr } from './qr.ts';
import { verifyLicence } from './verify.ts';
import { ConfirmEndPage } from './views/cases.tsx';
import { ELicencePage } from './views/elicence.tsx';
import { HomePage } from './views/home.tsx';
import { LicencePage } from './views/licence.tsx';
import { URLS } from './views/parts.tsx';
import { VerifyPage } from './views/verify.tsx';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.replaceAll('\0', '').trim().slice(0, 200) : '');
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');
const numberParam = (req: FastifyRequest): string => str((req.params as Body).number);
const signInFirst = (req: FastifyRequest, reply: FastifyReply): FastifyReply | null => (req.user ? null : reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303));
/** A refusal to show beside the fields (400, 409, 422); anything else goes to the error page. */
const formError = (err: unknown): AppError | undefined => (err instanceof AppError && [400, 409, 422].includes(err.status) ? err : undefined);
const asFields = (e: AppError, field: string): FieldError[] => (e.fields.length > 0 ? e.fields : [{ field, message: e.text }]);
const long = (v: unknown): string => (typeof v === 'string' ? v.replaceAll('\0', '').trim().slice(0, 600) : '');
const FIELDS = ['decision', 'points', 'effectiveOn', 'testOn', 'caseDecision', 'openedOn', 'caseId', 'outcome', 'closedOn', 'reason'] as const;
const NOTICES: Record<string, typeof m.saved> = { saved: m.saved };

export async function licenceRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);

  app.get(URLS.home, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireLicenceOfficer(req.user);
    const q = (req.query ?? {}) as Body;
    const typed = str(q.so);
    const imported = str(q.nhap);
    const notice = /^\d{1,6}$/.test(imported) ? t(req.lang, m.imported, { n: imported }) : undefined;
    if (typed === '') return noStore(reply).html(HomePage({ req, notice }));
    const n = parseLicenceNumber(typed);
    if (!n.ok) return noStore(reply).status(400).html(HomePage({ req, typed, numberError: t(req.lang, n.message) }));
    return reply.redirect(URLS.licence(n.number), 303);
  });

  app.post(URLS.import, async (req, reply) => {
    requireLicenceOfficer(req.user);
    const upload = uploadsOf((req.body ?? {}) as Body).find((u) => u.docKey === 'csv' && u.temp && u.temp.size > 0);
    let lineErrors: LineError[];
    if (!upload?.temp || upload.truncated || upload.overTotal || upload.temp.size > 5_000_000) {
      lineErrors = [{ line: 0, message: { vi: 'Chọn một tệp CSV (tối đa 5 MB).', en: 'Choose a CSV file (5 MB at most).' } }];
    } else {
      const r = await importLicences(platform, req.user, (await readFile(upload.temp.path)).toString('utf8'));
      if (r.ok) return reply.redirect(`${URLS.home}?nhap=${r.imported}`, 303);
      lineErrors = r.errors;
    }
    return noStore(reply).status(400).html(HomePage({ req, lineErrors }));
  });

  app.get(`${URLS.home}/:number`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const v = await lookupLicence(platform, req.user, numberParam(req));
    const done = NOTICES[str((req.query as Body).xong)];
    return noStore(reply).html(LicencePage({ req, v, notice: done ? t(req.lang, done) : undefined }));
  });

  async function onLicence(req: FastifyRequest, reply: FastifyReply, field: string, act: (number: string, body: Record<string, string>) => Promise<unknown>): Promise<unknown> {
    requireLicenceOfficer(req.user);
    const number = numberParam(req);
    const raw = (req.body ?? {}) as Body;
    const body = Object.fromEntries(FIELDS.map((k) => [k, k === 'outcome' || k === 'reason' ? long(raw[k]) : str(raw[k])]));
    try {
      await act(number, body);
      return reply.redirect(`${URLS.licence(number)}?xong=saved`, 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      const v = await lookupLicence(platform, req.user, number);
      return noStore(reply).status(e.status).html(LicencePage({ req, v, typed: body, errors: asFields(e, field) }));
    }
  }
  app.post(`${URLS.home}/:number/tru-diem`, (req, reply) => onLicence(req, reply, 'decision', (n, b) => recordDeduction(platform, req.user, n, b)));
  app.post(`${URLS.home}/:number/kiem-tra`, (req, reply) => onLicence(req, reply, 'testOn', (n, b) => recordTestPassed(platform, req.user, n, b)));

  app.post(`${URLS.home}/:number/vu-viec`, (req, reply) => onLicence(req, reply, 'caseDecision', (n, b) => openCase(platform, req.user, n, b)));
  app.post(`${URLS.home}/:number/vu-viec/dong`, (req, reply) => onLicence(req, reply, 'outcome', (n, b) => closeCase(platform, req.user, n, b.caseId, b)));
  // Revoke or replace: the reason is checked, then a confirmation page; only the confirmed post changes the licence.
  app.post(`${URLS.home}/:number/thu-hoi`, async (req, reply) => {
    requireLicenceOfficer(req.user);
    const raw = (req.body ?? {}) as Body;
    const kind = str(raw.kind) === 'replaced' ? 'replaced' : 'revoked';
    if (str(raw.confirm) === '1') return onLicence(req, reply, 'reason', (n, b) => endLicence(platform, req.user, n, kind, b));
    const v = await lookupLicence(platform, req.user, numberParam(req));
    const checked = checkEnd({ reason: long(raw.reason) });
    if (checked.fields.length > 0) return noStore(reply).status(400).html(LicencePage({ req, v, typed: { reason: long(raw.reason) }, errors: checked.fields }));
    return noStore(reply).html(ConfirmEndPage({ req, v, kind, reason: checked.reason }));
  });

  app.get(`${URLS.home}/:number/dien-tu`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const v = await lookupLicence(platform, req.user, numberParam(req));
    const { verifyUrl, qrDataUrl } = await verifyQr(platform, v.licence.verify_token);
    return noStore(reply).html(ELicencePage({ req, v, verifyUrl, qrDataUrl }));
  });

  // Public, rate-limited like the other public look-ups; the token's shape is checked before the database is asked.
  app.get('/xac-minh-gplx/:token', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const result = await verifyLicence(platform, (req.params as Body).token);
    return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').status(result ? 200 : 404).html(VerifyPage({ req, result }));
  });
}
