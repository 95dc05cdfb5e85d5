// The trips section of an account page (issue 15): service days newest first, each day's trips with stops, route,
// time, price and the fare engine's explanation in the page's language, and the day's charge (paid, or owed with the
// next attempt); then the rider's disputes with their answers.
import { CardsTable, type CardCell } from '../../../../platform/web/layout.tsx';
import { formatDateTime, formatMoney, type Lang, t, type Text } from '../../../../platform/web/i18n.ts';
import type { DisputeShown } from '../../disputes/index.ts';
import type { DayShown, TripHistory } from '../../taps/index.ts';
import { m } from '../messages.ts';

function chargeLine(lang: Lang, c: DayShown['charge']): string {
  if (!c) return '';
  const total = `${t(lang, m.dayTotal)}: ${formatMoney(lang, c.amount)}`;
  if (c.status === 'paid') return `${total} — ${t(lang, m.chargePaid)}`;
  if (c.status === 'written_off') return `${total} — ${t(lang, m.chargeWrittenOff)}`;
  if (c.status === 'pending') return `${total} — ${t(lang, m.chargePending)}`;
  const next = c.nextAttemptAt ? `${t(lang, m.nextAttempt)}: ${formatDateTime(lang, c.nextAttemptAt)}` : t(lang, m.noNextAttempt);
  return `${total} — ${t(lang, m.chargeDebt)} (${next})`;
}

export function TripsSection({ lang, h, disputeHref, pageHref }: { lang: Lang; h: TripHistory; disputeHref?: (tripId: number) => string; pageHref: (page: number) => string }): JSX.Element {
  const heads = [t(lang, m.time), t(lang, m.route), t(lang, m.from), t(lang, m.to), t(lang, m.price), t(lang, m.why), ...(disputeHref ? [t(lang, m.action)] : [])];
  return (
    <section aria-labelledby="trips">
      <h2 id="trips" safe>
        {t(lang, m.trips)}
      </h2>
      <p safe>{t(lang, m.tripsIntro)}</p>
      {h.days.length === 0 ? <p safe>{t(lang, m.noTrips)}</p> : ''}
      {h.days.map((d) => (
        <>
          <CardsTable
            caption={`${t(lang, m.serviceDay)} ${d.day}`}
            heads={heads}
            rows={d.trips}
            cells={(x) => {
              const cells: (string | CardCell)[] = [x.time, x.routeLabel, x.fromStop, x.toStop, { text: formatMoney(lang, x.amount), class: 'num' }, lang === 'vi' ? x.explanation.vi : x.explanation.en];
              if (disputeHref) {
                cells.push({
                  html: (
                    <a href={disputeHref(x.id)} safe>
                      {`${t(lang, m.dispute)} (${x.time} ${x.routeLabel})`}
                    </a>
                  ),
                });
              }
              return cells;
            }}
          />
          <p safe>{chargeLine(lang, d.charge)}</p>
        </>
      ))}
      {h.pages > 1 ? (
        <nav aria-label={t(lang, m.pageN)}>
          {h.page > 1 ? (
            <a href={pageHref(h.page - 1)} safe>
              {t(lang, m.newer)}
            </a>
          ) : (
            ''
          )}{' '}
          <span safe>{`${t(lang, m.pageN)} ${h.page} / ${h.pages}`}</span>{' '}
          {h.page < h.pages ? (
            <a href={pageHref(h.page + 1)} safe>
              {t(lang, m.older)}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </section>
  );
}

export const DISPUTE_STATUS: Record<string, Text> = { open: m.disputeOpen, refunded: m.disputeRefunded, rejected: m.disputeRejected, answered: m.disputeAnswered };

export function RiderDisputes({ lang, list }: { lang: Lang; list: DisputeShown[] }): JSX.Element {
  if (list.length === 0) return <></>;
  const heads = [t(lang, m.trip), t(lang, m.reason), t(lang, m.status), t(lang, m.answer)];
  return (
    <CardsTable
      caption={t(lang, m.disputes)}
      heads={heads}
      rows={list}
      cells={(d) => [
        `${d.day} ${d.trip.time} ${d.trip.routeLabel} — ${formatMoney(lang, d.trip.amount)}`,
        d.dispute.reason,
        `${t(lang, DISPUTE_STATUS[d.dispute.status] ?? m.disputeOpen)}${d.dispute.refund_amount === null ? '' : `: ${formatMoney(lang, Number(d.dispute.refund_amount))}`}`,
        d.dispute.answer ?? '',
      ]}
    />
  );
}
