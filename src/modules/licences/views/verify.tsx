// /xac-minh-gplx/:token (public, from the e-licence's QR code): only the validity and the class, and the number's
// last 4 digits; an unknown token is a plain 404 page.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { PublicLicence } from '../verify.ts';
import { VALIDITY_LABELS } from '../validity.ts';
import { classText, day } from './parts.tsx';

export function VerifyPage({ req, result }: { req: FastifyRequest; result: PublicLicence | undefined }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.verifyTitle} narrow>
      <h1 safe>{t(lang, m.verifyTitle)}</h1>
      {result ? (
        <section class={result.validity === 'valid' ? 'notice success' : 'notice'} aria-labelledby="hieu-luc">
          <h2 id="hieu-luc" safe>
            {t(lang, VALIDITY_LABELS[result.validity])}
          </h2>
          <dl class="summary">
            <dt safe>{t(lang, m.licenceClass)}</dt>
            <dd safe>{classText(result.licenceClass, result.old, lang)}</dd>
            <dt safe>{t(lang, m.expiresOn)}</dt>
            <dd safe>{day(result.expiresOn, lang)}</dd>
            <dt safe>{t(lang, m.verifyNumber)}</dt>
            <dd safe>{`•••• •••• ${result.last4}`}</dd>
          </dl>
          <p safe>{t(lang, m.checkedOn, { d: day(result.checkedOn, lang) })}</p>
        </section>
      ) : (
        <p class="notice" role="status" safe>
          {t(lang, m.verifyNotFound)}
        </p>
      )}
    </Page>
  );
}
