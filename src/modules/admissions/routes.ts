// The parents' pages (issue 11 "Parents"): thin — parse the form, call the service, render. Every refusal comes back
// as the same page with what was typed and a Vietnamese/English message. The personal ID never goes into a URL:
// the steps are form posts that carry the code and ID along.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { WaitingRoom } from '../../platform/http/waiting-room.ts';
import { randomToken } from '../../platform/auth/tokens.ts';
import { view as vm } from './messages.ts';
import { IDEMPOTENCY_KEY_PATTERN } from './rules.ts';
import { changeSchool, listRounds, viewApplication, withdraw } from './changes.ts';
import { apply, lookUp, type Ctx } from './service.ts';
import { ApplicationPage } from './views/application-page.tsx';
import { ChoosePage, type ChooseState } from './views/choose-page.tsx';
import { ConfirmationPage } from './views/confirmation-page.tsx';
import { HomePage } from './views/home-page.tsx';
import { fieldErrorsOf, type CredentialValues } from './views/parts.tsx';

/**
 * Per-address limit of the POSTs (the way accounts limit their public forms): a parent needs three or four posts; a
 * whole ward office's or a mobile carrier's shared address gets room, a script from one address does not.
 */
export const POST_LIMIT = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } } as const;

type Body = Record<string, unknown>;
const str = (b: Body, k: string): string => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
const credentialsOf = (b: Body): CredentialValues => ({ code: str(b, 'code'), personal_id: str(b, 'personal_id') });
const chosenCode = (b: Body): string => (str(b, 'school') === 'other' ? str(b, 'other_school') : str(b, 'school'));
const ctxOf = (req: FastifyRequest): Ctx => ({ ip: req.ip ?? null });

/** The form's key survives a refusal (so a retry still finds a committed application), unless it is unusable. */
function keepKey(b: Body, err: AppError | undefined): string | undefined {
  const key = str(b, '_key');
  return IDEMPOTENCY_KEY_PATTERN.test(key) && err?.code !== 'KEY_REUSED' ? key : undefined;
}

async function html(reply: FastifyReply, status: number, body: JSX.Element): Promise<FastifyReply> {
  await reply.status(status).header('cache-control', 'private, no-store').html(body);
  return reply;
}

export async function admissionPages(app: FastifyInstance, platform: Platform, room: WaitingRoom): Promise<void> {
  const home = async (req: FastifyRequest, reply: FastifyReply, values: CredentialValues, err?: AppError): Promise<FastifyReply> =>
    html(reply, err?.status ?? 200, HomePage({ req, state: { rounds: await listRounds(platform), values, errors: err ? fieldErrorsOf(err, 'code') : [] } }));

  /** The school list for the child, or the start page with the refusal when the code, ID or round do not allow it. */
  const choose = async (req: FastifyRequest, reply: FastifyReply, b: Body, mode: ChooseState['mode'], err?: AppError): Promise<FastifyReply> => {
    const credentials = credentialsOf(b);
    try {
      const found = await lookUp(platform, { code: credentials.code, personalId: credentials.personal_id }, ctxOf(req));
      const cur = found.current;
      const school = str(b, 'school');
      return html(
        reply,
        err?.status ?? 200,
        ChoosePage({
          req,
          state: {
            mode,
            round: found.round,
            child: found.child,
            schools: found.schools,
            credentials,
            school,
            otherSchool: str(b, 'other_school'),
            email: str(b, 'email'),
            key: keepKey(b, err) ?? randomToken(18),
            errors: err ? fieldErrorsOf(err, 'school') : [],
            current: cur ? { applicationNo: cur.applicationNo, schoolName: cur.school.name, schoolCode: cur.school.code } : undefined,
          },
        }),
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return mode === 'apply' ? home(req, reply, credentials, e) : showApplication(req, reply, b, undefined, e);
    }
  };

  const showApplication = async (req: FastifyRequest, reply: FastifyReply, b: Body, notice?: 'changed' | 'withdrawn', err?: AppError): Promise<FastifyReply> => {
    const credentials = credentialsOf(b);
    try {
      const found = await viewApplication(platform, { code: credentials.code, personalId: credentials.personal_id }, ctxOf(req));
      return html(reply, err?.status ?? 200, ApplicationPage({ req, state: { credentials, errors: err ? fieldErrorsOf(err, 'confirm') : [], found, notice } }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return html(reply, e.status, ApplicationPage({ req, state: { credentials, errors: fieldErrorsOf(e, 'code') } }));
    }
  };

  app.get('/tuyen-sinh', async (req, reply) => home(req, reply, { code: '', personal_id: '' }));

  app.post('/tuyen-sinh/chon-truong', POST_LIMIT, async (req, reply) => choose(req, reply, (req.body ?? {}) as Body, 'apply'));

  // Issue 11 "The rush": the waiting room in front of the write; a full server answers with the waiting page,
  // which sends the form (its key among the fields) again by itself.
  app.post('/tuyen-sinh/dang-ky', { ...POST_LIMIT, preHandler: room.gate }, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const c = credentialsOf(b);
    try {
      // Acknowledged only now, after the commit; a second click with the same form's key gets this same answer.
      const { application } = await apply(platform, { code: c.code, personalId: c.personal_id, schoolCode: chosenCode(b), idempotencyKey: str(b, '_key'), email: str(b, 'email') }, ctxOf(req));
      return html(reply, 200, ConfirmationPage({ req, application }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return choose(req, reply, b, 'apply', e);
    }
  });

  app.get('/tuyen-sinh/ho-so', async (req, reply) => html(reply, 200, ApplicationPage({ req, state: { credentials: { code: '', personal_id: '' }, errors: [] } })));

  app.post('/tuyen-sinh/ho-so', POST_LIMIT, async (req, reply) => showApplication(req, reply, (req.body ?? {}) as Body));

  app.post('/tuyen-sinh/ho-so/chon-truong-khac', POST_LIMIT, async (req, reply) => choose(req, reply, (req.body ?? {}) as Body, 'change'));

  app.post('/tuyen-sinh/ho-so/doi-truong', POST_LIMIT, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const c = credentialsOf(b);
    try {
      await changeSchool(platform, { code: c.code, personalId: c.personal_id, schoolCode: chosenCode(b) }, ctxOf(req));
      return showApplication(req, reply, b, 'changed');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return choose(req, reply, b, 'change', e);
    }
  });

  app.post('/tuyen-sinh/ho-so/rut', POST_LIMIT, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const c = credentialsOf(b);
    if (str(b, 'confirm') !== 'yes') return showApplication(req, reply, b, undefined, new AppError('CONFIRM_MISSING', 400, vm.withdrawMissing));
    try {
      await withdraw(platform, { code: c.code, personalId: c.personal_id }, ctxOf(req));
      return showApplication(req, reply, b, 'withdrawn');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return showApplication(req, reply, b, undefined, e);
    }
  });
}
