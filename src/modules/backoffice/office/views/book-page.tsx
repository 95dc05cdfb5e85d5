// /mot-cua/so-theo-doi: choose a period and a format for the tracking book (Form 06); says how many dossiers the
// period has and whether the book will hold them all.
import type { FastifyRequest } from 'fastify';
import { attrValue, ErrorSummary, Field, Page } from '../../../../platform/web/layout.tsx';
import { t } from '../../../../platform/web/i18n.ts';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { BOOK_MAX_ROWS } from '../book.ts';
import { bookPage as m, casePage as cm } from '../messages.ts';

const fmt = new Intl.NumberFormat('vi-VN');

export function BookPage(p: { req: FastifyRequest; from: string; to: string; format: string; count?: number | undefined; cutHref?: string | undefined; errors?: FieldError[] }): JSX.Element {
  const { req, from, to, format, count, errors = [] } = p;
  const lang = req.lang;
  const err = (f: string): string | undefined => {
    const e = errors.find((x) => x.field === f);
    return e ? t(lang, e.message) : undefined;
  };
  return (
    <Page req={req} title={m.title} narrow>
      <p>
        <a class="back-link" href="/mot-cua" safe>
          {t(lang, cm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.lead, { agency: req.user?.agencyName ?? '' })}</p>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {count !== undefined ? (
        <div class="notice" role="status">
          <p safe>{t(lang, m.count, { n: fmt.format(count) })}</p>
          {count > BOOK_MAX_ROWS ? (
            <p>
              <strong safe>{t(lang, m.cut, { max: fmt.format(BOOK_MAX_ROWS) })}</strong>
            </p>
          ) : (
            ''
          )}
          {count > BOOK_MAX_ROWS && p.cutHref ? (
            <p>
              <a href={attrValue(p.cutHref)} safe>
                {t(lang, m.downloadFirst, { max: fmt.format(BOOK_MAX_ROWS), format: format.toUpperCase() })}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <form method="get" action="/mot-cua/so-theo-doi" novalidate>
        <Field id="from" label={t(lang, m.from)} type="date" value={from} error={err('from')} required />
        <Field id="to" label={t(lang, m.to)} type="date" value={to} error={err('to')} required />
        <fieldset>
          <legend safe>{t(lang, m.format)}</legend>
          {(['pdf', 'xlsx'] as const).map((f) => (
            <div class="choice">
              <input type="radio" id={`format-${f}`} name="format" value={f} checked={format === f} />
              <label for={`format-${f}`} safe>
                {t(lang, m[f])}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" safe>
          {t(lang, m.download)}
        </button>
      </form>
    </Page>
  );
}
