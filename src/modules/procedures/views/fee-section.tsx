// The fees of a procedure page: per channel, the fee that applies today (the one evaluation, fees.ts); apart from it,
// the time-limited rates that have ended or not begun, with their dates; and the text as published.
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { feesToday, type FeeQuote } from '../fees.ts';
import { formatDong, formatPeriod, formatQuoteLine, formatRate } from '../format.ts';
import { channelLabels, detail as d, feeWords as f } from '../messages.ts';
import type { FeeRule, ProcedureDetail } from '../schema.ts';
import { Vi } from './parts.tsx';

const viDate = (iso: string): string => iso.split('-').reverse().join('/');

function QuoteCell({ lang, q }: { lang: Lang; q: FeeQuote }): JSX.Element {
  if (q.amountDong !== null) return <strong safe>{formatDong(lang, q.amountDong)}</strong>;
  return (
    <>
      <strong safe>{t(lang, f.atCounter)}</strong>
      {q.lines.length > 0 ? (
        <ul>
          {q.lines.map((l) => (
            <li>
              {l.case && l.case !== l.rule.text ? (
                <>
                  <Vi lang={lang} text={l.case} />
                  {': '}
                </>
              ) : (
                ''
              )}
              <span safe>{formatQuoteLine(lang, l)}</span>
            </li>
          ))}
        </ul>
      ) : (
        ''
      )}
    </>
  );
}

function NotToday({ lang, rules, today }: { lang: Lang; rules: readonly FeeRule[]; today: string }): JSX.Element {
  if (rules.length === 0) return <></>;
  return (
    <table class="cards-on-phone">
      <caption class="muted" safe>
        {t(lang, f.otherPeriods)}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>{t(lang, f.rateCol)}</th>
          <th scope="col" safe>{t(lang, d.channelCol)}</th>
          <th scope="col" safe>{t(lang, f.periodCol)}</th>
          <th scope="col" safe>{t(lang, f.statusCol)}</th>
          <th scope="col" safe>{t(lang, f.ruleCol)}</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <tr>
            <td data-label={t(lang, f.rateCol)} safe>
              {formatRate(lang, r)}
            </td>
            <td data-label={t(lang, d.channelCol)} safe>
              {r.channel ? t(lang, channelLabels[r.channel]) : t(lang, f.allChannels)}
            </td>
            <td data-label={t(lang, f.periodCol)} safe>
              {formatPeriod(lang, r)}
            </td>
            <td data-label={t(lang, f.statusCol)} safe>
              {t(lang, r.to !== null && r.to < today ? f.expired : f.upcoming)}
            </td>
            <td data-label={t(lang, f.ruleCol)}>
              <Vi lang={lang} text={r.text} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Fees({ lang, p, today }: { lang: Lang; p: ProcedureDetail; today: string }): JSX.Element {
  const quotes = feesToday(p, today);
  const notToday = p.feeRules.filter((r) => (r.to !== null && r.to < today) || (r.from !== null && r.from > today));
  return (
    <section aria-labelledby="fees">
      <h2 id="fees" safe>
        {t(lang, d.fees)}
      </h2>
      {p.feeRules.length === 0 ? (
        <p safe>{t(lang, f.notStated)}</p>
      ) : (
        <table class="cards-on-phone">
          <caption class="muted" safe>
            {t(lang, f.todayCaption, { date: viDate(today) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" safe>{t(lang, d.channelCol)}</th>
              <th scope="col" safe>{t(lang, f.rateCol)}</th>
              <th scope="col" safe>{t(lang, f.ruleCol)}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr>
                <th scope="row" safe>
                  {t(lang, channelLabels[q.channel])}
                </th>
                <td data-label={t(lang, f.rateCol)}>
                  <QuoteCell lang={lang} q={q} />
                </td>
                <td data-label={t(lang, f.ruleCol)}>
                  {[...new Set(q.lines.map((l) => l.rule.text))].map((text) => (
                    <Vi lang={lang} text={text} tag="div" />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {quotes.some((q) => q.amountDong === null) ? (
        <p class="hint" safe>
          {t(lang, f.counterNote)}
        </p>
      ) : (
        ''
      )}
      <NotToday lang={lang} rules={notToday} today={today} />
      {p.feesText ? (
        <details>
          <summary safe>{t(lang, d.originalText)}</summary>
          <Vi lang={lang} text={p.feesText} tag="div" />
        </details>
      ) : (
        ''
      )}
    </section>
  );
}
