// Pieces shared by the registry's pages: field errors by name, the document table (cards on a phone), the state tag,
// the URLs.
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, type Option } from '../../../platform/web/layout.tsx';
import { STATE_LABELS } from '../messages.ts';
import { numberNotation } from '../numbering.ts';
import { pm } from '../page-messages.ts';
import type { DocumentRow } from '../repo.ts';
import { DOCUMENT_TYPES, URGENCIES, SECRECY, documentType } from '../types.ts';

export const DOCS_URL = '/van-ban';
export const docUrl = (id: number): string => `${DOCS_URL}/${id}`;

export const summary = (lang: Lang, errors: readonly FieldError[]) => errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));

export function errorsByField(lang: Lang, errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= t(lang, e.message);
  return out;
}

export const typeOptions = (lang: Lang): Option[] => [{ value: '', label: t(lang, pm.chooseType) }, ...DOCUMENT_TYPES.map((d) => ({ value: d.code, label: lang === 'vi' ? d.vi : d.en }))];
export const urgencyOptions = (lang: Lang): Option[] => Object.entries(URGENCIES).map(([value, label]) => ({ value, label: t(lang, label) }));
export const secrecyOptions = (lang: Lang): Option[] => Object.entries(SECRECY).map(([value, label]) => ({ value, label: t(lang, label) }));

/** `125/UBND-VP`, or the arrival number for an incoming document without one. */
export function numberOf(d: DocumentRow): string {
  return d.number !== null && d.notation !== null ? numberNotation(d.number, d.notation) : '—';
}

export const typeName = (lang: Lang, code: string): string => {
  const ty = documentType(code);
  return ty ? (lang === 'vi' ? ty.vi : ty.en) : code;
};

export const isLate = (d: DocumentRow, today: string): boolean => d.direction === 'in' && (d.state === 'assigned' || d.state === 'handling') && d.handling_deadline !== null && d.handling_deadline < today;

export function StateTag({ lang, doc, today }: { lang: Lang; doc: DocumentRow; today: string }): JSX.Element {
  return (
    <>
      <span safe>{t(lang, STATE_LABELS[doc.state])}</span>
      {isLate(doc, today) ? (
        <>
          {' '}
          <span class="badge badge-late" safe>
            {t(lang, pm.overdue)}
          </span>
        </>
      ) : (
        ''
      )}
      {doc.urgency !== 'normal' ? (
        <>
          {' '}
          <span class="badge" safe>
            {t(lang, URGENCIES[doc.urgency as keyof typeof URGENCIES])}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}

export function DocTable({ lang, caption, rows, today }: { lang: Lang; caption: string; rows: readonly DocumentRow[]; today: string }): JSX.Element {
  if (rows.length === 0) return <p safe>{`${caption}: ${t(lang, pm.empty)}`}</p>;
  const heads = [pm.colNumber, pm.colDate, pm.colSummary, pm.colFrom, pm.colDeadline, pm.colState].map((h) => t(lang, h));
  return (
    <div class="table-frame">
      <CardsTable
        heads={heads}
        caption={caption}
        rows={rows}
        rowAttrs={(d) => ({ class: isLate(d, today) ? 'row-overdue' : undefined })}
        cells={(d) => [
          {
            html: (
              <a href={docUrl(d.id)} safe>
                {d.direction === 'in' ? `${numberOf(d)} (${t(lang, pm.colArrival).toLowerCase()} ${d.arrival_number ?? ''})` : d.number === null ? t(lang, STATE_LABELS[d.state]) : numberOf(d)}
              </a>
            ),
          },
          d.document_date ? formatIsoDay(d.document_date) : '—',
          `${typeName(lang, d.type_code)}: ${d.summary}`,
          d.direction === 'in' ? d.author : firstRecipient(d.recipients),
          d.handling_deadline ? formatIsoDay(d.handling_deadline) : '—',
          { html: <StateTag lang={lang} doc={d} today={today} /> },
        ]}
      />
    </div>
  );
}

const firstRecipient = (r: string): string => {
  const lines = r.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('@'));
  const internal = r.split('\n').filter((l) => l.startsWith('@')).length;
  const shown = lines.slice(0, 2).join('; ');
  return internal > 0 ? `${shown}${shown ? '; ' : ''}+${internal}` : shown || '—';
};
