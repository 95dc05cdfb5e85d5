// Mandatory two-step verification (EGOV_2FA_ROLES): a signed-in staff member holding one of those roles whose TOTP is
// not in force may only set it up. Every page sends them to the setup page (except that page, sign-out and static
// files); every API call (session or bearer token) answers 403 TWO_STEP_SETUP_REQUIRED.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { SessionUser } from './roles.ts';
import { defineErrors } from '../http/errors.ts';
import { wantsJson } from '../http/error-handler.tsx';

/** The setup page (accounts module, routes/account.ts). */
export const TWO_STEP_SETUP_PATH = '/tai-khoan/xac-thuc-hai-buoc';

export const TwoStepErrors = defineErrors({
  TWO_STEP_SETUP_REQUIRED: {
    status: 403,
    vi: 'Vai trò của tài khoản này bắt buộc xác thực hai bước. Vui lòng thiết lập tại /tai-khoan/xac-thuc-hai-buoc trước khi tiếp tục.',
    en: 'The roles of this account require two-step verification. Please set it up at /tai-khoan/xac-thuc-hai-buoc before going on.',
  },
});

/** True when the user holds a role that requires two-step verification and has not set it up. */
export function mustSetUpTwoStep(config: Pick<Config, 'twoStepRoles'>, user: SessionUser | null): boolean {
  return !!user && user.kind === 'staff' && !user.twoStep && user.roles.some((r) => config.twoStepRoles.includes(r));
}

export function twoStepSetupRequired(): ReturnType<typeof TwoStepErrors.TWO_STEP_SETUP_REQUIRED> {
  return TwoStepErrors.TWO_STEP_SETUP_REQUIRED({
    details: { link: { href: TWO_STEP_SETUP_PATH, text: { vi: 'Thiết lập xác thực hai bước', en: 'Set up two-step verification' } } },
  });
}

/** What stays open before the setup: the setup page itself, sign-out, static files and the operators' endpoints. */
const OPEN = /^\/(static\/|tai-khoan\/xac-thuc-hai-buoc(\/bat-dau)?\/?$|dang-xuat\/?$|healthz|readyz|metrics)/;

function pathOf(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  return q === -1 ? req.url : req.url.slice(0, q);
}

/** Registered after the session is attached (server.ts). */
export function registerTwoStepGate(app: FastifyInstance, config: Pick<Config, 'twoStepRoles'>): void {
  if (config.twoStepRoles.length === 0) return;
  app.addHook('onRequest', async (req, reply) => {
    if (!mustSetUpTwoStep(config, req.user)) return;
    const path = pathOf(req);
    if (path.startsWith('/api/') || (wantsJson(req) && !OPEN.test(path))) throw twoStepSetupRequired();
    if (OPEN.test(path)) return;
    return reply.redirect(TWO_STEP_SETUP_PATH, 303);
  });
}
