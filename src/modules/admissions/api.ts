// JSON API of admission for integrators and the benchmark (tag 'admissions', docs/admission.md): thin handlers over
// the service. Public (no account), like the parents' pages; the write goes through the waiting room.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import type { WaitingRoom } from '../../platform/http/waiting-room.ts';
import { applySchema, lookupSchema } from './api-schemas.ts';
import { apply, lookUp, type Application, type EligibleSchool } from './service.ts';
import type { Child, Round } from './repo.ts';

type Body = Record<string, unknown>;
const str = (b: Body, k: string): string => (typeof b[k] === 'string' ? (b[k] as string) : '');

/**
 * Requests per address per minute (EGOV_ADMISSIONS_API_RATE, default 1200). A school's or a ward office's network
 * behind one NAT address may send a few hundred parents' look-ups, submissions and waiting-line retries in the
 * opening minute; a script from one address is still held to 20 a second.
 */
export function apiRateFrom(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EGOV_ADMISSIONS_API_RATE;
  const n = raw === undefined || raw === '' ? 1200 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`EGOV_ADMISSIONS_API_RATE=${JSON.stringify(raw)} is not valid: expected a whole number ≥ 1`);
  return n;
}

const roundJson = (r: Round) => ({ id: r.id, schoolYear: r.schoolYear, level: r.level, name: r.name, nameEn: r.nameEn, opensAt: r.opensAt.toISOString(), closesAt: r.closesAt.toISOString() });
const childJson = (c: Child) => ({ fullName: c.fullName, birthDate: c.birthDate, residenceUnit: c.residenceUnit });

function applicationJson(a: Application) {
  const s = a.school;
  return {
    applicationNo: a.applicationNo,
    status: a.status,
    round: roundJson(a.round),
    child: childJson(a.child),
    school: { code: s.code, name: s.name, ownership: s.ownership, wardCode: s.wardCode, address: s.address },
    inCatchment: a.inCatchment,
    priorityGroup: a.priorityGroup,
    email: a.email,
    createdAt: a.createdAt.toISOString(),
  };
}

const schoolJson = (s: EligibleSchool) => ({ code: s.code, name: s.name, ownership: s.ownership, wardCode: s.wardCode, address: s.address, inCatchment: s.inCatchment, places: s.places, placesLeft: s.placesLeft });

export async function admissionsApi(app: FastifyInstance, platform: Platform, room: WaitingRoom): Promise<void> {
  const limit = { rateLimit: { max: apiRateFrom(), timeWindow: '1 minute' } };
  const ctxOf = (req: FastifyRequest) => ({ ip: req.ip ?? null });

  app.post('/api/v1/admissions/lookup', { schema: lookupSchema, attachValidation: true, config: { scope: 'public', ...limit } }, async (req) => {
    const b = (req.body ?? {}) as Body;
    const found = await lookUp(platform, { code: str(b, 'code'), personalId: str(b, 'personalId') }, ctxOf(req));
    return { round: roundJson(found.round), child: childJson(found.child), schools: found.schools.map(schoolJson), current: found.current ? applicationJson(found.current) : null };
  });

  // Issue 11 "The rush": admission control first (a 503 with Retry-After and a ticket when full), then the write,
  // acknowledged only after its group commit; the same Idempotency-Key returns the first answer (200, not 201).
  app.post('/api/v1/admissions/applications', { schema: applySchema, attachValidation: true, config: { scope: 'public', ...limit }, preHandler: room.gate }, async (req, reply) => {
    const b = (req.body ?? {}) as Body;
    const key = req.headers['idempotency-key'];
    const { application, replayed } = await apply(
      platform,
      { code: str(b, 'code'), personalId: str(b, 'personalId'), schoolCode: str(b, 'schoolCode'), email: str(b, 'email'), idempotencyKey: typeof key === 'string' ? key : '' },
      ctxOf(req),
    );
    return reply.status(replayed ? 200 : 201).send({ application: applicationJson(application), replayed });
  });
}
