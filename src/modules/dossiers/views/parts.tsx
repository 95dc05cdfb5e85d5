// Pieces the dossier pages share: Vietnamese-only text marked as such on English pages, facts about a dossier, the
// timeline, the files and the fees.
import { formatDateTime, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { eventKinds, INTERNAL_EVENT_KINDS, paymentLabels, statusLabel } from '../messages.ts';
import { detailPage as dm, receiptPage as rm } from '../messages-pages.ts';
import { formatDong, formatIsoDate, formatSize } from '../format.ts';
import type { Dossier, DossierEvent, DossierFile } from '../schema.ts';
import { feeTotal, type DossierProcedure } from '../catalogue.ts';

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
  return <span safe>{`${formatDong(d.feeTotalDong)} — ${t(lang, paymentLabels[d.paymentStatus])}`}</span>;
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

/** A procedure's fee lines and their total, shown before anything is submitted. */
export function FeeTable({ lang, procedure, text: m }: { lang: Lang; procedure: DossierProcedure; text: FeeTableText }): JSX.Element {
  if (procedure.fees.length === 0) return <p safe>{t(lang, m.feesNone)}</p>;
  return (
    <>
      <table>
        <caption class="muted" safe>
          {t(lang, m.feesTitle)}
        </caption>
        <tbody>
          {procedure.fees.map((f) => (
            <tr>
              <td>
                <Vi lang={lang} text={f.label} />
              </td>
              <td class="num" safe>
                {formatDong(f.amountDong)}
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
              <strong safe>{formatDong(feeTotal(procedure))}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="hint" safe>
        {t(lang, m.feesNote)}
      </p>
    </>
  );
}

/** A procedure's code and processing time (as the catalogue words it): the facts list's first entries on a submission form. */
export function ProcedureFacts({ lang, procedure, text: m }: { lang: Lang; procedure: DossierProcedure; text: { procedureCode: Text; processingTime: Text } }): JSX.Element {
  return (
    <>
      <Fact label={t(lang, m.procedureCode)}>
        <code safe>{procedure.code}</code>
      </Fact>
      {procedure.processingTime.text ? (
        <Fact label={t(lang, m.processingTime)}>
          <Vi lang={lang} text={procedure.processingTime.text} />
        </Fact>
      ) : (
        ''
      )}
    </>
  );
}
