// /quan-ly/phan-anh: the staff's lists (cards on a phone); /quan-ly/phan-anh/:code: one case with what the user may
// do to it: assign (with the due date it would get) or reject, answer, approve publishing.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatDateTime, formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import { displayPhone } from '../../dossiers/index.ts';
import type { AgencyWithUnit } from '../../units/index.ts';
import type { Inbox } from '../inbox.ts';
import { isOverdue } from '../inbox.ts';
import { categoryLabels, FIELDS } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { CaseRow, PhotoRow } from '../repo.ts';
import { errorsByField, StatusTag, summary } from './parts.tsx';

export const STAFF_URL = '/quan-ly/phan-anh';
export const caseUrl = (code: string): string => `${STAFF_URL}/${encodeURIComponent(code)}`;

function CaseTable({ lang, caption, rows, inbox }: { lang: Lang; caption: string; rows: CaseRow[]; inbox: Inbox }): JSX.Element {
  if (rows.length === 0) return <p safe>{`${caption}: ${t(lang, pm.emptyList)}`}</p>;
  const heads = [pm.code, pm.title, pm.sent, pm.agency, pm.dueDate, pm.status].map((h) => t(lang, h));
  return (
    <div class="table-frame">
      <CardsTable
        heads={heads}
        caption={caption}
        rows={rows}
        rowAttrs={(r) => ({ class: isOverdue(r, inbox.today) ? 'row-overdue' : undefined })}
        cells={(r) => [
          {
            html: (
              <a href={caseUrl(r.code)} safe>
                {r.code}
              </a>
            ),
          },
          r.title,
          formatDateTime(lang, r.created_at),
          r.agency_id === null ? '—' : (inbox.agencyNames.get(r.agency_id) ?? ''),
          r.due_date ? formatIsoDay(r.due_date) : '—',
          { html: <StatusTag lang={lang} status={r.status} overdue={isOverdue(r, inbox.today)} /> },
        ]}
      />
    </div>
  );
}

export function InboxPage({ req, inbox }: { req: FastifyRequest; inbox: Inbox }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pm.inboxTitle}>
      <h1 safe>{t(lang, pm.inboxTitle)}</h1>
      {inbox.office ? <CaseTable lang={lang} caption={t(lang, pm.toSort)} rows={inbox.toSort} inbox={inbox} /> : ''}
      <CaseTable lang={lang} caption={t(lang, pm.inProgress)} rows={inbox.inProgress} inbox={inbox} />
      {inbox.office ? '' : <CaseTable lang={lang} caption={t(lang, pm.answeredList)} rows={inbox.answered} inbox={inbox} />}
    </Page>
  );
}

export interface CasePageState {
  row: CaseRow;
  photos: PhotoRow[];
  unitName: string;
  agencyName: string | null;
  today: string;
  /** What the user may do now. */
  can: { assign: boolean; answer: boolean; publish: boolean };
  agencies: AgencyWithUnit[];
  dueIfNow: { date: string; days: number } | null;
  values: { agency: string; reason: string; answer: string };
  errors: readonly FieldError[];
}

function Facts({ lang, s }: { lang: Lang; s: CasePageState }): JSX.Element {
  const r = s.row;
  const contact = [r.sender_phone ? displayPhone(r.sender_phone) : '', r.sender_email ?? ''].filter(Boolean).join(', ');
  const item = (label: string, value: string): JSX.Element => (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value}</dd>
    </>
  );
  return (
    <dl class="facts">
      <dt safe>{t(lang, pm.status)}</dt>
      <dd>
        <StatusTag lang={lang} status={r.status} overdue={isOverdue(r, s.today)} />
      </dd>
      {item(t(lang, FIELDS.category), t(lang, categoryLabels[r.category]))}
      {item(t(lang, pm.location), [r.address, s.unitName].filter(Boolean).join(', '))}
      {item(t(lang, pm.sender), `${r.sender_name} (${contact})`)}
      {item(t(lang, pm.sent), formatDateTime(lang, r.created_at))}
      {s.agencyName ? item(t(lang, FIELDS.agency), s.agencyName) : ''}
      {r.due_date ? item(t(lang, pm.dueDate), formatIsoDay(r.due_date)) : ''}
      {r.reject_reason ? item(t(lang, pm.rejected), r.reject_reason) : ''}
      {r.rating !== null ? item(t(lang, pm.rated), `${r.rating}/5${r.rating_comment ? ` – ${r.rating_comment}` : ''}`) : ''}
    </dl>
  );
}

function Actions({ req, s }: { req: FastifyRequest; s: CasePageState }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, s.errors);
  const base = caseUrl(s.row.code);
  const options = [{ value: '', label: t(lang, pm.agency) }, ...s.agencies.map((a) => ({ value: a.code, label: a.name }))];
  return (
    <>
      {s.can.assign ? (
        <>
          <form method="post" action={`${base}/chuyen`} novalidate>
            <h2 safe>{t(lang, pm.assign)}</h2>
            <CsrfField req={req} />
            <SelectField id="agency" label={t(lang, FIELDS.agency)} options={options} value={s.values.agency} error={e.agency} hint={s.dueIfNow ? t(lang, pm.dueIfNow, { due: formatIsoDay(s.dueIfNow.date), days: s.dueIfNow.days }) : undefined} />
            <button type="submit" safe>
              {t(lang, pm.assignButton)}
            </button>
          </form>
          <form method="post" action={`${base}/tu-choi`} novalidate>
            <h2 safe>{t(lang, pm.reject)}</h2>
            <CsrfField req={req} />
            <TextAreaField id="reason" label={t(lang, FIELDS.reason)} value={s.values.reason} error={e.reason} rows={3} />
            <button type="submit" class="secondary" safe>
              {t(lang, pm.rejectButton)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
      {s.can.answer ? (
        <form method="post" action={`${base}/tra-loi`} novalidate>
          <h2 safe>{t(lang, pm.answerTitle)}</h2>
          <CsrfField req={req} />
          <TextAreaField id="answer" label={t(lang, FIELDS.answer)} value={s.values.answer} error={e.answer} rows={8} />
          <button type="submit" safe>
            {t(lang, pm.answerButton)}
          </button>
        </form>
      ) : (
        ''
      )}
      {s.can.publish ? (
        <form method="post" action={`${base}/cong-khai`}>
          <CsrfField req={req} />
          <button type="submit" safe>
            {t(lang, pm.publishButton)}
          </button>
        </form>
      ) : (
        ''
      )}
    </>
  );
}

export function CasePage({ req, state: s }: { req: FastifyRequest; state: CasePageState }): JSX.Element {
  const lang = req.lang;
  const r = s.row;
  return (
    <Page req={req} title={`${r.code}: ${r.title}`}>
      <p>
        <a class="back-link" href={STAFF_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{`${r.code}: ${r.title}`}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, s.errors)} />
      <Facts lang={lang} s={s} />
      <p class="pre-line" safe>
        {r.description}
      </p>
      {s.photos.length > 0 ? (
        <>
          <h2 safe>{t(lang, pm.photos)}</h2>
          <ul class="cards">
            {s.photos.map((p) => (
              <li>
                <a href={`${caseUrl(r.code)}/anh/${p.position}`}>
                  <img src={`${caseUrl(r.code)}/anh/${p.position}`} alt={t(lang, pm.photoAlt, { n: p.position })} width="320" loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {r.answer ? (
        <>
          <h2 safe>{t(lang, pm.answer)}</h2>
          <p class="pre-line" safe>
            {r.answer}
          </p>
          {r.published ? <p class="badge" safe>{t(lang, pm.published)}</p> : ''}
        </>
      ) : (
        ''
      )}
      <Actions req={req} s={s} />
    </Page>
  );
}
