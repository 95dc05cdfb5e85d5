// Counter intake pages (issue 4): the one-stop officer finds the procedure (/mot-cua/tiep-nhan), fills its e-form on
// the walk-in applicant's behalf with the scanned papers (/mot-cua/tiep-nhan/:procedureCode), and lands on the
// officer's dossier page, which prints Form 01. Thin: parse → service → render. Access: one-stop officers of an agency
// that receives dossiers (service.ts); anonymous visitors are sent to sign in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { randomToken } from '../../../platform/auth/tokens.ts';
import { draftFields, uploadsOf, submitDossier } from '../../dossiers/index.ts';
import { casePath, signInFirst } from '../office/http.ts';
import { findIntakeProcedures, intakeProcedure, type IntakeForm } from './service.ts';
import { IntakeFormPage } from './views/form-page.tsx';
import { INTAKE_PATH, IntakeSearchPage } from './views/search-page.tsx';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The e-form's answers in a form post: everything but the tokens (`_…`) and the files. */
function answersOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) if (!k.startsWith('_') && !k.startsWith('files.')) out[k] = v;
  return out;
}

export async function intakePages(app: FastifyInstance, platform: Platform): Promise<void> {
  function showForm(req: FastifyRequest, reply: FastifyReply, f: IntakeForm, state: { values: Record<string, unknown>; errors: FieldError[]; token: string }, status = 200): FastifyReply {
    reply
      .status(status)
      .header('cache-control', 'private, no-store')
      .html(IntakeFormPage({ req, procedure: f.procedure, agencyName: f.desk.agency.name, units: f.units, ...state }));
    return reply;
  }

  app.get(INTAKE_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const query = req.query as Record<string, unknown>;
    const q = str(query.q).trim().slice(0, 200);
    const page = /^\d{1,6}$/.test(str(query.trang)) ? Number(str(query.trang)) : 1;
    const c = await findIntakeProcedures(platform, req.user, { q, page });
    return reply.header('cache-control', 'private, no-store').html(IntakeSearchPage({ req, c, q }));
  });

  app.get(`${INTAKE_PATH}/:procedureCode`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const f = await intakeProcedure(platform, req.user, (req.params as { procedureCode: string }).procedureCode);
    // The applicant's details are typed from their papers: nothing is prefilled from the officer's account.
    return showForm(req, reply, f, { values: {}, errors: [], token: randomToken(18) });
  });

  // Only an officer who may take this procedure at the counter gets the files read (platform/http/uploads.ts).
  const mayTakeIn = async (req: FastifyRequest): Promise<void> => {
    await intakeProcedure(platform, req.user, (req.params as { procedureCode: string }).procedureCode);
  };

  app.post(`${INTAKE_PATH}/:procedureCode`, { config: { beforeUpload: mayTakeIn } }, async (req, reply) => {
    const f = await intakeProcedure(platform, req.user, (req.params as { procedureCode: string }).procedureCode);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const token = str(body._token);
    try {
      const { dossier } = await submitDossier(
        platform,
        req.user,
        { procedureCode: f.procedure.code, form: answersOf(body), files: uploadsOf(body), idempotencyKey: token || undefined },
        { via: 'web', channel: 'counter', ip: req.ip },
      );
      // The officer's dossier page lists Form 01 (receipt and appointment) to print for the applicant.
      return reply.redirect(casePath(dossier.code), 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'INVALID_DOSSIER') throw err;
      // Nothing was saved: the form again with what was typed, the same token, every error; files are chosen again.
      const badToken = !token || err.fields.some((e) => e.field === 'idempotency_key');
      return showForm(req, reply, f, { values: draftFields(body), errors: err.fields, token: badToken ? randomToken(18) : token }, 400);
    }
  });
}
