// /dao-tao-cntt/lop/:id/ket-qua: the exam results of a class as a grid (trainee × module, theory and practical). Each
// submission is a new sitting; refused values are named beside their cells and shown again as typed.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { attrValue, CardsTable, CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { cellName } from '../exams.ts';
import { m } from '../messages.ts';
import type { ClassView } from './class.tsx';
import { asFormErrors, errorOf, Notice, TrainingNav, URLS } from './parts.tsx';

export function GridPage(p: { req: FastifyRequest; v: ClassView; typed?: Record<string, string>; errors?: FieldError[]; notice?: string }): JSX.Element {
  const { req, v } = p;
  const lang = req.lang;
  const typed = p.typed ?? {};
  const errors = p.errors ?? [];
  const cell = (part: 'theory' | 'practical', id: number, mod: string, name: string) => {
    const field = cellName(part, id, mod);
    const err = errorOf(lang, errors, field);
    return (
      <div class={err ? 'field-error' : ''}>
        <label for={field} class="visually-hidden" safe>{`${name}, ${mod}, ${t(lang, part === 'theory' ? m.theory : m.practical)}`}</label>
        <input id={field} name={field} size="4" inputmode="decimal" value={attrValue(typed[field] ?? '')} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${field}-error` : undefined} />
        {err ? (
          <p class="error-message" id={`${field}-error`} safe>
            {err}
          </p>
        ) : (
          ''
        )}
      </div>
    );
  };
  return (
    <Page req={req} title={`${t(lang, m.enterResults)} — ${v.cls.name}`}>
      <h1 safe>{`${t(lang, m.enterResults)} — ${v.cls.name}`}</h1>
      <TrainingNav req={req} />
      <p>
        <a href={URLS.classOf(v.cls.id)} safe>
          {v.cls.name}
        </a>
      </p>
      <Notice text={p.notice} />
      <ErrorSummary lang={lang} errors={asFormErrors(lang, errors)} />
      <form method="post" action={URLS.gridOf(v.cls.id)} novalidate>
        <CsrfField req={req} />
        <Field id="examDate" type="date" label={t(lang, m.examDate)} value={typed.examDate ?? ''} error={errorOf(lang, errors, 'examDate')} required />
        <Field id="board" label={t(lang, m.board)} value={typed.board ?? ''} error={errorOf(lang, errors, 'board')} />
        <CardsTable
          caption={`${t(lang, m.results)}: ${t(lang, m.theory)} / ${t(lang, m.practical)} (0–10)`}
          heads={[t(lang, m.fullName), ...v.course.modules]}
          rows={v.trainees}
          cells={(tr) => [
            { text: tr.full_name, header: true },
            ...v.course.modules.map((mod) => ({
              html: (
                <>
                  {cell('theory', tr.id, mod, tr.full_name)}
                  {cell('practical', tr.id, mod, tr.full_name)}
                </>
              ),
            })),
          ]}
        />
        <button type="submit" safe>
          {t(lang, m.save)}
        </button>
      </form>
    </Page>
  );
}
