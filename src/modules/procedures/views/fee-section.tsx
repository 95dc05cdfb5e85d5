// The fees of a procedure page: per channel, the fee that applies today (the one evaluation, fees.ts); apart from it,
// the time-limited rates that have ended or not begun, with their dates; and the text as published.
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable } from '../../../platform/web/layout.tsx';
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
    <CardsTable
      caption={t(lang, f.otherPeriods)}
      captionClass="muted"
      heads={[f.rateCol, d.channelCol, f.periodCol, f.statusCol, f.ruleCol].map((h) => t(lang, h))}
      rows={rules}
      cells={(r) => [
        formatRate(lang, r),
        r.channel ? t(lang, channelLabels[r.channel]) : t(lang, f.allChannels),
        formatPeriod(lang, r),
        t(lang, r.to !== null && r.to < today ? f.expired : f.upcoming),
        { html: <Vi lang={lang} text={r.text} /> },
      ]}
    />
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
        <CardsTable
          caption={t(lang, f.todayCaption, { date: viDate(today) })}
          captionClass="muted"
          heads={[d.channelCol, f.rateCol, f.ruleCol].map((h) => t(lang, h))}
          rows={quotes}
          cells={(q) => [
            { text: t(lang, channelLabels[q.channel]), header: true },
            { html: <QuoteCell lang={lang} q={q} /> },
            {
              html: (
                <>
                  {[...new Set(q.lines.map((l) => l.rule.text))].map((text) => (
                    <Vi lang={lang} text={text} tag="div" />
                  ))}
                </>
              ),
            },
          ]}
        />
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
