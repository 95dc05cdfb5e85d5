// The feedback pages. Thin: parse → service → render. A refused form is shown again with the typed values, the errors
// on top and beside their fields; access is checked by the service functions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createChallenge, encodeChallenge } from '../../platform/auth/pow.ts';
import { registerMultipart, uploadsOf } from '../dossiers/index.ts';
import { findAgencyById, findUnit } from '../units/index.ts';
import { casePageState, casePhoto } from './case-page.ts';
import { normaliseCode } from './code.ts';
import { answerFeedback, assignFeedback, publishAnswer, rejectFeedback } from './handling.ts';
import { feedbackInbox } from './inbox.ts';
import { EMPTY_INPUT, feedbackValues } from './input.ts';
import { FIELDS, fieldErrors } from './messages.ts';
import { isCategory } from './schema.ts';
import { formOptions, lookupFeedback, publishedFeedback, rateFeedback, sendFeedback } from './service.ts';
import { LookupPage, type LookupState } from './views/lookup-page.tsx';
import { PublicListPage } from './views/public-list.tsx';
import { SEND_URL, SendPage, SentPage } from './views/send-page.tsx';
import { caseUrl, CasePage, InboxPage, STAFF_URL } from './views/staff-pages.tsx';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Errors a form shows beside its fields; anything else (401, 403, 404…) goes to the error page. */
function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.fields.length > 0 && err.status < 500 && err.status !== 403 ? err : undefined;
}

export async function feedbackRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerMultipart(app, platform);
  const db = platform.database.db;
  const sendPage = async (req: FastifyRequest, reply: FastifyReply, values = EMPTY_INPUT, err?: AppError): Promise<FastifyReply> => {
    const [options, challenge] = await Promise.all([formOptions(platform), createChallenge(db)]);
    await reply.status(err?.status ?? 200).header('cache-control', 'private, no-store').html(SendPage({ req, state: { values, errors: err?.fields ?? [], options, challenge: encodeChallenge(challenge) } }));
    return reply;
  };

  app.get(SEND_URL, async (req, reply) => sendPage(req, reply));

  app.post(SEND_URL, { config: { anonymousUploads: true, rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const values = feedbackValues(body);
    try {
      const row = await sendFeedback(platform, { actor: req.user, ip: req.ip, proof: { challenge: str(body.altcha_challenge), number: str(body.altcha_number) } }, values, uploadsOf(body));
      return reply.status(201).header('cache-control', 'private, no-store').html(SentPage({ req, code: row.code, mailed: row.sender_email !== null }));
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return sendPage(req, reply, values, e);
    }
  });

  const lookupPage = async (req: FastifyRequest, reply: FastifyReply, state: LookupState, status = 200): Promise<FastifyReply> => {
    await reply.status(status).header('cache-control', 'private, no-store').html(LookupPage({ req, state }));
    return reply;
  };
  const found = async (code: string, contact: string, ip: string) => {
    const view = await lookupFeedback(platform, ip, code, contact);
    const [agency, unit] = await Promise.all([view.row.agency_id === null ? undefined : findAgencyById(db, view.row.agency_id), findUnit(db, view.row.unit_code)]);
    return { ...view, agencyName: agency?.name ?? null, unitName: unit?.name ?? view.row.unit_code };
  };

  app.get('/phan-anh-kien-nghi/tra-cuu', async (req, reply) => {
    const code = normaliseCode(str((req.query as Body).ma)) ?? '';
    return lookupPage(req, reply, { code, contact: '', errors: [] });
  });

  app.post('/phan-anh-kien-nghi/tra-cuu', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const code = str(body.code).trim();
    const contact = str(body.contact).trim();
    const errors = [
      ...(code === '' ? [{ field: 'code', message: fieldErrors.missing(FIELDS.code) }] : []),
      ...(contact === '' ? [{ field: 'contact', message: fieldErrors.missing(FIELDS.contact) }] : []),
    ];
    if (errors.length > 0) return lookupPage(req, reply, { code, contact, errors }, 400);
    try {
      return await lookupPage(req, reply, { code, contact, errors: [], found: await found(code, contact, req.ip) });
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 404 && err.status !== 429)) throw err;
      return lookupPage(req, reply, { code, contact, errors: [{ field: 'code', message: err.text }] }, err.status);
    }
  });

  app.post('/phan-anh-kien-nghi/tra-cuu/danh-gia', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const code = str(body.code);
    const contact = str(body.contact);
    const rating = /^[1-5]$/.test(str(body.rating)) ? Number(body.rating) : NaN;
    try {
      await rateFeedback(platform, req.ip, code, contact, rating, str(body.comment).trim());
      return await lookupPage(req, reply, { code, contact, errors: [], rated: true, found: await found(code, contact, req.ip) });
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return lookupPage(req, reply, { code, contact, errors: e.fields, found: await found(code, contact, req.ip) }, e.status);
    }
  });

  app.get('/phan-anh-kien-nghi', async (req, reply) => {
    const q = req.query as Body;
    const category = isCategory(q.linh_vuc) ? q.linh_vuc : undefined;
    const options = await formOptions(platform);
    const unitCode = options.units.some((u) => u.code === q.don_vi) ? str(q.don_vi) : undefined;
    const page = /^\d{1,5}$/.test(str(q.trang)) ? Number(q.trang) : 1;
    const list = await publishedFeedback(platform, { category, unitCode, page });
    const agencyNames = new Map<number, string>();
    for (const id of new Set(list.rows.map((r) => r.agency_id).filter((x): x is number => x !== null))) {
      const a = await findAgencyById(db, id);
      if (a) agencyNames.set(id, a.name);
    }
    return reply.html(PublicListPage({ req, state: { ...list, agencyNames, units: options.units, category: category ?? '', unitCode: unitCode ?? '' } }));
  });

  // Staff.
  app.get(STAFF_URL, async (req, reply) => reply.header('cache-control', 'private, no-store').html(InboxPage({ req, inbox: await feedbackInbox(platform, req.user) })));

  const codeOf = (req: FastifyRequest): string => normaliseCode(str((req.params as Body).code)) ?? '-';
  const empty = { agency: '', reason: '', answer: '' };
  app.get(`${STAFF_URL}/:code`, async (req, reply) =>
    reply.header('cache-control', 'private, no-store').html(CasePage({ req, state: await casePageState(platform, req.user, codeOf(req), empty) })),
  );

  app.get(`${STAFF_URL}/:code/anh/:n`, async (req, reply) => {
    const n = Number(str((req.params as Body).n));
    const photo = await casePhoto(platform, req.user, codeOf(req), Number.isInteger(n) ? n : 0);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').header('content-disposition', 'inline').send(photo.bytes);
  });

  const action = (path: string, run: (req: FastifyRequest, code: string, body: Body) => Promise<unknown>) =>
    app.post(`${STAFF_URL}/:code/${path}`, async (req, reply) => {
      const code = codeOf(req);
      const body = (req.body ?? {}) as Body;
      try {
        await run(req, code, body);
        return reply.redirect(caseUrl(code), 303);
      } catch (err) {
        const e = formError(err);
        if (!e) throw err;
        const values = { agency: str(body.agency), reason: str(body.reason), answer: str(body.answer) };
        return reply.status(e.status).html(CasePage({ req, state: await casePageState(platform, req.user, code, values, e.fields) }));
      }
    });
  action('chuyen', (req, code, b) => assignFeedback(platform, req.user, code, str(b.agency), req.ip));
  action('tu-choi', (req, code, b) => rejectFeedback(platform, req.user, code, str(b.reason), req.ip));
  action('tra-loi', (req, code, b) => answerFeedback(platform, req.user, code, str(b.answer), req.ip));
  action('cong-khai', (req, code) => publishAnswer(platform, req.user, code, req.ip));
}
