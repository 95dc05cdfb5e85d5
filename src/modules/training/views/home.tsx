// /dao-tao-cntt (courses, and a form for a new one) and /dao-tao-cntt/lop (classes, and a form for a new one).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import { SKILL_MODULES } from '../modules.ts';
import type { ClassRow, CourseRow } from '../repo.ts';
import { asFormErrors, day, errorOf, levelLabel, Notice, stateLabel, TrainingNav, URLS } from './parts.tsx';

type Typed = Record<string, unknown>;
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function CoursesPage({ req, courses, typed = {}, errors = [], notice }: { req: FastifyRequest; courses: CourseRow[]; typed?: Typed; errors?: FieldError[]; notice?: string }): JSX.Element {
  const lang = req.lang;
  const chosen = Array.isArray(typed.modules) ? typed.modules : typeof typed.modules === 'string' ? [typed.modules] : [];
  const modErr = errorOf(lang, errors, 'modules');
  return (
    <Page req={req} title={m.courses}>
      <h1 safe>{t(lang, m.courses)}</h1>
      <TrainingNav req={req} />
      <Notice text={notice} />
      <ErrorSummary lang={lang} errors={asFormErrors(lang, errors)} />
      {courses.length === 0 ? (
        <p safe>{t(lang, m.noRows)}</p>
      ) : (
        <CardsTable
          heads={[m.name, m.level, m.modules, m.hours].map((h) => t(lang, h))}
          caption={t(lang, m.courses)}
          rows={courses}
          cells={(c) => [{ header: true, text: c.name }, t(lang, levelLabel[c.level] ?? m.basic), c.modules.join(', '), { text: String(c.hours), class: 'num' }]}
        />
      )}
      <h2 safe>{t(lang, m.newCourse)}</h2>
      <form method="post" action={URLS.home} novalidate>
        <CsrfField req={req} />
        <Field id="name" label={t(lang, m.name)} value={s(typed.name)} error={errorOf(lang, errors, 'name')} required />
        <SelectField id="level" label={t(lang, m.level)} value={s(typed.level)} error={errorOf(lang, errors, 'level')} options={[{ value: 'basic', label: t(lang, m.basic) }, { value: 'advanced', label: t(lang, m.advanced) }]} />
        <fieldset id="modules" class={modErr ? 'field field-error' : 'field'}>
          <legend safe>{t(lang, m.modules)}</legend>
          {modErr ? (
            <p class="error-message" safe>
              {modErr}
            </p>
          ) : (
            ''
          )}
          {SKILL_MODULES.map((mod) => (
            <div class="checkbox">
              <input type="checkbox" id={`mod-${mod.code}`} name="modules" value={mod.code} checked={chosen.includes(mod.code)} />
              <label for={`mod-${mod.code}`} safe>
                {`${mod.code} — ${lang === 'vi' ? mod.vi : mod.en} (${t(lang, levelLabel[mod.level] ?? m.basic)})`}
              </label>
            </div>
          ))}
        </fieldset>
        <Field id="hours" label={t(lang, m.hours)} value={s(typed.hours)} inputmode="numeric" error={errorOf(lang, errors, 'hours')} required />
        <button type="submit" safe>
          {t(lang, m.newCourse)}
        </button>
      </form>
    </Page>
  );
}

export function ClassesPage(p: { req: FastifyRequest; classes: (ClassRow & { enrolled: number })[]; courses: CourseRow[]; typed?: Typed; errors?: FieldError[] }): JSX.Element {
  const { req } = p;
  const lang = req.lang;
  const typed = p.typed ?? {};
  const errors = p.errors ?? [];
  const courseName = new Map(p.courses.map((c) => [c.id, c.name]));
  return (
    <Page req={req} title={m.classes}>
      <h1 safe>{t(lang, m.classes)}</h1>
      <TrainingNav req={req} />
      <ErrorSummary lang={lang} errors={asFormErrors(lang, errors)} />
      {p.classes.length === 0 ? (
        <p safe>{t(lang, m.noRows)}</p>
      ) : (
        <CardsTable
          heads={[m.name, m.course, m.startsOn, m.endsOn, m.state, m.enrolled].map((h) => t(lang, h))}
          caption={t(lang, m.classes)}
          rows={p.classes}
          cells={(c) => [
            {
              header: true,
              html: (
                <a href={URLS.classOf(c.id)} safe>
                  {c.name}
                </a>
              ),
            },
            courseName.get(c.course_id) ?? '',
            day(c.starts_on),
            day(c.ends_on),
            t(lang, stateLabel[c.state] ?? m.planned),
            { text: `${c.enrolled}/${c.capacity}`, class: 'num' },
          ]}
        />
      )}
      <h2 safe>{t(lang, m.newClass)}</h2>
      <form method="post" action={URLS.classes} novalidate>
        <CsrfField req={req} />
        <SelectField id="courseId" label={t(lang, m.course)} value={s(typed.courseId)} error={errorOf(lang, errors, 'courseId')} options={p.courses.map((c) => ({ value: String(c.id), label: c.name }))} />
        <Field id="name" label={t(lang, m.name)} value={s(typed.name)} error={errorOf(lang, errors, 'name')} required />
        <Field id="startsOn" type="date" label={t(lang, m.startsOn)} value={s(typed.startsOn)} error={errorOf(lang, errors, 'startsOn')} required />
        <Field id="endsOn" type="date" label={t(lang, m.endsOn)} value={s(typed.endsOn)} error={errorOf(lang, errors, 'endsOn')} required />
        <Field id="place" label={t(lang, m.place)} value={s(typed.place)} error={errorOf(lang, errors, 'place')} />
        <Field id="capacity" label={t(lang, m.capacity)} value={s(typed.capacity)} inputmode="numeric" error={errorOf(lang, errors, 'capacity')} required />
        <Field id="trainer" label={t(lang, m.trainer)} value={s(typed.trainer)} error={errorOf(lang, errors, 'trainer')} />
        <button type="submit" safe>
          {t(lang, m.newClass)}
        </button>
      </form>
    </Page>
  );
}
