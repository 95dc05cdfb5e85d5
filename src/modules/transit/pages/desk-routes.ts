// The centre officer's disputes desk and the clearing page (issue 15). Disputes: transit_officer. Clearing: a
// transit_officer chooses among the network's operators (the GTFS feed's agencies of its routes); a transit_operator
// among those their agency clears for (taps/agencies.ts): another operator's page and file are 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireStaff } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import { isInputDate, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { answerDispute, disputeFor, MAX_TEXT, openDisputes } from '../disputes/index.ts';
import { listRoutes } from '../network/index.ts';
import { requireOfficer } from '../riders/access.ts';
import { clearingFile, clearingFor, operatorsClearedBy, requireClearsFor } from '../taps/index.ts';
import { m } from './messages.ts';
import { idParam, noStore, signInFirst, str } from './rider-routes.ts';
import { CLEARING_PATH, ClearingPage } from './views/clearing.tsx';
import { AnswerPage, DESK_PATH, DeskPage } from './views/desk.tsx';

type Q = Record<string, unknown>;
const requireClearingStaff = (req: FastifyRequest) => requireStaff(req.user, Role.transitOfficer, Role.transitOperator);

/** The network's operators, and those of them the signed-in staff member may clear. */
async function operatorsOf(platform: Platform, req: FastifyRequest): Promise<{ all: string[]; mine: string[] }> {
  const all = [...new Set((await listRoutes(platform.database.db)).map((r) => r.operator))].filter((x) => x !== '').sort();
  const allowed = await operatorsClearedBy(platform, req.user);
  return { all, mine: allowed === 'all' ? all : all.filter((o) => allowed.includes(o)) };
}

export async function deskPages(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get(DESK_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOfficer(req.user);
    return noStore(reply).html(DeskPage({ req, list: await openDisputes(platform, req.user), saved: str(req.query as Q, 'xong') === 'saved' }));
  });
  app.get(`${DESK_PATH}/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOfficer(req.user);
    return noStore(reply).html(AnswerPage({ req, d: await disputeFor(platform, req.user, idParam(req)), typed: {}, errors: [] }));
  });
  app.post(`${DESK_PATH}/:id`, async (req, reply) => {
    requireOfficer(req.user);
    const body = (req.body ?? {}) as Q;
    const answer = typeof body.answer === 'string' ? body.answer.replaceAll('\0', '').slice(0, MAX_TEXT * 4) : '';
    const typed = { decision: str(body, 'decision'), amount: str(body, 'amount'), answer: answer.slice(0, MAX_TEXT + 200) };
    try {
      await answerDispute(platform, req.user, idParam(req), { decision: typed.decision, amount: typed.amount, answer });
      return reply.redirect(`${DESK_PATH}?xong=saved`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 403 || err.status === 404) throw err;
      const d = await disputeFor(platform, req.user, idParam(req));
      const errors = err.fields.length > 0 ? err.fields : [{ field: 'decision', message: err.text }];
      return noStore(reply).status(err.status).html(AnswerPage({ req, d, typed, errors }));
    }
  });

  /** The day and operator asked for, checked: a day outside 1900–2100 or not a date is refused beside its field. */
  const chosen = async (req: FastifyRequest) => {
    const q = req.query as Q;
    const { all, mine: operators } = await operatorsOf(platform, req);
    const yesterday = vietnamDateOf(new Date(Date.now() - 86_400_000));
    const day = q.ngay === undefined ? yesterday : str(q, 'ngay');
    const operator = q['don-vi'] === undefined ? (operators[0] ?? '') : str(q, 'don-vi');
    // Another agency's operator is refused outright (404), not offered as a correction.
    if (all.includes(operator) && !operators.includes(operator)) await requireClearsFor(platform, req.user, operator);
    const errors: { field: string; message: string }[] = [];
    if (operators.length === 0) errors.push({ field: 'don-vi', message: t(req.lang, m.noOperators) });
    else if (!operators.includes(operator)) errors.push({ field: 'don-vi', message: t(req.lang, m.badOperator) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isInputDate(day)) errors.push({ field: 'ngay', message: t(req.lang, m.badDay) });
    return { operators, day, operator, errors };
  };
  app.get(CLEARING_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireClearingStaff(req);
    const { operators, day, operator, errors } = await chosen(req);
    const options = operators.map((o) => ({ value: o, label: o }));
    const c = errors.length === 0 ? await clearingFor(platform, req.user, operator, day) : undefined;
    return noStore(reply).status(errors.length === 0 ? 200 : 400).html(ClearingPage({ req, operators: options, typed: { day, operator }, errors, c }));
  });
  app.get(`${CLEARING_PATH}/tep`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireClearingStaff(req);
    const { day, operator, errors } = await chosen(req);
    if (errors.length > 0) return noStore(reply).status(400).type('text/plain; charset=utf-8').send(errors.map((e) => e.message).join('\n'));
    const file = await clearingFile(platform, req.user, operator, day);
    return noStore(reply).type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });
}
