// The staff's ridership dashboard and the fares export (issue 15): transit_officer and transit_operator only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isInputDate, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { requireClearing } from '../riders/access.ts';
import { faresExport, MAX_PERIOD_DAYS, ridershipFor } from '../taps/index.ts';
import { m } from './messages.ts';
import { d } from './messages-staff.ts';
import { noStore, signInFirst, str } from './rider-routes.ts';
import { DASHBOARD_PATH, DashboardPage } from './views/dashboard.tsx';
import { FARES_PATH, FaresExportPage } from './views/fares-export.tsx';

type Q = Record<string, unknown>;
const DAY_MS = 86_400_000;
const shift = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const validDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && isInputDate(s);

/** The period asked for, checked beside its fields; by default the last 7 service days up to yesterday (Vietnam time). */
function period(req: FastifyRequest): { from: string; to: string; errors: { field: string; message: string }[] } {
  const q = req.query as Q;
  const yesterday = vietnamDateOf(new Date(Date.now() - DAY_MS));
  const to = q.den === undefined ? yesterday : str(q, 'den');
  const from = q.tu === undefined ? (validDay(to) ? shift(to, -6) : shift(yesterday, -6)) : str(q, 'tu');
  const errors: { field: string; message: string }[] = [];
  if (!validDay(from)) errors.push({ field: 'tu', message: t(req.lang, m.badDay) });
  if (!validDay(to)) errors.push({ field: 'den', message: t(req.lang, m.badDay) });
  if (errors.length === 0) {
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (days < 1 || days > MAX_PERIOD_DAYS) errors.push({ field: 'den', message: t(req.lang, d.badPeriod) });
  }
  return { from, to, errors };
}

export async function dashboardPages(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get(DASHBOARD_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireClearing(req.user);
    const { from, to, errors } = period(req);
    const r = errors.length === 0 ? await ridershipFor(platform, req.user, from, to) : undefined;
    return noStore(reply).status(errors.length === 0 ? 200 : 400).html(DashboardPage({ req, typed: { from, to }, errors, r }));
  });

  app.get(FARES_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    return noStore(reply).html(FaresExportPage({ req, x: faresExport(req.user) }));
  });
  app.get(`${FARES_PATH}/:file`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const x = faresExport(req.user);
    const name = (req.params as { file: string }).file;
    const file = x.files.find((f) => f.name === name);
    if (!file) throw HttpErrors.NOT_FOUND();
    return noStore(reply).type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
  });
}
