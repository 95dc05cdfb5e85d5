// The centre officer's pages (issue 15; role transit_officer): find an account by a card's UID or the citizen's
// username; its media, balance and ledger; block a lost card and move its balance to a new card; grant a concession.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { accountOverview, blockMedium, CONCESSION_CATEGORIES, findAccountFor, grantConcession, replaceLostCard } from '../riders/index.ts';
import { requireOfficer } from '../riders/access.ts';
import { t } from '../../../platform/web/i18n.ts';
import { confirmPayment } from '../payments/index.ts';
import { CONCESSION_LABELS, m, pm, STATUS_LABELS } from './messages.ts';
import { idParam, noStore, signInFirst, str } from './rider-routes.ts';
import { tripHistory } from '../taps/index.ts';
import { deskPages } from './desk-routes.ts';
import { dashboardPages } from './dashboard-routes.ts';
import { TripsSection } from './views/trips.tsx';
import { FormPage, formErrors, type FormSpec } from './views/form.tsx';
import { STAFF_PATH, StaffAccountPage, StaffSearchPage } from './views/staff.tsx';

type Q = Record<string, unknown>;

export async function staffPages(app: FastifyInstance, platform: Platform): Promise<void> {
  await deskPages(app, platform);
  await dashboardPages(app, platform);

  app.get(STAFF_PATH, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOfficer(req.user);
    const q = str(req.query as Q, 'q');
    if (!q) return noStore(reply).html(StaffSearchPage({ req, q, notFound: false }));
    const id = await findAccountFor(platform, req.user, q);
    if (id !== undefined) return reply.redirect(`${STAFF_PATH}/tai-khoan/${id}`, 303);
    return noStore(reply).status(404).html(StaffSearchPage({ req, q, notFound: true }));
  });

  app.get(`${STAFF_PATH}/tai-khoan/:id`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOfficer(req.user);
    const o = await accountOverview(platform, req.user, idParam(req));
    const raw = str(req.query as Q, 'trang');
    const h = await tripHistory(platform, req.user, o.account, /^\d{1,4}$/.test(raw) ? Number(raw) : 1);
    const trips = await TripsSection({ lang: req.lang, h, pageHref: (n) => `${STAFF_PATH}/tai-khoan/${o.account.id}?trang=${n}#trips` });
    return noStore(reply).html(StaffAccountPage({ req, o, saved: str(req.query as Q, 'xong') === 'saved', trips }));
  });

  app.post(`${STAFF_PATH}/tai-khoan/:id/the/:mid/khoa`, async (req, reply) => {
    requireOfficer(req.user);
    const mid = (req.params as { mid: string }).mid;
    await blockMedium(platform, req.user, /^\d{1,9}$/.test(mid) ? Number(mid) : 0, 'lost');
    return reply.redirect(`${STAFF_PATH}/tai-khoan/${idParam(req)}?xong=saved`, 303);
  });

  // A transfer found on the centre's bank statement (no callback configured, or the callback missed it): recorded once.
  const paymentForm: FormSpec = {
    title: pm.staffTitle,
    intro: pm.staffIntro,
    action: `${STAFF_PATH}/thanh-toan`,
    back: STAFF_PATH,
    submit: pm.confirm,
    fields: [{ id: 'reference', label: pm.reference }, { id: 'amount', label: m.amountDong, inputmode: 'numeric' }, { id: 'bankRef', label: pm.bankRef }],
  };
  app.get(`${STAFF_PATH}/thanh-toan`, async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    requireOfficer(req.user);
    const done = str(req.query as Q, 'xong');
    const notice = done === 'paid' ? pm.confirmed : done === 'already' ? pm.already : undefined;
    return noStore(reply).html(FormPage({ req, f: { ...paymentForm, ...(notice ? { notice } : {}) }, typed: {}, errors: [] }));
  });
  app.post(`${STAFF_PATH}/thanh-toan`, async (req, reply) => {
    requireOfficer(req.user);
    const body = (req.body ?? {}) as Q;
    const typed = { reference: str(body, 'reference').toUpperCase(), amount: str(body, 'amount'), bankRef: str(body, 'bankRef') };
    try {
      const r = await confirmPayment(platform, req.user, { reference: typed.reference, amount: typed.amount, bankRef: typed.bankRef, via: 'officer' });
      return reply.redirect(`${STAFF_PATH}/thanh-toan?xong=${r.outcome}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.code === 'FORBIDDEN') throw err;
      const field = err.code === 'WRONG_AMOUNT' ? 'amount' : 'reference';
      return noStore(reply).status(err.status).html(FormPage({ req, f: paymentForm, typed, errors: formErrors(err.fields, err.text, field) }));
    }
  });

  const form = (slug: string, spec: (req: FastifyRequest, accountId: number) => Promise<FormSpec>, act: (req: FastifyRequest, accountId: number, typed: Record<string, string>) => Promise<void>) => {
    const path = `${STAFF_PATH}/tai-khoan/:id/${slug}`;
    const load = async (req: FastifyRequest) => {
      requireOfficer(req.user);
      const id = idParam(req);
      await accountOverview(platform, req.user, id);
      return { id, f: await spec(req, id) };
    };
    app.get(path, async (req, reply) => {
      const first = signInFirst(req, reply);
      if (first) return first;
      const { f } = await load(req);
      return noStore(reply).html(FormPage({ req, f, typed: {}, errors: [] }));
    });
    app.post(path, async (req, reply) => {
      const { id, f } = await load(req);
      const body = (req.body ?? {}) as Q;
      const typed = Object.fromEntries(f.fields.map((x) => [x.id, str(body, x.id)]));
      try {
        await act(req, id, typed);
        return reply.redirect(`${STAFF_PATH}/tai-khoan/${id}?xong=saved`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500 || err.code === 'FORBIDDEN') throw err;
        return noStore(reply).status(err.status).html(FormPage({ req, f, typed, errors: formErrors(err.fields, err.text, f.fields[0]?.id ?? '') }));
      }
    });
  };

  form(
    'thay-the',
    async (req, id) => {
      const o = await accountOverview(platform, req.user, id);
      const cards = o.media.filter((x) => x.kind === 'operator_card' || x.kind === 'app_qr');
      return {
        title: m.replace,
        action: `${STAFF_PATH}/tai-khoan/${id}/thay-the`,
        back: `${STAFF_PATH}/tai-khoan/${id}`,
        submit: m.replace,
        fields: [
          { id: 'lostMediumId', label: m.lostCard, options: cards.map((c) => ({ value: String(c.id), label: `${c.label} (${t(req.lang, STATUS_LABELS[c.status] ?? m.done)})` })) },
          { id: 'key', label: m.newUid, hint: m.uidHint },
        ],
      };
    },
    async (req, _id, typed) => {
      const lost = /^\d{1,9}$/.test(typed.lostMediumId ?? '') ? Number(typed.lostMediumId) : 0;
      await replaceLostCard(platform, req.user, lost, { kind: 'operator_card', key: typed.key });
    },
  );
  form(
    'mien-ve',
    async (req, id) => ({
      title: m.grant,
      action: `${STAFF_PATH}/tai-khoan/${id}/mien-ve`,
      back: `${STAFF_PATH}/tai-khoan/${id}`,
      submit: m.grant,
      fields: [
        { id: 'category', label: m.concessions, options: CONCESSION_CATEGORIES.map((c) => ({ value: c, label: req.lang === 'vi' ? (CONCESSION_LABELS[c]?.vi ?? c) : (CONCESSION_LABELS[c]?.en ?? c) })) },
        { id: 'source', label: m.source, hint: m.sourceHint },
        { id: 'expiresAt', label: m.expiresAt },
      ],
    }),
    async (req, id, typed) => {
      await grantConcession(platform, req.user, id, { category: typed.category, source: typed.source, expiresAt: typed.expiresAt });
    },
  );
}
