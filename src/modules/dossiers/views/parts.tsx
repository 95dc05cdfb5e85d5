// Pieces the dossier pages share: Vietnamese-only text marked as such on English pages, facts about a dossier, the
// timeline, the files and the fees.
import { formatDateTime, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { eventKinds, INTERNAL_EVENT_KINDS, paymentLabels } from '../messages.ts';
import { statusLabel } from '../states.ts';
import { detailPage as dm, receiptPage as rm } from '../messages-pages.ts';
import { formatDong, formatIsoDate, formatSize } from '../format.ts';
import type { Dossier, DossierEvent, DossierFile } from '../schema.ts';
import type { DossierChannel, DossierProcedure } from '../catalogue.ts';
import { feeWords, formatQuoteLine, formatTimeRule } from '../../procedures/index.ts';

/** Catalogue text exists in Vietnamese only: on an English page it carries lang="vi" for screen readers. */
export function Vi({ lang, text }: { lang: Lang; text: string }): JSX.Element {
  return lang === 'vi' ? (
    <span safe>{text}</span>
  ) : (
    <span lang="vi" safe>
      {text}
    </span>
  );
}

export function Fact({ label, children }: { label: string; children: JSX.Element | string }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function StatusText({ lang, status }: { lang: Lang; status: string }): JSX.Element {
  return (
    <strong class="badge" safe>
      {t(lang, statusLabel(status))}
    </strong>
  );
}

export function DueDate({ lang, d, explain }: { lang: Lang; d: Dossier; explain?: boolean }): JSX.Element {
  if (!d.dueDate) return <span safe>{t(lang, rm.dueUnknown)}</span>;
  return (
    <>
      <strong safe>{formatIsoDate(lang, d.dueDate)}</strong>
      {explain && d.deadline ? (
        <p class="hint">
          <span safe>{`${t(lang, rm.howCounted)}: `}</span>
          <span safe>{d.deadline.explanation[lang]}</span>
        </p>
      ) : (
        ''
      )}
      {d.deadline?.provisional ? (
        <p class="hint" safe>
          {t(lang, rm.dueProvisional)}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export function FeeFact({ lang, d }: { lang: Lang; d: Dossier }): JSX.Element {
  if (d.feeTotalDong === 0) return <span safe>{t(lang, paymentLabels.none)}</span>;
  return <span safe>{`${formatDong(lang, d.feeTotalDong)} — ${t(lang, paymentLabels[d.paymentStatus])}`}</span>;
}

export function Timeline({ lang, events }: { lang: Lang; events: readonly DossierEvent[] }): JSX.Element {
  return (
    <ol class="steps">
      {events.filter((e) => !INTERNAL_EVENT_KINDS.has(e.kind)).map((e) => (
        <li>
          <time datetime={e.at.toISOString()} safe>
            {formatDateTime(lang, e.at)}
          </time>
          <span safe>{` — ${t(lang, eventKinds[e.kind] ?? { vi: e.kind, en: e.kind })}`}</span>
        </li>
      ))}
    </ol>
  );
}

export function FileList({ lang, code, files }: { lang: Lang; code: string; files: readonly DossierFile[] }): JSX.Element {
  if (files.length === 0) return <p safe>{t(lang, dm.noFiles)}</p>;
  return (
    <ul>
      {files.map((f) => (
        <li>
          <a href={`/ho-so/${encodeURIComponent(code)}/tep/${f.id}`} safe>
            {f.originalName}
          </a>
          <span class="muted" safe>{` (${formatSize(f.size)})`}</span>
        </li>
      ))}
    </ul>
  );
}

/** The wording of a fee table: the citizen's page and the counter's say different things around the same figures. */
export interface FeeTableText {
  feesTitle: Text;
  feesNone: Text;
  feesTotal: Text;
  feesNote: Text;
}

/**
 * The fee that applies, shown before anything is submitted (the catalogue's evaluation for today and the channel):
 * one line per case the rules give, then what is paid on submission, or that the receiving agency settles it.
 */
export function FeeTable({ lang, procedure, text: m, channel = 'online' }: { lang: Lang; procedure: DossierProcedure; text: FeeTableText; channel?: DossierChannel }): JSX.Element {
  const q = procedure.fees[channel];
  if (q.amountDong === 0) return <p safe>{t(lang, m.feesNone)}</p>;
  return (
    <>
      <table>
        <caption class="muted" safe>
          {t(lang, m.feesTitle)}
        </caption>
        <tbody>
          {q.lines.map((l) => (
            <tr>
              <td>
                <Vi lang={lang} text={l.case ?? l.rule.text} />
              </td>
              <td class="num" safe>
                {formatQuoteLine(lang, l)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" safe>
              {t(lang, m.feesTotal)}
            </th>
            <td class="num">
              <strong safe>{q.amountDong === null ? t(lang, feeWords.atCounter) : formatDong(lang, q.amountDong)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="hint" safe>
        {t(lang, q.amountDong === null ? feeWords.counterNote : m.feesNote)}
      </p>
    </>
  );
}

/** A procedure's code and processing time (the typed time, with where it comes from when the text gave no unit). */
export function ProcedureFacts({ lang, procedure, text: m }: { lang: Lang; procedure: DossierProcedure; text: { procedureCode: Text; processingTime: Text } }): JSX.Element {
  const time = procedure.processingTime;
  return (
    <>
      <Fact label={t(lang, m.procedureCode)}>
        <code safe>{procedure.code}</code>
      </Fact>
      {time.text || time.unit ? (
        <Fact label={t(lang, m.processingTime)}>
          {time.unit ? <span safe>{formatTimeRule(lang, time)}</span> : <Vi lang={lang} text={time.text} />}
        </Fact>
      ) : (
        ''
      )}
    </>
  );
}
