// The applicant's side of a dossier after submission and the dossier's API (issue 4 "Citizen side", "API for
// integrators"): /ho-so-cua-toi/:code with its forms, /api/v1/dossiers/:code (+ /actions, /rating, /feedback).
// Registered by the back office's plugin (../index.ts), inside its scope (multipart parsing).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { citizenApi } from './api.ts';
import { citizenPages } from './pages.ts';

export async function citizenRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await citizenPages(app, platform);
  await citizenApi(app, platform);
}

export { rateDossier, sendFeedback, answerFeedback, FEEDBACK_PER_DAY } from './service.ts';
export { RATING_CRITERIA, SCORE_LABELS } from './criteria.ts';
export { CitizenErrors } from './errors.ts';
