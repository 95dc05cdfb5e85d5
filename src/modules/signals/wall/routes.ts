// The monitoring wall and the measures' pages (issue 16), for the signal centre's engineer only (signal_engineer;
// other staff and citizens 403, a signed-out visitor is sent to sign in). Thin: parse → state → render. The state is
// read from the platform's signals runtime; when the centre is off (no EGOV_SIGNALS_BROKER) the pages say so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { signalsRuntime } from '../runtime.ts';
import { watchRuntime, wallStore } from './attach.ts';
import { parsePhase, wallMeasures } from './measures.ts';
import { MeasuresPage } from './measures-view.tsx';
import { w } from './messages.ts';
import { wallState } from './state.ts';
import { SIGNALS_PATH, WALL_SCRIPT, WALL_URLS, WallPage, wallPayload } from './views.tsx';

type Query = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.replaceAll('\0', '').trim().slice(0, 40) : '');
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');
const signInFirst = (req: FastifyRequest, reply: FastifyReply): FastifyReply | null => (req.user ? null : reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303));
/** The wall is the signal centre's engineer's (roles.ts: signal_engineer). */
export const requireSignalEngineer = (req: FastifyRequest) => requireStaff(req.user, Role.signalEngineer);

export async function wallRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  // The event store subscribes as soon as the module's start() sets the runtime (after the routes are registered).
  const stop = watchRuntime(platform);
  app.addHook('onClose', async () => stop());

  app.get(WALL_URLS.wall, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireSignalEngineer(req);
    const runtime = signalsRuntime(platform);
    if (runtime) wallStore(runtime);
    const s = runtime ? wallState(runtime.centre, runtime.intersections(), Date.now()) : null;
    return noStore(reply).html(WallPage({ req, s }));
  });

  app.get(WALL_URLS.json, async (req, reply) => {
    requireSignalEngineer(req);
    const runtime = signalsRuntime(platform);
    noStore(reply);
    if (!runtime) return { centre: 'off', message: t(req.lang, w.centreOff) };
    return wallPayload(req.lang, wallState(runtime.centre, runtime.intersections(), Date.now()));
  });

  // Code only, no data: served to anyone, like /static/.
  app.get(WALL_URLS.script, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').type('text/javascript; charset=utf-8').send(WALL_SCRIPT));

  app.get(`${SIGNALS_PATH}/do-luong/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireSignalEngineer(req);
    const runtime = signalsRuntime(platform);
    if (!runtime) return noStore(reply).html(WallPage({ req, s: null }));
    const x = runtime.intersections().get(str((req.params as Query).id));
    if (!x) throw HttpErrors.NOT_FOUND();
    const store = wallStore(runtime);
    const events = store.events(x.id);
    const phases = store.phases(x.id);
    const typed = str((req.query as Query | undefined)?.phase);
    const windowMinutes = Math.round(store.windowMs / 60_000);
    const base = { x, typed, phases, windowMinutes };
    if (typed === '') {
      // The coordinated phase of the plan the controller runs, else the first phase in the log.
      const coord = runtime.centre.confirmed.get(x.id)?.plan.pattern.splits.find((s) => s.coordPhase)?.phase;
      const phase = coord !== undefined && (phases.length === 0 || phases.includes(coord)) ? coord : (phases[0] ?? 2);
      return noStore(reply).html(MeasuresPage({ req, v: { ...base, typed: String(phase), m: wallMeasures(events, phase) } }));
    }
    const phase = parsePhase(typed);
    const error = phase === null ? t(req.lang, w.badPhase) : phases.length > 0 && !phases.includes(phase) ? t(req.lang, w.noSuchPhase, { n: phase, list: phases.join(', ') }) : undefined;
    if (error || phase === null) return noStore(reply).status(400).html(MeasuresPage({ req, v: { ...base, error, m: null } }));
    return noStore(reply).html(MeasuresPage({ req, v: { ...base, m: wallMeasures(events, phase) } }));
  });
}
