// Small helpers shared by the account forms: field errors in the page's language, and the usual form frame.
import type { FastifyRequest } from 'fastify';
import type { Children } from '@kitajs/html';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, type FormError } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';

export type Errors = FieldError[];

export function formErrors(lang: Lang, errors: Errors): FormError[] {
  return errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));
}

/** The error of one field in the page's language, for `<Field error=…>`. */
export function errorFor(lang: Lang, errors: Errors, field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? t(lang, e.message) : undefined;
}

export function Form({ req, action, errors, children }: { req: FastifyRequest; action: string; errors?: Errors; children: Children }): JSX.Element {
  return (
    <>
      <ErrorSummary lang={req.lang} errors={formErrors(req.lang, errors ?? [])} />
      <form method="post" action={action} novalidate>
        <CsrfField req={req} />
        {children}
      </form>
    </>
  );
}

export function Notice({ text, success }: { text: string | undefined; success?: boolean }): JSX.Element {
  if (!text) return <></>;
  return (
    <div class={success ? 'notice success' : 'notice'} role="status">
      <p safe>{text}</p>
    </div>
  );
}
