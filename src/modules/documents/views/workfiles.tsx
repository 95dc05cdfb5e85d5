// /van-ban/ho-so: the agency's work files (a table that reads as cards on a phone) with a search and, for clerks and
// leaders, the form to open a new file; /van-ban/ho-so/:id: one file with its facts, its documents in date order,
// the form to add a document by id, number/notation or arrival number, remove buttons, edit and close forms, and the
// PDF and XML exports. A refused form comes back with what was typed and its errors beside the fields.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { attrValue, CardsTable, CsrfField, ErrorSummary, Field, type Option, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import type { StaffSummary } from '../../accounts/index.ts';
import type { DocumentRow } from '../repo.ts';
import { documentNumber } from '../workfiles-export.ts';
import { RETENTION_CHOICES, retentionText, WF_FIELDS as f, wp } from '../workfiles-messages.ts';
import type { WorkFileIndex, WorkFileSummary, WorkFileValues } from '../workfiles.ts';

export const WORK_FILES_URL = '/van-ban/ho-so';
export const workFileUrl = (id: number): string => `${WORK_FILES_URL}/${id}`;
export const documentUrl = (id: number): string => `/van-ban/${id}`;

const summary = (lang: Lang, errors: readonly FieldError[]) => errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));

/** The first error of each field, in the page's language. */
function errorsByField(lang: Lang, errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= t(lang, e.message);
  return out;
}

function retentionOptions(lang: Lang, current: string): Option[] {
  const values: string[] = [...RETENTION_CHOICES];
  // A period typed elsewhere (any number of years from 1 to 70) stays selectable as it is.
  if (current !== '' && !values.includes(current) && /^\d{1,2}$/.test(current)) values.unshift(current);
  return values.map((v) => ({ value: v, label: t(lang, retentionText(v)) }));
}

const keeperOptions = (lang: Lang, keepers: readonly StaffSummary[]): Option[] => [{ value: '', label: t(lang, wp.chooseKeeper) }, ...keepers.map((k) => ({ value: String(k.id), label: k.fullName }))];

/** The fields of a file, for the new file and for editing one. */
function FileFields({ lang, values: v, errors: e, keepers }: { lang: Lang; values: WorkFileValues; errors: Record<string, string>; keepers: readonly StaffSummary[] }): JSX.Element {
  return (
    <>
      <Field id="code" label={t(lang, f.code)} value={v.code} error={e.code} hint={t(lang, wp.codeHint)} required />
      <Field id="title" label={t(lang, f.title)} value={v.title} error={e.title} required />
      <SelectField id="retention" label={t(lang, f.retention)} options={retentionOptions(lang, v.retention)} value={v.retention} error={e.retention} />
      <Field id="openedOn" type="date" label={t(lang, f.openedOn)} value={v.openedOn} error={e.openedOn} required />
      <SelectField id="keeper" label={t(lang, f.keeper)} options={keeperOptions(lang, keepers)} value={v.keeper} error={e.keeper} />
      <TextAreaField id="notes" label={t(lang, f.notes)} value={v.notes} error={e.notes} rows={3} />
    </>
  );
}

const stateText = (lang: Lang, closedOn: string | null): string => t(lang, closedOn === null ? wp.open : wp.closed);
const period = (opened: string, closed: string | null): string => `${formatIsoDay(opened)} – ${closed === null ? '…' : formatIsoDay(closed)}`;

export interface WorkFileListState {
  files: WorkFileSummary[];
  query: string;
  canCreate: boolean;
  keepers: StaffSummary[];
  values: WorkFileValues;
  errors: readonly FieldError[];
}

function FileTable({ lang, files }: { lang: Lang; files: WorkFileSummary[] }): JSX.Element {
  const heads = [wp.colCode, wp.colTitle, wp.colPeriod, wp.colRetention, wp.colDocuments, wp.colKeeper, wp.colState].map((h) => t(lang, h));
  return (
    <div class="table-frame">
      <CardsTable
        caption={t(lang, wp.count, { n: files.length })}
        heads={heads}
        rows={files}
        cells={(w) => [
          {
            html: (
              <a href={workFileUrl(w.id)} safe>
                {w.code}
              </a>
            ),
          },
          w.title,
          period(w.opened_on, w.closed_on),
          t(lang, retentionText(w.retention)),
          String(w.documentCount),
          w.keeperName || '—',
          stateText(lang, w.closed_on),
        ]}
      />
    </div>
  );
}

export function WorkFileListPage({ req, state: s }: { req: FastifyRequest; state: WorkFileListState }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, s.errors);
  return (
    <Page req={req} title={wp.listTitle}>
      <h1 safe>{t(lang, wp.listTitle)}</h1>
      <p safe>{t(lang, wp.intro)}</p>
      <ErrorSummary lang={lang} errors={summary(lang, s.errors)} />
      <form method="get" action={WORK_FILES_URL} class="filters" role="search">
        <Field id="q" label={t(lang, f.query)} value={s.query} />
        <div class="field">
          <button type="submit" safe>
            {t(lang, wp.searchButton)}
          </button>
        </div>
      </form>
      {s.files.length === 0 ? <p safe>{t(lang, s.query ? wp.none : wp.empty)}</p> : <FileTable lang={lang} files={s.files} />}
      {s.canCreate ? (
        <form method="post" action={WORK_FILES_URL} novalidate>
          <h2 safe>{t(lang, wp.newFile)}</h2>
          <CsrfField req={req} />
          <FileFields lang={lang} values={s.values} errors={e} keepers={s.keepers} />
          <button type="submit" safe>
            {t(lang, wp.createButton)}
          </button>
        </form>
      ) : (
        ''
      )}
    </Page>
  );
}

export interface WorkFilePageState {
  index: WorkFileIndex;
  keepers: StaffSummary[];
  /** The edit form's values (the file's own unless a refused edit brought them back). */
  values: WorkFileValues;
  reference: string;
  closedOn: string;
  errors: readonly FieldError[];
}

function DocumentTable({ req, s }: { req: FastifyRequest; s: WorkFilePageState }): JSX.Element {
  const lang = req.lang;
  const docs = s.index.documents;
  const canRemove = s.index.rights.file;
  const heads = [wp.colNo, wp.colNumber, wp.colDate, wp.colSummary, wp.colDirection, wp.colPages, ...(canRemove ? [wp.colAction] : [])].map((h) => t(lang, h));
  const base = workFileUrl(s.index.file.id);
  const direction = (d: DocumentRow): string => t(lang, wp.direction[d.direction]) + (d.direction === 'in' && d.arrival_number !== null ? ` (${t(lang, wp.arrival, { n: d.arrival_number })})` : '');
  return (
    <div class="table-frame">
      <CardsTable
        caption={t(lang, wp.documents)}
        heads={heads}
        rows={docs.map((d, i) => ({ d, i }))}
        cells={({ d, i }) => {
          const number = documentNumber(d) || t(lang, wp.noNumber);
          return [
            String(i + 1),
            {
              html: (
                <a href={documentUrl(d.id)} safe>
                  {number}
                </a>
              ),
            },
            d.document_date ? formatIsoDay(d.document_date) : d.arrived_on ? formatIsoDay(d.arrived_on) : '—',
            d.summary,
            direction(d),
            d.page_count === null ? '—' : String(d.page_count),
            ...(canRemove
              ? [
                  {
                    html: (
                      <form method="post" action={`${base}/bo-van-ban`} class="inline-form">
                        <CsrfField req={req} />
                        <input type="hidden" name="documentId" value={String(d.id)} />
                        <button type="submit" class="secondary" aria-label={attrValue(t(lang, wp.removeLabel, { number }))} safe>
                          {t(lang, wp.removeButton)}
                        </button>
                      </form>
                    ),
                  },
                ]
              : []),
          ];
        }}
      />
    </div>
  );
}

export function WorkFilePage({ req, state: s }: { req: FastifyRequest; state: WorkFilePageState }): JSX.Element {
  const lang = req.lang;
  const w = s.index.file;
  const e = errorsByField(lang, s.errors);
  const base = workFileUrl(w.id);
  const editErrors = s.errors.some((x) => ['code', 'title', 'retention', 'openedOn', 'keeper', 'notes'].includes(x.field));
  const pages = s.index.documents.reduce((n, d) => n + (d.page_count ?? 0), 0);
  const item = (label: string, value: string): JSX.Element => (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </>
  );
  return (
    <Page req={req} title={`${w.code}: ${w.title}`}>
      <p>
        <a class="back-link" href={WORK_FILES_URL} safe>
          {t(lang, wp.back)}
        </a>
      </p>
      <h1 safe>{`${w.code}: ${w.title}`}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, s.errors)} />
      <dl class="facts">
        {item(t(lang, f.code), w.code)}
        {item(t(lang, wp.colState), stateText(lang, w.closed_on))}
        {item(t(lang, f.openedOn), formatIsoDay(w.opened_on))}
        {w.closed_on ? item(t(lang, f.closedOn), formatIsoDay(w.closed_on)) : ''}
        {item(t(lang, f.retention), t(lang, retentionText(w.retention)))}
        {item(t(lang, f.keeper), s.index.keeperName || '—')}
        {item(t(lang, wp.colDocuments), String(s.index.documents.length))}
        {item(t(lang, wp.pageCountTotal), String(pages))}
        {w.notes ? item(t(lang, f.notes), w.notes) : ''}
      </dl>
      <p>
        <span safe>{`${t(lang, wp.exports)}: `}</span>
        <a href={`${base}.pdf`} safe>
          {t(lang, wp.exportPdf)}
        </a>
        {' · '}
        <a href={`${base}.xml`} safe>
          {t(lang, wp.exportXml)}
        </a>
      </p>
      <h2 safe>{t(lang, wp.documents)}</h2>
      {s.index.documents.length === 0 ? <p safe>{t(lang, wp.noDocuments)}</p> : <DocumentTable req={req} s={s} />}
      {s.index.withheld > 0 ? <p class="hint" safe>{t(lang, wp.withheld, { n: s.index.withheld })}</p> : ''}
      {s.index.rights.file ? (
        <form method="post" action={`${base}/them-van-ban`} novalidate>
          <h2 safe>{t(lang, wp.addTitle)}</h2>
          <CsrfField req={req} />
          <Field id="document" label={t(lang, f.document)} value={s.reference} error={e.document} hint={t(lang, wp.addHint)} required />
          <button type="submit" safe>
            {t(lang, wp.addButton)}
          </button>
        </form>
      ) : (
        ''
      )}
      {s.index.rights.edit ? (
        <details open={editErrors}>
          <summary safe>{t(lang, wp.editTitle)}</summary>
          <form method="post" action={`${base}/sua`} novalidate>
            <CsrfField req={req} />
            <FileFields lang={lang} values={s.values} errors={e} keepers={s.keepers} />
            <button type="submit" safe>
              {t(lang, wp.saveButton)}
            </button>
          </form>
        </details>
      ) : (
        ''
      )}
      {s.index.rights.file ? (
        <form method="post" action={`${base}/ket-thuc`} novalidate>
          <h2 safe>{t(lang, wp.closeTitle)}</h2>
          <CsrfField req={req} />
          <Field id="closedOn" type="date" label={t(lang, f.closedOn)} value={s.closedOn} error={e.closedOn} hint={t(lang, wp.closeHint)} required />
          <button type="submit" class="secondary" safe>
            {t(lang, wp.closeButton)}
          </button>
        </form>
      ) : (
        ''
      )}
    </Page>
  );
}
