import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { signInRoutes } from './sign-in.ts';
import { registerRoutes } from './register.ts';
import { resetRoutes } from './reset.ts';
import { accountRoutes } from './account.ts';
import { adminRoutes } from './admin.ts';
import { apiRoutes } from './api.ts';
import { verifyRoutes } from './verify.ts';
import { infoRoutes } from './info.ts';
import { tokenRoutes } from './tokens.ts';

export async function accountsRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await signInRoutes(app, platform);
  await registerRoutes(app, platform);
  await resetRoutes(app, platform);
  await accountRoutes(app, platform);
  await adminRoutes(app, platform);
  await apiRoutes(app, platform);
  await verifyRoutes(app, platform);
  await infoRoutes(app, platform);
  await tokenRoutes(app, platform);
}
