// /dao-tao-cntt/lop/:id: a class, its trainees with their attendance and results per module, and the forms to enrol
// one trainee or a CSV file, to record attendance and completion, and to move the class on.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import type { LineError } from '../enrol.ts';
import { m } from '../messages.ts';
import { passes } from '../modules.ts';
import type { ClassRow, CourseRow, ResultRow, TraineeRow } from '../repo.ts';
import { asFormErrors, day, errorOf, levelLabel, Notice, stateLabel, TrainingNav, URLS } from './parts.tsx';

export type ClassTrainee = TraineeRow & { attended: boolean; completed: boolean };
export interface ClassView {
  cls: ClassRow;
  course: CourseRow;
  trainees: ClassTrainee[];
  results: ResultRow[];
  agencies: Map<number, string>;
}
type Typed = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The latest sitting of a module, marked pass or fail. */
function ResultCell({ lang, rows }: { lang: 'vi' | 'en'; rows: ResultRow[] }): JSX.Element {
  const last = rows[rows.length - 1];
  if (!last) return <>–</>;
  const ok = rows.some((r) => passes(r.theory, r.practical));
  return <span safe>{`${last.theory} / ${last.practical} ${ok ? '✓' : '✗'} ${t(lang, ok ? m.passed : m.failed)}${rows.length > 1 ? ` (${rows.length})` : ''}`}</span>;
}

export function ClassPage(p: { req: FastifyRequest; v: ClassView; typed?: Typed; errors?: FieldError[]; lineErrors?: LineError[]; notice?: string }): JSX.Element {
  const { req, v } = p;
  const lang = req.lang;
  const errors = p.errors ?? [];
  const typed = p.typed ?? {};
  const lineErrors = p.lineErrors ?? [];
  const next = v.cls.state === 'planned' ? 'running' : v.cls.state === 'running' ? 'finished' : null;
  return (
    <Page req={req} title={v.cls.name}>
      <h1 safe>{v.cls.name}</h1>
      <TrainingNav req={req} />
      <Notice text={p.notice} />
      <ErrorSummary lang={lang} errors={[...asFormErrors(lang, errors), ...lineErrors.map((e) => ({ field: 'csv', message: `${t(lang, m.line)} ${e.line}: ${t(lang, e.message)}` }))]} />
      <dl class="summary">
        <dt safe>{t(lang, m.course)}</dt>
        <dd safe>{`${v.course.name} (${t(lang, levelLabel[v.course.level] ?? m.basic)}, ${v.course.hours} ${t(lang, m.hours).toLowerCase()})`}</dd>
        <dt safe>{t(lang, m.startsOn)}</dt>
        <dd safe>{`${day(v.cls.starts_on)} – ${day(v.cls.ends_on)}`}</dd>
        <dt safe>{t(lang, m.place)}</dt>
        <dd safe>{v.cls.place || '–'}</dd>
        <dt safe>{t(lang, m.trainer)}</dt>
        <dd safe>{v.cls.trainer || '–'}</dd>
        <dt safe>{t(lang, m.state)}</dt>
        <dd safe>{t(lang, stateLabel[v.cls.state] ?? m.planned)}</dd>
        <dt safe>{t(lang, m.enrolled)}</dt>
        <dd safe>{`${v.trainees.length}/${v.cls.capacity}`}</dd>
      </dl>
      {next ? (
        <form method="post" action={`${URLS.classOf(v.cls.id)}/trang-thai`}>
          <CsrfField req={req} />
          <input type="hidden" name="to" value={next} />
          <button type="submit" safe>
            {t(lang, next === 'running' ? m.start : m.finish)}
          </button>
        </form>
      ) : (
        ''
      )}
      {v.cls.state !== 'planned' ? (
        <p>
          <a href={URLS.gridOf(v.cls.id)} safe>
            {t(lang, m.enterResults)}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t(lang, m.trainees)}</h2>
      {v.trainees.length === 0 ? (
        <p safe>{t(lang, m.noRows)}</p>
      ) : (
        <form method="post" action={`${URLS.classOf(v.cls.id)}/hoan-thanh`}>
          <CsrfField req={req} />
          <CardsTable
            caption={t(lang, m.trainees)}
            heads={[...[m.fullName, m.agencyName, m.attended, m.completed].map((h) => t(lang, h)), ...v.course.modules]}
            rows={v.trainees}
            cells={(tr) => [
              { text: `${tr.full_name} (#${tr.id})`, header: true },
              v.agencies.get(tr.agency_id) ?? '',
              { html: <input type="checkbox" name="attended" value={String(tr.id)} checked={tr.attended} aria-label={`${t(lang, m.attended)}: ${tr.full_name}`} disabled={v.cls.state === 'planned'} /> },
              { html: <input type="checkbox" name="completed" value={String(tr.id)} checked={tr.completed} aria-label={`${t(lang, m.completed)}: ${tr.full_name}`} disabled={v.cls.state === 'planned'} /> },
              ...v.course.modules.map((mod) => ({ html: <ResultCell lang={lang} rows={v.results.filter((r) => r.trainee_id === tr.id && r.module === mod)} /> })),
            ]}
          />
          {v.cls.state !== 'planned' ? (
            <button type="submit" safe>
              {t(lang, m.saveCompletion)}
            </button>
          ) : (
            ''
          )}
        </form>
      )}
      {v.cls.state !== 'finished' ? (
        <>
          <h2 safe>{t(lang, m.enrolOne)}</h2>
          <form method="post" action={`${URLS.classOf(v.cls.id)}/ghi-danh`} novalidate>
            <CsrfField req={req} />
            <Field id="fullName" label={t(lang, m.fullName)} value={s(typed.fullName)} error={errorOf(lang, errors, 'fullName')} required />
            <Field id="birthDate" type="date" label={t(lang, m.birthDate)} value={s(typed.birthDate)} error={errorOf(lang, errors, 'birthDate')} required />
            <Field id="agencyCode" label={t(lang, m.agency)} value={s(typed.agencyCode)} hint="000.04.51.H26" error={errorOf(lang, errors, 'agencyCode')} required />
            <Field id="position" label={t(lang, m.position)} value={s(typed.position)} error={errorOf(lang, errors, 'position')} />
            <button type="submit" safe>
              {t(lang, m.enrol)}
            </button>
          </form>
          <h2 safe>{t(lang, m.enrolCsv)}</h2>
          <form method="post" action={`${URLS.classOf(v.cls.id)}/ghi-danh-csv`} enctype="multipart/form-data">
            <CsrfField req={req} />
            <div class="field">
              <label for="csv" safe>
                {t(lang, m.csvFile)}
              </label>
              <p class="hint" id="csv-hint" safe>
                {t(lang, m.csvHint)}
              </p>
              <input type="file" id="csv" name="files.csv" accept=".csv,text/csv" aria-describedby="csv-hint" />
            </div>
            <button type="submit" safe>
              {t(lang, m.enrol)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
