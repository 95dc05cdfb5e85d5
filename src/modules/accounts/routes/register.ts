// GET/POST /dang-ky: citizen registration; on success the citizen is signed in and sent to /tai-khoan.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { destroySession } from '../../../platform/auth/sessions.ts';
import { registerCitizen } from '../register.ts';
import { str } from '../validate.ts';
import { RegisterPage } from '../views/register.tsx';
import { LIMITS, ctxOf, formErrorsOf, rateLimit, setSessionCookie } from './http.ts';

export async function registerRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  app.get('/dang-ky', async (req, reply) => {
    if (req.user) return reply.redirect('/tai-khoan', 303);
    return reply.html(RegisterPage({ req }));
  });

  app.post('/dang-ky', rateLimit(LIMITS.register), async (req, reply) => {
    const input = {
      full_name: str(req.body, 'full_name'),
      personal_id: str(req.body, 'personal_id'),
      phone: str(req.body, 'phone'),
      email: str(req.body, 'email'),
      password: str(req.body, 'password'),
      password_confirm: str(req.body, 'password_confirm'),
    };
    try {
      const s = await registerCitizen(db, input, ctxOf(req));
      if (req.sessionId) await destroySession(db, req.sessionId);
      setSessionCookie(reply, platform, s.token, s.expiresAt);
      return reply.redirect('/tai-khoan', 303);
    } catch (err) {
      const f = formErrorsOf(err, 'full_name');
      if (!f) throw err;
      const { password: _p, password_confirm: _c, ...values } = input;
      return reply.status(f.status).html(RegisterPage({ req, values, errors: f.errors }));
    }
  });
}
