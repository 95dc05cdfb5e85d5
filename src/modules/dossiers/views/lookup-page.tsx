// /tra-cuu-ho-so?ma=&so=: anyone may look a code up, without signing in, and learn its state, procedure, receiving
// agency and due date, nothing personal (DOMAIN §4), if they also give the last 4 digits of the applicant's phone
// (read.ts lookupStatus).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { lookupPage as m, receiptPage as rm } from '../messages-pages.ts';
import { formatIsoDate } from '../format.ts';
import type { PublicStatus } from '../read.ts';
import { Fact, StatusText, Vi } from './parts.tsx';

export interface LookupPageProps {
  req: FastifyRequest;
  query: string;
  /** The last 4 digits typed. */
  last4?: string | undefined;
  found?: PublicStatus | undefined;
  /** Set when a query was made: why nothing is shown. */
  error?: 'not_found' | 'malformed' | undefined;
}

export function LookupPage({ req, query, last4 = '', found, error }: LookupPageProps): JSX.Element {
  const lang = req.lang;
  const message = error === 'malformed' ? t(lang, m.malformed) : error === 'not_found' ? t(lang, m.notFound, { code: query }) : undefined;
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.intro)}</p>
      <form method="get" action="/tra-cuu-ho-so">
        <div class={message ? 'field field-error' : 'field'}>
          <label for="ma" safe>
            {t(lang, m.label)}
          </label>
          <p class="hint" id="ma-hint" safe>
            {t(lang, m.hint)}
          </p>
          {message ? (
            <p class="error-message" id="ma-error" safe>
              {message}
            </p>
          ) : (
            ''
          )}
          <input
            id="ma"
            name="ma"
            type="text"
            value={query}
            spellcheck="false"
            autocomplete="off"
            aria-describedby={message ? 'ma-hint ma-error' : 'ma-hint'}
            aria-invalid={message ? 'true' : undefined}
          />
        </div>
        <div class={error === 'not_found' ? 'field field-error' : 'field'}>
          <label for="so" safe>
            {t(lang, m.digitsLabel)}
          </label>
          <p class="hint" id="so-hint" safe>
            {t(lang, m.digitsHint)}
          </p>
          <input
            id="so"
            name="so"
            type="text"
            inputmode="numeric"
            pattern="[0-9]{4}"
            maxlength="4"
            class="input-short"
            value={last4}
            autocomplete="off"
            required
            aria-describedby={error === 'not_found' ? 'so-hint ma-error' : 'so-hint'}
            aria-invalid={error === 'not_found' ? 'true' : undefined}
          />
        </div>
        <button type="submit" safe>
          {t(lang, m.button)}
        </button>
      </form>
      {found ? (
        <section aria-labelledby="result">
          <h2 id="result" safe>
            {t(lang, m.result)}
          </h2>
          <dl class="facts">
            <Fact label={t(lang, rm.code)}>
              <code safe>{found.code}</code>
            </Fact>
            <Fact label={t(lang, rm.status)}>
              <StatusText lang={lang} status={found.status} />
            </Fact>
            <Fact label={t(lang, rm.procedure)}>
              <Vi lang={lang} text={found.procedure.name} />
            </Fact>
            {found.agency ? (
              <Fact label={t(lang, rm.agency)}>
                <Vi lang={lang} text={found.agency.name} />
              </Fact>
            ) : (
              ''
            )}
            <Fact label={t(lang, rm.due)}>
              <span safe>{found.dueDate ? formatIsoDate(lang, found.dueDate) : t(lang, rm.dueUnknown)}</span>
            </Fact>
          </dl>
          <p class="hint" safe>
            {t(lang, m.signInForMore)}
          </p>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
