// An e-ticket account as its holder and the centre's officer see it (issue 15): media with status, balance, passes,
// free-travel categories, trips (the taps' priced days, given by the page) and the ledger.
import type { FastifyRequest } from 'fastify';
import { CardsTable, CsrfField } from '../../../../platform/web/layout.tsx';
import { formatDateTime, formatMoney, t, type Lang, type Text } from '../../../../platform/web/i18n.ts';
import type { AccountOverview } from '../../riders/index.ts';
import { passProducts } from '../passes.ts';
import { CATEGORY_LABELS, CONCESSION_LABELS, KIND_LABELS, LEDGER_LABELS, m, STATUS_LABELS } from '../messages.ts';

/** A pass by the fare table's name for it (the id when the table no longer holds it). */
const passName = (id: string): string => passProducts().find((p) => p.id === id)?.name ?? id;

const label = (lang: Lang, map: Record<string, Text>, k: string): string => (map[k] ? t(lang, map[k]) : k);

export function AccountDetails({ req, o, blockAction, showLedger, trips }: { req: FastifyRequest; o: AccountOverview; blockAction: (mediumId: number) => string; showLedger: boolean; trips?: JSX.Element }): JSX.Element {
  const lang = req.lang;
  const mediaHeads = [t(lang, m.kind), t(lang, m.number), t(lang, m.status), t(lang, m.action)];
  // The trips section is markup the caller built with its own escaping elements (TripsSection): taken as it is.
  const safeTrips = trips;
  return (
    <>
      <dl>
        <dt safe>{t(lang, m.holder)}</dt>
        <dd safe>{o.holder}</dd>
        <dt safe>{t(lang, m.category)}</dt>
        <dd safe>{label(lang, CATEGORY_LABELS, o.account.rider_category)}</dd>
        <dt safe>{t(lang, m.accountStatus)}</dt>
        <dd safe>{label(lang, STATUS_LABELS, o.account.status)}</dd>
        <dt safe>{t(lang, m.balance)}</dt>
        <dd class="num" safe>
          {formatMoney(lang, o.balance)}
        </dd>
      </dl>
      <h2 safe>{t(lang, m.media)}</h2>
      {o.media.length === 0 ? (
        <p safe>{t(lang, m.noMedia)}</p>
      ) : (
        <CardsTable
          caption={t(lang, m.media)}
          heads={mediaHeads}
          rows={o.media}
          cells={(x) => [
            label(lang, KIND_LABELS, x.kind),
            x.label,
            label(lang, STATUS_LABELS, x.status),
            {
              html:
                x.status === 'active' ? (
                  <form method="post" action={blockAction(x.id)}>
                    <CsrfField req={req} />
                    <button type="submit" class="secondary" safe>
                      {`${t(lang, m.blockLost)} ${x.label}`}
                    </button>
                  </form>
                ) : (
                  ''
                ),
            },
          ]}
        />
      )}
      <h2 safe>{t(lang, m.passes)}</h2>
      {o.passes.length === 0 ? (
        <p safe>{t(lang, m.noPasses)}</p>
      ) : (
        <CardsTable
          caption={t(lang, m.passes)}
          heads={[t(lang, m.product), t(lang, m.route), t(lang, m.validity), t(lang, m.price), t(lang, m.status)]}
          rows={o.passes}
          cells={(p) => [passName(p.product_id), p.route_id ?? t(lang, m.allRoutes), `${p.valid_from} – ${p.valid_to}`, formatMoney(lang, Number(p.price_paid)), label(lang, STATUS_LABELS, p.status)]}
        />
      )}
      <h2 safe>{t(lang, m.concessions)}</h2>
      <p safe>{o.concessions.length === 0 ? t(lang, m.noConcessions) : o.concessions.map((c) => label(lang, CONCESSION_LABELS, c)).join(', ')}</p>
      {safeTrips ?? (
        <>
          <h2 safe>{t(lang, m.trips)}</h2>
          <p safe>{t(lang, m.noTrips)}</p>
        </>
      )}
      {showLedger ? (
        <>
          <h2 safe>{t(lang, m.ledger)}</h2>
          {o.ledger.length === 0 ? (
            <p safe>{t(lang, m.noLedger)}</p>
          ) : (
            <CardsTable
              caption={t(lang, m.ledger)}
              heads={[t(lang, m.when), t(lang, m.kind), t(lang, m.amount), t(lang, m.balanceAfter)]}
              rows={o.ledger}
              cells={(l) => [formatDateTime(lang, new Date(l.created_at)), label(lang, LEDGER_LABELS, l.kind), formatMoney(lang, Number(l.amount)), formatMoney(lang, Number(l.balance_after))]}
            />
          )}
        </>
      ) : (
        ''
      )}
    </>
  );
}
