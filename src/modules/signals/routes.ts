// The signal engineer's pages under /quan-ly/den-tin-hieu (issue 16). Thin: parse → service → render. Access is
// checked by the services (other staff and citizens get 403); a signed-out visitor is sent to sign in first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { securityHeaders } from '../../platform/http/headers.ts';
import { t } from '../../platform/web/i18n.ts';
import { requireSignalEngineer } from './access.ts';
import { designCorridor, runWebster, saveCorridor, saveWebster, websterDefaults } from './design.ts';
import { m } from './messages.ts';
import { timeSpaceSvg } from './plan/diagram.ts';
import { busPriority } from './plan/priority.ts';
import { signalsDb, signalsRepo } from './repo.ts';
import { corridorView, dotState, type DotState, intersectionView, liveState, liveStates, networkView } from './registry.ts';
import { sendPlans } from './send.ts';
import { setMode, setScheduleAction } from './settings.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CorridorPage } from './views/corridor.tsx';
import { HomePage } from './views/home.tsx';
import { IntersectionPage } from './views/intersection.tsx';
import { networkSvg, tileOrigin } from './views/map-svg.ts';
import { URLS } from './views/parts.tsx';
import { WebsterPage } from './views/webster.tsx';
import { wallRoutes } from './wall/routes.ts';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.replaceAll('\0', '').trim().slice(0, 200) : '');
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'private, no-store');
const idParam = (req: FastifyRequest): string => str((req.params as Body).id);
const signInFirst = (req: FastifyRequest, reply: FastifyReply): FastifyReply | null => (req.user ? null : reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303));
const PAGE_SIZE = 50;

export async function signalRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await wallRoutes(app, platform);

  app.get(URLS.home, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const net = await networkView(platform, req.user);
    const q = (req.query ?? {}) as Body;
    const lang = req.lang;
    const states = new Map(net.intersections.map((i) => [i.id, dotState(liveState(platform, i.id))]));
    const counts: Record<DotState, number> = { running: 0, flash: 0, silent: 0, none: 0 };
    for (const s of states.values()) counts[s]++;
    const tileUrl = platform.config.signalsTileUrl;
    const svg = networkSvg(net.intersections.map((i) => ({ lat: i.lat, lon: i.lon, corridor: i.corridor, along: i.along_m, state: states.get(i.id) ?? 'none' })), {
      title: t(lang, m.map),
      description: t(lang, m.mapDesc, { n: net.intersections.length }),
      tileUrl,
    });
    const filterText = str(q.hanhlang);
    const filter = filterText === 'none' || net.corridors.some((c) => String(c.id) === filterText) ? filterText : '';
    const list = filter === '' ? net.intersections : net.intersections.filter((i) => (filter === 'none' ? i.corridor_id === null : String(i.corridor_id) === filter));
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    const pageText = str(q.trang);
    const page = /^\d{1,4}$/.test(pageText) ? Math.min(pages, Math.max(1, Number(pageText))) : 1;
    const plans = await signalsRepo.currentPlans(signalsDb(platform.database.db), list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((i) => i.id));
    const rows = list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => {
      const p = plans.get(row.id);
      return { row, state: states.get(row.id) ?? ('none' as const), pattern: p ? `${p.pattern} (${p.cycle} s, v${p.version})` : '—' };
    });
    const origin = tileOrigin(tileUrl);
    if (origin) reply.header('content-security-policy', securityHeaders({ hsts: false })['content-security-policy']!.replace("img-src 'self' data:", `img-src 'self' data: ${origin}`));
    return noStore(reply).html(HomePage({ req, svg, counts, corridors: net.corridors, rows, filter, page, pages, centreOn: net.centreOn }));
  });

  // The live states the pages' script polls for (JSON; the same figures as the pages show on reload).
  app.get(URLS.live, async (req, reply) => {
    requireSignalEngineer(req.user);
    return noStore(reply).send(liveStates(platform, req.user, ((req.query ?? {}) as Body).ids));
  });

  app.get(`${URLS.home}/nut/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const v = await intersectionView(platform, req.user, idParam(req));
    const q = (req.query ?? {}) as Body;
    const saved = str(q.luu);
    const ok = str(q.xacnhan);
    const n = str(q.tong);
    const notice = str(q.doi) === '1' ? t(req.lang, m.changed) : /^\d{1,6}$/.test(saved) ? t(req.lang, m.saved, { v: saved }) : /^\d{1,4}$/.test(ok) && /^\d{1,4}$/.test(n) ? t(req.lang, m.sent, { ok, n }) : undefined;
    return noStore(reply).html(IntersectionPage({ req, v, notice }));
  });

  app.post(`${URLS.home}/nut/:id/gui`, async (req, reply) => {
    const v = await intersectionView(platform, req.user, idParam(req));
    const results = await sendPlans(platform, req.user, [v.intersection.id]);
    const ok = results.filter((r) => r.outcome.state === 'confirmed').length;
    return reply.redirect(`${URLS.intersection(v.intersection.id)}?xacnhan=${ok}&tong=${results.length}#gui`, 303);
  });

  // The mode and the day plan's actions: saved and back to the page, or the page again with the errors (400).
  const onSetting = async (req: FastifyRequest, reply: FastifyReply, act: () => Promise<void>, typed: Record<string, string>, anchor: string): Promise<unknown> => {
    try {
      await act();
      return reply.redirect(`${URLS.intersection(idParam(req))}?doi=1#${anchor}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      const v = await intersectionView(platform, req.user, idParam(req));
      const errors = (err.fields.length > 0 ? err.fields : [{ field: anchor, message: err.text }]).map((f) => ({ field: f.field, message: t(req.lang, f.message) }));
      return noStore(reply).status(400).html(IntersectionPage({ req, v, errors, typed }));
    }
  };
  app.post(`${URLS.home}/nut/:id/che-do`, (req, reply) => {
    const raw = (req.body ?? {}) as Body;
    return onSetting(req, reply, () => setMode(platform, req.user, idParam(req), raw), { mode: str(raw.mode) }, 'ke-hoach');
  });
  app.post(`${URLS.home}/nut/:id/lich`, (req, reply) => {
    const raw = (req.body ?? {}) as Body;
    return onSetting(req, reply, () => setScheduleAction(platform, req.user, idParam(req), raw), { startsAt: str(raw.startsAt), pattern: str(raw.pattern) }, 'lich');
  });

  app.post(`${URLS.home}/nut/:id/uu-tien`, async (req, reply) => {
    const v = await intersectionView(platform, req.user, idParam(req));
    const raw = (req.body ?? {}) as Body;
    const typed = { busPhase: str(raw.busPhase), arrival: str(raw.arrival), maxExtension: str(raw.maxExtension) };
    const plan = v.plan.plan;
    const ring = plan.pattern.rings[0] ?? [];
    const errors: { field: string; message: string }[] = [];
    const bus = Number(typed.busPhase);
    if (!ring.includes(bus)) errors.push({ field: 'busPhase', message: t(req.lang, { vi: 'Chọn một pha của vòng.', en: 'Choose a phase of the ring.' }) });
    const arrival = /^\d{1,3}$/.test(typed.arrival) ? Number(typed.arrival) : NaN;
    if (!(arrival >= 0 && arrival < plan.pattern.cycle)) errors.push({ field: 'arrival', message: t(req.lang, { vi: `Giây đến từ 0 đến ${plan.pattern.cycle - 1}.`, en: `The arrival second is 0 to ${plan.pattern.cycle - 1}.` }) });
    const max = /^\d{1,2}$/.test(typed.maxExtension) ? Number(typed.maxExtension) : NaN;
    if (!(max >= 1 && max <= 30)) errors.push({ field: 'maxExtension', message: t(req.lang, { vi: 'Kéo dài tối đa từ 1 đến 30 giây.', en: 'The largest extension is 1 to 30 seconds.' }) });
    if (errors.length > 0) return noStore(reply).status(400).html(IntersectionPage({ req, v, errors, typed }));
    const splits = ring.map((n) => ({ phase: n, time: plan.pattern.splits.find((s) => s.phase === n)?.time ?? 0 }));
    const priority = busPriority(plan.phases, splits, bus, arrival, max);
    return noStore(reply).html(IntersectionPage({ req, v, typed, priority }));
  });

  app.get(`${URLS.home}/nut/:id/webster`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const v = await intersectionView(platform, req.user, idParam(req));
    return noStore(reply).html(WebsterPage({ req, v, outcome: { typed: websterDefaults(v), errors: [], problems: [] } }));
  });

  app.post(`${URLS.home}/nut/:id/webster`, async (req, reply) => {
    const raw = (req.body ?? {}) as Body;
    if (str(raw.action) === 'save') {
      const r = await saveWebster(platform, req.user, idParam(req), raw);
      if (r.version !== undefined) return reply.redirect(`${URLS.intersection(idParam(req))}?luu=${r.version}`, 303);
      const v = await intersectionView(platform, req.user, idParam(req));
      return noStore(reply).status(r.outcome.errors.length > 0 ? 400 : 422).html(WebsterPage({ req, v, outcome: r.outcome }));
    }
    const v = await intersectionView(platform, req.user, idParam(req));
    const outcome = runWebster(v, raw);
    return noStore(reply).status(outcome.errors.length > 0 ? 400 : 200).html(WebsterPage({ req, v, outcome }));
  });

  const diagram = (req: FastifyRequest, d: Awaited<ReturnType<typeof designCorridor>>): string =>
    d.rows.length === 0
      ? ''
      : timeSpaceSvg({
          title: `${t(req.lang, m.diagram)} — ${d.corridor.name}`,
          description: t(req.lang, m.diagramDesc, { k: 3 }),
          stops: d.stops,
          offsets: d.rows.map((r) => r.offset),
          cycle: d.cycle,
          speedKmh: d.speedKmh,
          band: d.band,
          labels: { time: t(req.lang, m.time), distance: t(req.lang, m.distance) },
        });

  app.get(`${URLS.home}/hanh-lang/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const d = await designCorridor(platform, req.user, idParam(req), {});
    const q = (req.query ?? {}) as Body;
    const saved = str(q.luu);
    const ok = str(q.xacnhan);
    const n = str(q.tong);
    const notice = /^\d{1,4}$/.test(saved) ? t(req.lang, m.savedCorridor, { n: saved }) : /^\d{1,4}$/.test(ok) && /^\d{1,4}$/.test(n) ? t(req.lang, m.sent, { ok, n }) : undefined;
    return noStore(reply).html(CorridorPage({ req, d, svg: diagram(req, d), notice }));
  });

  app.post(`${URLS.home}/hanh-lang/:id`, async (req, reply) => {
    const raw = (req.body ?? {}) as Body;
    const body = { speed: str(raw.speed), cycle: str(raw.cycle) };
    if (str(raw.action) === 'save') {
      const r = await saveCorridor(platform, req.user, idParam(req), body);
      if (r.saved) return reply.redirect(`${URLS.corridor(r.design.corridor.id)}?luu=${r.design.rows.length}`, 303);
      return noStore(reply).status(r.design.errors.length > 0 ? 400 : 422).html(CorridorPage({ req, d: r.design, svg: diagram(req, r.design) }));
    }
    const d = await designCorridor(platform, req.user, idParam(req), body);
    return noStore(reply).status(d.errors.length > 0 ? 400 : 200).html(CorridorPage({ req, d, svg: diagram(req, d) }));
  });

  app.post(`${URLS.home}/hanh-lang/:id/gui`, async (req, reply) => {
    const c = await corridorView(platform, req.user, idParam(req));
    const results = await sendPlans(platform, req.user, c.members.map((x) => x.intersection.id));
    const ok = results.filter((r) => r.outcome.state === 'confirmed').length;
    return reply.redirect(`${URLS.corridor(c.corridor.id)}?xacnhan=${ok}&tong=${results.length}#cac-nut`, 303);
  });
}
