// The form on an officer's dossier page that records fees collected at the counter or found on the bank statement
// (office/fees.ts); shown only to a one-stop officer of the receiving agency while the fees are unpaid.
import type { FastifyRequest } from 'fastify';
import { CsrfField, Field, SelectField } from '../../../../platform/web/layout.tsx';
import { t } from '../../../../platform/web/i18n.ts';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { formatDong } from '../../../dossiers/index.ts';
import { feeForm as m } from '../messages.ts';
import type { OfficerCase } from '../service.ts';

/** A refused post of the form: the errors beside the fields, what was typed. */
export interface FeeFailed {
  errors: FieldError[];
  typed: { method: string; reference: string };
}

/** Input ids (and names) of the form; the error summary links to them. */
export const FEE_FIELDS = { method: 'fee-method', reference: 'fee-reference' } as const;

export function FeeForm({ req, oc, failed }: { req: FastifyRequest; oc: OfficerCase; failed?: FeeFailed | undefined }): JSX.Element {
  if (!oc.collectFees) return <></>;
  const lang = req.lang;
  const err = (field: string): string | undefined => {
    const e = failed?.errors.find((x) => x.field === field);
    return e ? t(lang, e.message) : undefined;
  };
  const c = oc.view.case;
  return (
    <section class="action" aria-labelledby="fee-collect">
      <h3 id="fee-collect" tabindex="-1" safe>
        {t(lang, m.title)}
      </h3>
      <p safe>{t(lang, m.amount, { amount: formatDong(lang, c.feeTotalDong) })}</p>
      <p class="hint" safe>
        {t(lang, m.lead)}
      </p>
      <form method="post" action={`/mot-cua/ho-so/${encodeURIComponent(c.code)}/thu-phi`} novalidate>
        <CsrfField req={req} />
        <SelectField
          id={FEE_FIELDS.method}
          label={t(lang, m.method)}
          value={failed?.typed.method}
          error={err('method')}
          options={[
            { value: '', label: t(lang, m.methodChoose) },
            { value: 'counter', label: t(lang, m.counter) },
            { value: 'vietqr', label: t(lang, m.vietqr) },
          ]}
        />
        <Field id={FEE_FIELDS.reference} label={t(lang, m.reference)} hint={t(lang, m.referenceHint)} value={failed?.typed.reference} error={err('reference')} autocomplete="off" />
        <p>
          <button type="submit" safe>
            {t(lang, m.submit)}
          </button>
        </p>
      </form>
    </section>
  );
}
