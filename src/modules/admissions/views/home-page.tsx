// /tuyen-sinh: the rounds open now and upcoming with their exact times, and the form to start (code + child's ID).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { LEVEL_LABELS, page as m } from '../messages.ts';
import type { Round } from '../repo.ts';
import type { WindowState } from '../rules.ts';
import { CredentialFields, ExactTime, formErrors, type CredentialValues } from './parts.tsx';

export interface HomeState {
  rounds: (Round & { window: WindowState })[];
  values: CredentialValues;
  errors: FieldError[];
}

export function HomePage({ req, state }: { req: FastifyRequest; state: HomeState }): JSX.Element {
  const lang = req.lang;
  const shown = state.rounds.filter((r) => r.window !== 'closed');
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p class="lead" safe>
        {t(lang, m.lead)}
      </p>
      <ErrorSummary lang={lang} errors={formErrors(lang, state.errors)} />
      <h2 safe>{t(lang, m.roundsHeading)}</h2>
      <p class="hint" safe>
        {t(lang, m.times)}
      </p>
      {shown.length === 0 ? (
        <p safe>{t(lang, m.noRounds)}</p>
      ) : (
        <ul class="cards">
          {shown.map((r) => (
            <li class="card">
              <h3 safe>{lang === 'en' ? r.nameEn : r.name}</h3>
              <dl class="facts">
                <dt safe>{t(lang, m.colState)}</dt>
                <dd>
                  <strong safe>{t(lang, r.window === 'open' ? m.open : m.upcoming)}</strong>
                  <span safe>{` · ${t(lang, LEVEL_LABELS[r.level])}`}</span>
                </dd>
                <dt safe>{t(lang, m.colOpens)}</dt>
                <dd>
                  <ExactTime at={r.opensAt} />
                </dd>
                <dt safe>{t(lang, m.colCloses)}</dt>
                <dd>
                  <ExactTime at={r.closesAt} />
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <h2 safe>{t(lang, m.formHeading)}</h2>
      <form method="post" action="/tuyen-sinh/chon-truong" novalidate>
        <CsrfField req={req} />
        <CredentialFields lang={lang} values={state.values} errors={state.errors} />
        <button type="submit" safe>
          {t(lang, m.next)}
        </button>
      </form>
      <p>
        <a href="/tuyen-sinh/ho-so" safe>
          {t(lang, m.viewLink)}
        </a>
      </p>
    </Page>
  );
}
