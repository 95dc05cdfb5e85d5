// /quan-tri/tai-khoan: administrators manage staff accounts. Access is checked in the services.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { t } from '../../../platform/web/i18n.ts';
import { createStaff, getStaff, listAgencyOptions, listStaff, staffHistory, updateStaff } from '../admin.ts';
import { AccountErrors } from '../errors.ts';
import { list, str } from '../validate.ts';
import { admin as m } from '../messages-admin.ts';
import { CreateStaffPage, EditStaffPage, StaffListPage } from '../views/admin.tsx';
import { formErrorsOf, signInFirst } from './http.ts';

function idParam(req: FastifyRequest): number {
  const raw = (req.params as { id?: string }).id ?? '';
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw AccountErrors.ACCOUNT_NOT_FOUND();
  return Number(raw);
}

function agencyParam(body: unknown): number | null {
  const raw = str(body, 'agency_id');
  return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
}

export async function adminRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/quan-tri/tai-khoan', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const staff = await listStaff(db, req.user);
    const created = str(req.query, 'created');
    const notice = created ? t(req.lang, m.created, { username: created }) : undefined;
    return reply.html(StaffListPage({ req, staff, ...(notice ? { notice } : {}) }));
  });

  app.get('/quan-tri/tai-khoan/tao-moi', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    return reply.html(CreateStaffPage({ req, agencies: await listAgencyOptions(db, req.user) }));
  });

  app.post('/quan-tri/tai-khoan/tao-moi', async (req, reply) => {
    const input = {
      username: str(req.body, 'username'),
      full_name: str(req.body, 'full_name'),
      email: str(req.body, 'email'),
      phone: str(req.body, 'phone'),
      agency_id: agencyParam(req.body),
      roles: list(req.body, 'roles'),
      password: str(req.body, 'password'),
    };
    try {
      await createStaff(db, req.user, input, req.ip);
      return reply.redirect(`/quan-tri/tai-khoan?created=${encodeURIComponent(input.username.trim().toLowerCase())}`, 303);
    } catch (err) {
      const f = formErrorsOf(err, 'username');
      if (!f) throw err;
      const { password: _p, ...values } = input;
      return reply.status(f.status).html(CreateStaffPage({ req, agencies: await listAgencyOptions(db, req.user), values, errors: f.errors }));
    }
  });

  app.get('/quan-tri/tai-khoan/:id', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const id = idParam(req);
    const account = await getStaff(db, req.user, id);
    const notice = str(req.query, 'saved') ? t(req.lang, m.saved, { username: account.username }) : undefined;
    const [agencies, history] = [await listAgencyOptions(db, req.user), await staffHistory(db, req.user, id)];
    return reply.html(EditStaffPage({ req, account, agencies, history, ...(notice ? { notice } : {}) }));
  });

  app.post('/quan-tri/tai-khoan/:id', async (req, reply) => {
    const id = idParam(req);
    const change = { agency_id: agencyParam(req.body), roles: list(req.body, 'roles'), disabled: str(req.body, 'disabled') === '1', unlock: str(req.body, 'unlock') === '1', resetTotp: str(req.body, 'reset_totp') === '1' };
    try {
      await updateStaff(db, req.user, id, change, req.ip);
      return reply.redirect(`/quan-tri/tai-khoan/${id}?saved=1`, 303);
    } catch (err) {
      const f = formErrorsOf(err, 'roles');
      if (!f || f.status === 404) throw err;
      const account = await getStaff(db, req.user, id);
      const [agencies, history] = [await listAgencyOptions(db, req.user), await staffHistory(db, req.user, id)];
      return reply.status(f.status).html(EditStaffPage({ req, account, agencies, history, values: change, errors: f.errors }));
    }
  });
}
