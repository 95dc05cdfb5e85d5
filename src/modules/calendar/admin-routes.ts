// Administrators' pages /quan-tri/lich-lam-viec. Access is checked by the service functions; a form with bad
// input is shown again with the errors beside its fields, and nothing is saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseIsoDate, vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { addDay, adminYearView, confirmYear, deleteDay, findDayForEdit, updateDay } from './admin-service.ts';
import { CalendarErrors } from './errors.ts';
import { AdminPage, type AdminPageState, type SavedKind, adminYearUrl } from './views/admin-page.tsx';
import { EMPTY_DAY, dayValues } from './views/day-fields.tsx';
import { EditDayPage } from './views/edit-day-page.tsx';
import { admin as a } from './admin-messages.ts';
import { MAX_YEAR, MIN_YEAR } from './input.ts';

type Params = Record<string, string>;

/** Errors a form shows beside its fields; anything else (401, 403, 404…) goes to the error page. */
function formError(err: unknown): AppError | undefined {
  return err instanceof AppError && err.fields.length > 0 && err.status < 500 && err.status !== 403 ? err : undefined;
}

function idParam(req: FastifyRequest): number {
  const id = (req.params as Params).id ?? '';
  if (!/^\d{1,15}$/.test(id)) throw CalendarErrors.DAY_NOT_FOUND();
  return Number(id);
}

function yearParam(raw: string | undefined): number {
  if (raw === undefined || !/^\d{4}$/.test(raw)) throw CalendarErrors.INVALID_YEAR();
  return Number(raw);
}

/** The year to show a refused add form in: the typed date's year when it is usable, else the current year. */
function yearOfTyped(date: string): number {
  const y = /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : NaN;
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : parseIsoDate(vietnamDateOf(new Date())).y;
}

function savedParam(raw: unknown): SavedKind | undefined {
  return typeof raw === 'string' && raw in a.saved ? (raw as SavedKind) : undefined;
}

export async function calendarAdminRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: Partial<AdminPageState> = {},
    status = 200,
  ): Promise<FastifyReply> => {
    const view = await adminYearView(platform, req.user, year);
    const state: AdminPageState = {
      view,
      add: { values: { ...EMPTY_DAY }, errors: [] },
      confirm: { value: '', errors: [] },
      ...extra,
    };
    await reply.status(status).html(AdminPage({ req, state }));
    return reply;
  };

  app.get('/quan-tri/lich-lam-viec', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const raw = typeof q.year === 'string' && q.year !== '' ? q.year : undefined;
    const year = raw === undefined ? parseIsoDate(vietnamDateOf(new Date())).y : yearParam(raw);
    return render(req, reply, year, { saved: savedParam(q.saved) });
  });

  app.post('/quan-tri/lich-lam-viec/ngay', async (req, reply) => {
    const values = dayValues(req.body);
    try {
      const day = await addDay(platform, req.user, values, req.ip);
      return reply.redirect(adminYearUrl(parseIsoDate(day.date).y, 'added'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return render(req, reply, yearOfTyped(values.date), { add: { values, errors: e.fields } }, e.status);
    }
  });

  app.get('/quan-tri/lich-lam-viec/ngay/:id', async (req, reply) => {
    const day = await findDayForEdit(platform, req.user, idParam(req));
    return reply.html(EditDayPage({ req, state: { day, values: { ...day }, errors: [] } }));
  });

  app.post('/quan-tri/lich-lam-viec/ngay/:id', async (req, reply) => {
    const id = idParam(req);
    const values = dayValues(req.body);
    try {
      const day = await updateDay(platform, req.user, id, values, req.ip);
      return reply.redirect(adminYearUrl(parseIsoDate(day.date).y, 'updated'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      const day = await findDayForEdit(platform, req.user, id);
      return reply.status(e.status).html(EditDayPage({ req, state: { day, values, errors: e.fields } }));
    }
  });

  app.post('/quan-tri/lich-lam-viec/ngay/:id/xoa', async (req, reply) => {
    const day = await deleteDay(platform, req.user, idParam(req), req.ip);
    return reply.redirect(adminYearUrl(parseIsoDate(day.date).y, 'deleted'), 303);
  });

  app.post('/quan-tri/lich-lam-viec/nam/:year/xac-nhan', async (req, reply) => {
    const year = yearParam((req.params as Params).year);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision = typeof body.decision === 'string' ? body.decision : '';
    try {
      await confirmYear(platform, req.user, year, { decision }, req.ip);
      return reply.redirect(adminYearUrl(year, 'confirmed'), 303);
    } catch (err) {
      const e = formError(err);
      if (!e) throw err;
      return render(req, reply, year, { confirm: { value: decision, errors: e.fields } }, e.status);
    }
  });
}
