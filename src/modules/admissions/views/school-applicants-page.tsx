// /truong/tuyen-sinh/:school: the officer's applicants of one round — count against places, filters by status and
// catchment, the table (cards on a phone), the CSV download, and per admitted applicant the in-person confirmation
// with its confirmation box.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CardsTable, CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { formatDate, t, type Lang } from '../../../platform/web/i18n.ts';
import { STATUS_LABELS } from '../messages.ts';
import { sm } from '../school-messages.ts';
import type { ApplicantFilter, ApplicantList } from '../school.ts';
import type { ApplicationStatus } from '../tables.ts';
import { ExactTime } from './parts.tsx';

export const schoolPath = (code: string): string => `/truong/tuyen-sinh/${encodeURIComponent(code)}`;
const STATUSES: ApplicationStatus[] = ['active', 'admitted', 'confirmed', 'not_admitted', 'withdrawn'];

export interface ApplicantsState {
  list: ApplicantList;
  filter: ApplicantFilter;
  notice?: string | undefined;
  errors: FieldError[];
}

export function filterQuery(roundId: number, f: ApplicantFilter): string {
  const q = new URLSearchParams({ round: String(roundId) });
  if (f.status) q.set('status', f.status);
  if (f.inCatchment !== undefined) q.set('catchment', f.inCatchment ? 'in' : 'out');
  return q.toString();
}

const day = (lang: Lang, iso: string): string => formatDate(lang, new Date(`${iso}T00:00:00+07:00`));

export function ApplicantsPage({ req, s }: { req: FastifyRequest; s: ApplicantsState }): JSX.Element {
  const lang = req.lang;
  const { school, round, rounds } = s.list;
  const base = schoolPath(school.code);
  const catchment = s.filter.inCatchment === undefined ? '' : s.filter.inCatchment ? 'in' : 'out';
  return (
    <Page req={req} title={sm.applicantsTitle}>
      <h1 safe>{`${t(lang, sm.applicantsTitle)}: ${school.name}`}</h1>
      <ErrorSummary lang={lang} errors={s.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {s.notice ? (
        <p class="notice success" role="status" safe>
          {s.notice}
        </p>
      ) : (
        ''
      )}
      <form method="get" action={base} class="filters">
        <label for="round" safe>
          {t(lang, sm.round)}
        </label>
        <select id="round" name="round">
          {rounds.map((r) => (
            <option value={String(r.id)} selected={r.id === round.id} safe>
              {lang === 'en' ? r.nameEn : r.name}
            </option>
          ))}
        </select>
        <label for="status" safe>
          {t(lang, sm.status)}
        </label>
        <select id="status" name="status">
          <option value="" safe>
            {t(lang, sm.all)}
          </option>
          {STATUSES.map((st) => (
            <option value={st} selected={s.filter.status === st} safe>
              {t(lang, STATUS_LABELS[st])}
            </option>
          ))}
        </select>
        <label for="catchment" safe>
          {t(lang, sm.catchment)}
        </label>
        <select id="catchment" name="catchment">
          {[
            ['', sm.all],
            ['in', sm.inCatchment],
            ['out', sm.outOfCatchment],
          ].map(([v, l]) => (
            <option value={v as string} selected={catchment === v} safe>
              {t(lang, l as typeof sm.all)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary" safe>
          {t(lang, sm.filter)}
        </button>
      </form>
      <p>
        <strong safe>{t(lang, sm.count, { n: String(s.list.counted), places: String(s.list.places) })}</strong>{' '}
        <span safe>{t(lang, sm.shown, { n: String(s.list.applicants.length) })}</span>
      </p>
      <p>
        <a href={`${base}/ho-so.csv?${filterQuery(round.id, s.filter)}`} safe>
          {t(lang, sm.csv)}
        </a>
        {' · '}
        <a href={`${base}/ma-tuyen-sinh?round=${round.id}`} safe>
          {t(lang, sm.codesLink)}
        </a>
      </p>
      <p class="hint" safe>
        {t(lang, sm.confirmHelp)}
      </p>
      {s.list.applicants.length === 0 ? (
        <p safe>{t(lang, sm.none)}</p>
      ) : (
        <CardsTable
          caption={lang === 'en' ? round.nameEn : round.name}
          heads={[sm.number, sm.child, sm.birth, sm.catchment, sm.group, sm.status, sm.submitted, sm.action].map((h) => t(lang, h))}
          rows={s.list.applicants}
          cells={(a) => [
            { html: <code safe>{a.applicationNo}</code> },
            a.childName,
            day(lang, a.birthDate),
            t(lang, a.inCatchment ? sm.inCatchment : sm.outOfCatchment),
            a.inCatchment ? '–' : String(a.priorityGroup),
            t(lang, STATUS_LABELS[a.status]),
            { html: <ExactTime at={a.submittedAt} /> },
            a.status === 'admitted'
              ? {
                  html: (
                    <form method="post" action={`${base}/xac-nhan`} novalidate>
                      <CsrfField req={req} />
                      <input type="hidden" name="application_no" value={a.applicationNo} />
                      <input type="hidden" name="round" value={String(round.id)} />
                      <div class="choice">
                        <input type="checkbox" id={`confirm-${a.applicationNo}`} name="confirm" value="yes" />
                        <label for={`confirm-${a.applicationNo}`} safe>
                          {t(lang, sm.confirmBox, { name: a.childName })}
                        </label>
                      </div>
                      <button type="submit" safe>
                        {t(lang, sm.confirmButton)}
                      </button>
                    </form>
                  ),
                }
              : '',
          ]}
        />
      )}
    </Page>
  );
}
