// /quan-ly/gplx: the licence officer's look-up by number and the CSV import, with a refused file's lines shown back.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import type { LineError } from '../import.ts';
import { m } from '../messages.ts';
import { Notice, URLS } from './parts.tsx';

export interface HomeProps {
  req: FastifyRequest;
  typed?: string;
  numberError?: string | undefined;
  notice?: string | undefined;
  lineErrors?: LineError[];
}

export function HomePage({ req, typed, numberError, notice, lineErrors }: HomeProps): JSX.Element {
  const lang = req.lang;
  const errors = [...(numberError ? [{ field: 'so', message: numberError }] : []), ...(lineErrors && lineErrors.length > 0 ? [{ field: 'csv', message: t(lang, m.importRefused) }] : [])];
  return (
    <Page req={req} title={m.home} narrow>
      <h1 safe>{t(lang, m.home)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <Notice text={notice} success />
      <section aria-labelledby="tra-cuu">
        <h2 id="tra-cuu" safe>
          {t(lang, m.find)}
        </h2>
        <form method="get" action={URLS.home} role="search">
          <Field id="so" label={t(lang, m.number)} value={typed ?? ''} hint={t(lang, m.numberHint)} error={numberError} inputmode="numeric" autocomplete="off" required />
          <button type="submit" safe>
            {t(lang, m.search)}
          </button>
        </form>
      </section>
      <section aria-labelledby="nhap">
        <h2 id="nhap" safe>
          {t(lang, m.importTitle)}
        </h2>
        {lineErrors && lineErrors.length > 0 ? (
          <CardsTable
            caption={t(lang, m.importRefused)}
            heads={[t(lang, m.line), t(lang, m.reason)]}
            rows={lineErrors}
            cells={(e) => [{ text: e.line === 0 ? '—' : String(e.line), header: true }, t(lang, e.message)]}
          />
        ) : (
          ''
        )}
        <form method="post" action={URLS.import} enctype="multipart/form-data">
          <CsrfField req={req} />
          <div class={lineErrors && lineErrors.length > 0 ? 'field field-error' : 'field'}>
            <label for="csv" safe>
              {t(lang, m.csvFile)}
            </label>
            <p class="hint" id="csv-hint" safe>
              {t(lang, m.csvHint)}
            </p>
            <input id="csv" name="files.csv" type="file" accept=".csv,text/csv" aria-describedby="csv-hint" required />
          </div>
          <button type="submit" safe>
            {t(lang, m.import)}
          </button>
        </form>
      </section>
    </Page>
  );
}
