// /quan-tri/tu-dong-nghia: the synonym list with a remove button per row, and a form to add one.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { synonymsPage as m } from '../admin-messages.ts';
import type { Synonym } from '../synonyms-repo.ts';

export type SynonymsSaved = keyof typeof m.saved;

export interface SynonymsState {
  synonyms: Synonym[];
  values: { term: string; expansion: string };
  errors: FieldError[];
  saved?: SynonymsSaved | undefined;
}

function searchHref(term: string): string {
  return `/thu-tuc?q=${encodeURIComponent(term)}`;
}

export function SynonymsPage({ req, state }: { req: FastifyRequest; state: SynonymsState }): JSX.Element {
  const lang = req.lang;
  const errorOf = (f: string): string | undefined => {
    const e = state.errors.find((x) => x.field === f);
    return e ? t(lang, e.message) : undefined;
  };
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p class="lead" safe>
        {t(lang, m.lead)}
      </p>
      {state.saved ? (
        <p class="notice success" role="status" safe>
          {t(lang, m.saved[state.saved])}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={state.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      <section aria-labelledby="add-heading">
        <h2 id="add-heading" safe>
          {t(lang, m.addHeading)}
        </h2>
        <form method="post" action="/quan-tri/tu-dong-nghia" novalidate>
          <CsrfField req={req} />
          <Field id="term" label={t(lang, m.termLabel)} hint={t(lang, m.termHint)} value={state.values.term} error={errorOf('term')} required />
          <Field
            id="expansion"
            label={t(lang, m.expansionLabel)}
            hint={t(lang, m.expansionHint)}
            value={state.values.expansion}
            error={errorOf('expansion')}
            required
          />
          <button type="submit" safe>
            {t(lang, m.addButton)}
          </button>
        </form>
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" safe>
          {t(lang, m.listCaption, { n: state.synonyms.length })}
        </h2>
        {state.synonyms.length === 0 ? (
          <p safe>{t(lang, m.empty)}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(lang, m.colTerm)}
                </th>
                <th scope="col" safe>
                  {t(lang, m.colExpansion)}
                </th>
                <th scope="col" safe>
                  {t(lang, m.colBy)}
                </th>
                <th scope="col" safe>
                  {t(lang, m.colAction)}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.synonyms.map((s) => (
                <tr>
                  <td>
                    <a href={searchHref(s.term)} lang="vi" title={t(lang, m.tryIt)} safe>
                      {s.term}
                    </a>
                  </td>
                  <td lang="vi" safe>
                    {s.expansion}
                  </td>
                  <td safe>{s.createdBy ?? t(lang, m.seeded)}</td>
                  <td>
                    <form method="post" action={`/quan-tri/tu-dong-nghia/${s.id}/xoa`} class="inline-form">
                      <CsrfField req={req} />
                      <button type="submit" class="secondary" aria-label={t(lang, m.removeLabel, { term: s.term })} safe>
                        {t(lang, m.remove)}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
