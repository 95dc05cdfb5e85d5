// An e-ticket account as its holder and the centre's officer see it (issue 15): media with status, balance, passes,
// free-travel categories, trips (the taps' priced days, given by the page) and the ledger.
import type { FastifyRequest } from 'fastify';
import { CsrfField } from '../../../../platform/web/layout.tsx';
import { t, type Lang, type Text } from '../../../../platform/web/i18n.ts';
import type { AccountOverview } from '../../riders/index.ts';
import { CATEGORY_LABELS, CONCESSION_LABELS, KIND_LABELS, LEDGER_LABELS, m, STATUS_LABELS } from '../messages.ts';

export const dong = (lang: Lang, n: number): string => `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n)} đ`;
const label = (lang: Lang, map: Record<string, Text>, k: string): string => (map[k] ? t(lang, map[k]) : k);

function Table({ caption, heads, rows }: { caption: string; heads: string[]; rows: string[][] }): JSX.Element {
  return (
    <table class="cards-on-phone">
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th scope="col" safe>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            {r.map((c, i) => (
              <td data-label={heads[i]} safe>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AccountDetails({ req, o, blockAction, showLedger, trips }: { req: FastifyRequest; o: AccountOverview; blockAction: (mediumId: number) => string; showLedger: boolean; trips?: JSX.Element }): JSX.Element {
  const lang = req.lang;
  const mediaHeads = [t(lang, m.kind), t(lang, m.number), t(lang, m.status), t(lang, m.action)];
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
          {dong(lang, o.balance)}
        </dd>
      </dl>
      <h2 safe>{t(lang, m.media)}</h2>
      {o.media.length === 0 ? (
        <p safe>{t(lang, m.noMedia)}</p>
      ) : (
        <table class="cards-on-phone">
          <caption safe>{t(lang, m.media)}</caption>
          <thead>
            <tr>
              {mediaHeads.map((h) => (
                <th scope="col" safe>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {o.media.map((x) => (
              <tr>
                <td data-label={mediaHeads[0]} safe>
                  {label(lang, KIND_LABELS, x.kind)}
                </td>
                <td data-label={mediaHeads[1]} safe>
                  {x.label}
                </td>
                <td data-label={mediaHeads[2]} safe>
                  {label(lang, STATUS_LABELS, x.status)}
                </td>
                <td data-label={mediaHeads[3]}>
                  {x.status === 'active' ? (
                    <form method="post" action={blockAction(x.id)}>
                      <CsrfField req={req} />
                      <button type="submit" class="secondary" safe>
                        {`${t(lang, m.blockLost)} ${x.label}`}
                      </button>
                    </form>
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 safe>{t(lang, m.passes)}</h2>
      {o.passes.length === 0 ? (
        <p safe>{t(lang, m.noPasses)}</p>
      ) : (
        <Table
          caption={t(lang, m.passes)}
          heads={[t(lang, m.product), t(lang, m.route), t(lang, m.validity), t(lang, m.price), t(lang, m.status)]}
          rows={o.passes.map((p) => [p.product_id, p.route_id ?? t(lang, m.allRoutes), `${p.valid_from} – ${p.valid_to}`, dong(lang, Number(p.price_paid)), label(lang, STATUS_LABELS, p.status)])}
        />
      )}
      <h2 safe>{t(lang, m.concessions)}</h2>
      <p safe>{o.concessions.length === 0 ? t(lang, m.noConcessions) : o.concessions.map((c) => label(lang, CONCESSION_LABELS, c)).join(', ')}</p>
      {trips ?? (
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
            <Table
              caption={t(lang, m.ledger)}
              heads={[t(lang, m.when), t(lang, m.kind), t(lang, m.amount), t(lang, m.balanceAfter)]}
              rows={o.ledger.map((l) => [new Date(l.created_at).toISOString().slice(0, 16).replace('T', ' '), label(lang, LEDGER_LABELS, l.kind), String(l.amount), String(l.balance_after)])}
            />
          )}
        </>
      ) : (
        ''
      )}
    </>
  );
}
