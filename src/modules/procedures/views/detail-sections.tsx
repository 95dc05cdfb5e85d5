// Sections of the procedure page: channels, required documents, steps, result, legal basis, versions (fees:
// fee-section.tsx).
import type { Lang } from '../../../platform/web/i18n.ts';
import { formatDate, t } from '../../../platform/web/i18n.ts';
import { CardsTable } from '../../../platform/web/layout.tsx';
import { feeFor } from '../fees.ts';
import { formatDong, formatTime, formatTimeRule, tidyTimeText } from '../format.ts';
import { channelLabels, detail as d, feeWords as f, onlineLevelLabels } from '../messages.ts';
import type { ChannelDetail, ProcedureDetail } from '../schema.ts';
import { Vi } from './parts.tsx';

/** Whether the published text says more than the typed value ("5 Ngày làm việc" says nothing more than "5 ngày làm việc"). */
function differs(source: string, typed: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\b0+(\d)/g, '$1').replace(/\s+/g, ' ').trim();
  return source.trim() !== '' && norm(source) !== norm(typed);
}

/** The fee a channel's row of the table shows: today's, from the rules (its published text is in the fee section). */
function channelFee(lang: Lang, p: ProcedureDetail, c: ChannelDetail, today: string): string {
  if (!c.channel) return c.fee_text;
  const q = feeFor(p, { date: today, channel: c.channel });
  return q.amountDong === null ? t(lang, f.atCounter) : formatDong(lang, q.amountDong);
}

export function HowToSubmit({ lang, p, today }: { lang: Lang; p: ProcedureDetail; today: string }): JSX.Element {
  const described = p.channelDetails.some((c) => c.description !== '');
  return (
    <section aria-labelledby="how-to">
      <h2 id="how-to" safe>
        {t(lang, d.howTo)}
      </h2>
      <dl class="facts">
        <dt safe>{t(lang, d.channels)}</dt>
        <dd safe>{p.channels.map((c) => t(lang, channelLabels[c])).join(', ') || t(lang, d.none)}</dd>
        <dt safe>{t(lang, d.onlineLevel)}</dt>
        <dd safe>{p.onlineLevel ? t(lang, onlineLevelLabels[p.onlineLevel]) : t(lang, d.notOnline)}</dd>
        <dt safe>{t(lang, d.processingTime)}</dt>
        <dd>
          <span safe>{formatTimeRule(lang, p.processingTime)}</span>
          {differs(p.processingTime.text, formatTime(lang, p.processingTime)) ? (
            <span class="muted" safe>{` — ${t(lang, d.sourceText, { text: tidyTimeText(p.processingTime.text) })}`}</span>
          ) : (
            ''
          )}
          {p.processingTime.basis ? (
            <p class="hint">
              <span safe>{`${t(lang, f.timeBasis)} `}</span>
              <Vi lang={lang} text={p.processingTime.basis} />
            </p>
          ) : (
            ''
          )}
        </dd>
      </dl>
      {p.channelDetails.length > 0 ? (
        <CardsTable
          caption={t(lang, d.byChannel)}
          captionClass="muted"
          heads={[d.channelCol, d.timeCol, d.feeCol, ...(described ? [d.descriptionCol] : [])].map((h) => t(lang, h))}
          rows={p.channelDetails}
          cells={(c) => [
            c.channel ? t(lang, channelLabels[c.channel]) : c.channel_text,
            formatTime(lang, c.time),
            channelFee(lang, p, c, today),
            ...(described ? [{ html: <Vi lang={lang} text={c.description} /> }] : []),
          ]}
        />
      ) : (
        ''
      )}
    </section>
  );
}

export function Documents({ lang, p }: { lang: Lang; p: ProcedureDetail }): JSX.Element {
  const incomplete = p.documents.some((x) => x.originals === null);
  return (
    <section aria-labelledby="documents">
      <h2 id="documents" safe>
        {t(lang, d.documents)}
      </h2>
      {p.documents.length === 0 ? (
        <p safe>{t(lang, d.none)}</p>
      ) : (
        <CardsTable
          class="documents"
          heads={[t(lang, d.documentName), { text: t(lang, d.originals), class: 'num' }, { text: t(lang, d.copies), class: 'num' }, t(lang, d.form)]}
          rows={p.documents}
          cells={(x) => [
            { html: <Vi lang={lang} text={x.name} tag="div" /> },
            { text: x.originals === null ? '' : String(x.originals), class: 'num' },
            { text: x.copies === null ? '' : String(x.copies), class: 'num' },
            x.form_files.join(', '),
          ]}
        />
      )}
      {incomplete && p.documentsText ? (
        <details>
          <summary safe>{t(lang, d.originalText)}</summary>
          <Vi lang={lang} text={p.documentsText} tag="div" />
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

export function TextSection({ lang, id, title, items, text }: { lang: Lang; id: string; title: string; items?: string[]; text?: string | null }): JSX.Element {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} safe>
        {title}
      </h2>
      {items && items.length > 1 ? (
        <ol class="steps">
          {items.map((s) => (
            <li>
              <Vi lang={lang} text={s} tag="div" />
            </li>
          ))}
        </ol>
      ) : items && items.length === 1 ? (
        <Vi lang={lang} text={items[0] ?? ''} tag="div" />
      ) : text ? (
        <Vi lang={lang} text={text} tag="div" />
      ) : (
        <p safe>{t(lang, d.none)}</p>
      )}
    </section>
  );
}

export function ResultAndLaw({ lang, p }: { lang: Lang; p: ProcedureDetail }): JSX.Element {
  return (
    <>
      <section aria-labelledby="result">
        <h2 id="result" safe>
          {t(lang, d.result)}
        </h2>
        {p.result.length === 0 ? (
          <p safe>{t(lang, d.none)}</p>
        ) : (
          <ul>
            {p.result.map((r) => (
              <li>
                <Vi lang={lang} text={r.name} />
                {r.code ? <span class="muted" safe>{` (${t(lang, d.resultCode, { code: r.code })})`}</span> : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="legal">
        <h2 id="legal" safe>
          {t(lang, d.legalBasis)}
        </h2>
        {p.legalBasis.length === 0 ? (
          <p safe>{t(lang, d.none)}</p>
        ) : (
          <ul>
            {p.legalBasis.map((l) => (
              <li>
                <strong safe>{l.number}</strong>
                {l.title ? (
                  <>
                    {': '}
                    <Vi lang={lang} text={l.title} />
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00+07:00`);
}

export function Versions({ lang, p }: { lang: Lang; p: ProcedureDetail }): JSX.Element {
  return (
    <section aria-labelledby="versions">
      <h2 id="versions" safe>
        {t(lang, d.version)}
      </h2>
      <p safe>{t(lang, d.versionLine, { v: p.version, date: formatDate(lang, isoToDate(p.effectiveFrom)) })}</p>
      {p.versions.length > 1 ? (
        <CardsTable
          caption={t(lang, d.versionsCaption)}
          captionClass="muted"
          heads={[d.versionCol, d.effectiveCol, d.sourceCol].map((h) => t(lang, h))}
          rows={p.versions}
          cells={(v) => [String(v.version), formatDate(lang, isoToDate(v.effectiveFrom)), v.source ?? '']}
        />
      ) : (
        ''
      )}
      {p.sourceUrl ? (
        <p>
          <span safe>{`${t(lang, d.source)}. `}</span>
          <a href={p.sourceUrl} rel="noopener noreferrer" safe>
            {t(lang, d.sourceLink)}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
