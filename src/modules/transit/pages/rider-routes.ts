// The rider's pages (issue 15), thin: parse, call the riders' services, render. A signed-in citizen acts on their own
// account only (riders' access.ts); each form comes back with what was typed and its errors beside the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../../../platform/auth/access.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError, HttpErrors } from '../../../platform/http/errors.ts';
import { accountOverview, blockMedium, findAccountOfCitizen, openAccount, proveAge, registerMedium, type TransitAccount } from '../riders/index.ts';
import { confirmPayment, createPayment, paymentOf } from '../payments/index.ts';
import { m, pm } from './messages.ts';
import { buyListedPass, busRoutes, mayBuy, passProducts, payListedPass } from './passes.ts';
import { PAYMENT_PATH, PaymentPage } from './views/payment.tsx';
import { FareTableList } from './views/fares.tsx';
import { FormPage, formErrors, type FormSpec } from './views/form.tsx';
import { NoAccountPage, RIDER_PATH, RiderPage } from './views/rider.tsx';
import { disputePages, riderTrips } from './trip-routes.ts';

type Q = Record<string, unknown>;
export const str = (q: Q, k: string): string => (typeof q[k] === 'string' ? (q[k] as string).replaceAll('\0', '').trim().slice(0, 200) : '');
export const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');
export const idParam = (req: FastifyRequest): number => {
  const id = (req.params as { id?: string }).id ?? '';
  return /^\d{1,9}$/.test(id) ? Number(id) : 0;
};
export function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  return req.user ? null : reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

const NOTICES = { saved: m.done, age: m.ageDone, dispute: m.disputeFiled, paid: pm.received } as const;

export async function riderPages(app: FastifyInstance, platform: Platform): Promise<void> {
  /** The citizen's own account; staff are refused (their pages are under /quan-ly/ve-dien-tu). */
  const own = async (req: FastifyRequest): Promise<TransitAccount | undefined> => {
    const user = requireUser(req.user);
    if (user.kind !== 'citizen') throw HttpErrors.FORBIDDEN();
    return findAccountOfCitizen(platform, user, user.id);
  };

  app.get(RIDER_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const account = await own(req);
    if (!account) return noStore(reply).html(NoAccountPage({ req }));
    const done = str(req.query as Q, 'xong');
    const notice = done === 'saved' || done === 'age' || done === 'dispute' || done === 'paid' ? NOTICES[done] : undefined;
    const trips = await riderTrips(platform, req, account);
    return noStore(reply).html(RiderPage({ req, o: await accountOverview(platform, req.user, account.id), notice, trips }));
  });

  await disputePages(app, platform);

  /** A payment the rider started: the VietQR code while it waits, then paid or expired; someone else's is 404. */
  const reference = (req: FastifyRequest): string => {
    const r = (req.params as { reference?: string }).reference ?? '';
    return /^VE[0-9A-Z]{8,20}$/.test(r) ? r : '';
  };
  app.get(`${PAYMENT_PATH}/:reference`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const account = await own(req);
    if (!account) throw HttpErrors.NOT_FOUND();
    return noStore(reply).html(PaymentPage({ req, ...(await paymentOf(platform, req.user, account, reference(req))) }));
  });
  // The demo's simulated bank: confirms the payment as the bank's callback would (demo configuration only).
  app.post(`${PAYMENT_PATH}/:reference/gia-lap`, async (req, reply) => {
    const account = await own(req);
    if (!account) throw HttpErrors.NOT_FOUND();
    const { payment } = await paymentOf(platform, req.user, account, reference(req));
    await confirmPayment(platform, req.user, { reference: payment.reference, amount: Number(payment.amount), bankRef: 'DEMO', via: 'demo' });
    return reply.redirect(`${RIDER_PATH}?xong=paid`, 303);
  });

  app.post(`${RIDER_PATH}/mo-tai-khoan`, async (req, reply) => {
    const user = requireUser(req.user);
    if (!(await own(req))) await openAccount(platform, user, user.id);
    return reply.redirect(RIDER_PATH, 303);
  });

  app.post(`${RIDER_PATH}/the/:id/khoa`, async (req, reply) => {
    await blockMedium(platform, req.user, idParam(req), 'lost');
    return reply.redirect(`${RIDER_PATH}?xong=saved`, 303);
  });

  /** A form page: GET shows it, POST runs `act` and goes back to the account (or to the path `act` answers), or shows the form again with errors. */
  const form = (slug: string, spec: (req: FastifyRequest, account: TransitAccount) => Promise<FormSpec>, act: (req: FastifyRequest, account: TransitAccount, typed: Record<string, string>) => Promise<string>) => {
    const path = `${RIDER_PATH}/${slug}`;
    const load = async (req: FastifyRequest) => {
      const account = await own(req);
      if (!account) throw HttpErrors.NOT_FOUND();
      return { account, f: await spec(req, account) };
    };
    app.get(path, async (req, reply) => {
      const first = signInFirst(req, reply);
      if (first) return first;
      const { f } = await load(req);
      return noStore(reply).html(FormPage({ req, f, typed: {}, errors: [] }));
    });
    app.post(path, async (req, reply) => {
      const { account, f } = await load(req);
      const body = (req.body ?? {}) as Q;
      const typed = Object.fromEntries(f.fields.map((x) => [x.id, str(body, x.id)]));
      try {
        const next = await act(req, account, typed);
        return reply.redirect(next.startsWith('/') ? next : `${RIDER_PATH}?xong=${next}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.code === 'FORBIDDEN') throw err;
        const errors = formErrors(err.fields, err.text, f.fields[0]?.id ?? '');
        // The citizen-ID number is never shown back (only the date is).
        if (slug === 'chung-minh-tuoi') typed.cccdNumber = '';
        return noStore(reply).status(err.status).html(FormPage({ req, f, typed, errors }));
      }
    });
  };

  form(
    'dang-ky-the',
    async () => ({ title: m.registerCard, action: `${RIDER_PATH}/dang-ky-the`, back: RIDER_PATH, submit: m.registerCard, fields: [{ id: 'key', label: m.uid, hint: m.uidHint }] }),
    async (req, account, typed) => {
      await registerMedium(platform, req.user, account.id, { kind: 'operator_card', key: typed.key });
      return 'saved';
    },
  );
  form(
    'nap-tien',
    async () => ({ title: m.topUp, intro: pm.topUpIntro, action: `${RIDER_PATH}/nap-tien`, back: RIDER_PATH, submit: pm.toPayment, fields: [{ id: 'amount', label: m.amountDong, inputmode: 'numeric' }] }),
    async (req, account, typed) => `${PAYMENT_PATH}/${(await createPayment(platform, req.user, account, { kind: 'top_up' }, typed.amount)).reference}`,
  );
  form(
    'mua-ve',
    async (req, account) => {
      const lang = req.lang;
      const products = passProducts();
      const routes = await busRoutes(platform);
      const choose = { value: '', label: lang === 'vi' ? m.choose.vi : m.choose.en };
      return {
        title: m.buyPass,
        action: `${RIDER_PATH}/mua-ve`,
        back: RIDER_PATH,
        submit: m.payFromBalance,
        // A second button: the same choice paid by VietQR transfer instead of the balance.
        alsoSubmit: { name: 'pay', value: 'vietqr', label: pm.payByTransfer },
        before: FareTableList({ lang, products, account }),
        fields: [
          { id: 'productId', label: m.product, options: [choose, ...products.filter((p) => mayBuy(account, p)).map((p) => ({ value: p.id, label: `${p.name} — ${p.amount.toLocaleString('vi-VN')} đ` }))] },
          { id: 'routeId', label: m.route, hint: m.routeHint, options: [choose, ...routes.map((r) => ({ value: r.id, label: `${r.shortName} ${r.longName}` }))] },
          { id: 'start', label: m.start, options: [{ value: 'this', label: lang === 'vi' ? m.thisMonth.vi : m.thisMonth.en }, { value: 'next', label: lang === 'vi' ? m.nextMonth.vi : m.nextMonth.en }] },
        ],
      };
    },
    async (req, account, typed) => {
      const input = { productId: typed.productId ?? '', routeId: typed.routeId ?? '', start: typed.start ?? '' };
      if (str((req.body ?? {}) as Q, 'pay') === 'vietqr') return `${PAYMENT_PATH}/${(await payListedPass(platform, req.user, account, input)).reference}`;
      await buyListedPass(platform, req.user, account, input);
      return 'saved';
    },
  );
  form(
    'chung-minh-tuoi',
    async () => ({ title: m.proveAge, intro: m.proveAgeIntro, action: `${RIDER_PATH}/chung-minh-tuoi`, back: RIDER_PATH, submit: m.send, fields: [{ id: 'cccdNumber', label: m.cccd, inputmode: 'numeric' }, { id: 'dateOfBirth', label: m.dob }] }),
    async (req, account, typed) => {
      await proveAge(platform, req.user, account.id, typed.cccdNumber, typed.dateOfBirth);
      return 'age';
    },
  );
}
