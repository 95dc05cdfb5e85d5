// The rider's trips and disputes (issue 15): the trips section of /ve-dien-tu and the dispute form on one trip.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { disputesOf, fileDispute, MAX_TEXT, ownTrip } from '../disputes/index.ts';
import type { TransitAccount } from '../riders/index.ts';
import { tripHistory } from '../taps/index.ts';
import { idParam, noStore, signInFirst } from './rider-routes.ts';
import { DisputeFormPage } from './views/dispute-form.tsx';
import { RIDER_PATH } from './views/rider.tsx';
import { RiderDisputes, TripsSection } from './views/trips.tsx';

/** The trips section and the disputes of the account, for the rider's page; `?trang=` picks the page of days. */
export async function riderTrips(platform: Platform, req: FastifyRequest, account: TransitAccount): Promise<JSX.Element> {
  const raw = (req.query as Record<string, unknown>).trang;
  const page = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  const h = await tripHistory(platform, req.user, account, page);
  const disputes = await disputesOf(platform, req.user, account);
  const lang = req.lang;
  return (await TripsSection({ lang, h, disputeHref: (id) => `${RIDER_PATH}/chuyen/${id}/khieu-nai`, pageHref: (n) => `${RIDER_PATH}?trang=${n}#trips` })) + (await RiderDisputes({ lang, list: disputes }));
}

export async function disputePages(app: FastifyInstance, platform: Platform): Promise<void> {
  const path = `${RIDER_PATH}/chuyen/:id/khieu-nai`;
  app.get(path, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const { trip, day } = await ownTrip(platform, req.user, idParam(req));
    return noStore(reply).html(DisputeFormPage({ req, trip, day, typed: '', errors: [] }));
  });
  app.post(path, async (req, reply) => {
    const raw = ((req.body ?? {}) as Record<string, unknown>).reason;
    // Kept whole up to a little past the limit, so the rider sees what they typed and the count.
    const typed = typeof raw === 'string' ? raw.replaceAll('\0', '').slice(0, MAX_TEXT + 200) : '';
    try {
      await fileDispute(platform, req.user, idParam(req), typeof raw === 'string' ? raw.slice(0, MAX_TEXT * 4) : raw);
      return reply.redirect(`${RIDER_PATH}?xong=dispute`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 403 || err.status === 404 || err.status === 401) throw err;
      const { trip, day } = await ownTrip(platform, req.user, idParam(req));
      const errors = err.fields.length > 0 ? err.fields : [{ field: 'reason', message: err.text }];
      return noStore(reply).status(err.status).html(DisputeFormPage({ req, trip, day, typed, errors }));
    }
  });
}
