// /don-vi-hanh-chinh/tra-cuu-cu: a former (pre-2025) unit by name or code → today's unit(s).
import type { FastifyRequest } from 'fastify';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { mergeTypeLabels, units as m } from '../messages.ts';
import type { FormerUnit } from '../schema.ts';
import { UnitLink, ViName } from './parts.tsx';

export interface OldLookupState {
  q: string;
  error?: string | undefined;
  results: FormerUnit[] | undefined;
}

export function OldLookupPage({ req, state }: { req: FastifyRequest; state: OldLookupState }): JSX.Element {
  const lang = req.lang;
  const results = state.results;
  return (
    <Page req={req} title={m.oldTitle}>
      <p>
        <a href="/don-vi-hanh-chinh" safe>
          {t(lang, m.backToList)}
        </a>
      </p>
      <h1 safe>{t(lang, m.oldTitle)}</h1>
      <p class="lead" safe>
        {t(lang, m.oldLead)}
      </p>
      <ErrorSummary lang={lang} errors={state.error ? [{ field: 'q', message: state.error }] : []} />
      <form method="get" action="/don-vi-hanh-chinh/tra-cuu-cu" role="search">
        <Field id="q" label={t(lang, m.oldLabel)} hint={t(lang, m.oldHint)} value={state.q} error={state.error} type="search" />
        <button type="submit" safe>
          {t(lang, m.searchButton)}
        </button>
      </form>
      {results === undefined ? (
        ''
      ) : (
        <section aria-labelledby="old-results">
          <h2 id="old-results" safe>
            {t(lang, m.oldResultsFor, { n: results.length, q: state.q })}
          </h2>
          {results.length === 0 ? (
            <p class="notice" safe>
              {t(lang, m.oldNoResults)}
            </p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t(lang, m.oldUnit)}
                  </th>
                  <th scope="col" safe>
                    {t(lang, m.formerDistrict)}
                  </th>
                  <th scope="col" safe>
                    {t(lang, m.oldCode)}
                  </th>
                  <th scope="col" safe>
                    {t(lang, m.newUnit)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr>
                    <td>
                      <ViName lang={lang} text={r.oldName} />
                    </td>
                    <td>
                      <ViName lang={lang} text={[r.oldDistrictName, r.oldProvinceName].filter(Boolean).join(', ')} />
                    </td>
                    <td>
                      <code safe>{r.oldCode}</code>
                    </td>
                    <td>
                      <ul>
                        {r.successors.map((s) => (
                          <li>
                            <UnitLink lang={lang} unit={s} />
                            {' — '}
                            <span safe>{t(lang, mergeTypeLabels[s.mergeType])}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Page>
  );
}
