// /quan-ly/gplx/:number/dien-tu: the e-licence as the officer issues it, with the QR code of its public verification
// address (the random token, not the number), made by the same encoder as the payments' VietQR images.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { LicenceView } from '../record.ts';
import { VALIDITY_LABELS } from '../validity.ts';
import { classText, day, URLS } from './parts.tsx';

export function ELicencePage({ req, v, verifyUrl, qrDataUrl }: { req: FastifyRequest; v: LicenceView; verifyUrl: string; qrDataUrl: string }): JSX.Element {
  const lang = req.lang;
  const l = v.licence;
  return (
    <Page req={req} title={`${t(lang, m.eLicence)} ${l.number}`} narrow>
      <p>
        <a href={URLS.licence(l.number)} safe>
          {l.number}
        </a>
      </p>
      <h1 safe>{t(lang, m.eLicence)}</h1>
      <dl class="summary">
        <dt safe>{t(lang, m.number)}</dt>
        <dd safe>{l.number}</dd>
        <dt safe>{t(lang, m.fullName)}</dt>
        <dd safe>{l.full_name}</dd>
        <dt safe>{t(lang, m.birthDate)}</dt>
        <dd safe>{day(l.birth_date, lang)}</dd>
        <dt safe>{t(lang, m.licenceClass)}</dt>
        <dd safe>{classText(l.licence_class, l.old, lang)}</dd>
        <dt safe>{t(lang, m.expiresOn)}</dt>
        <dd safe>{day(l.expires_on, lang)}</dd>
        <dt safe>{t(lang, m.validity)}</dt>
        <dd safe>{t(lang, VALIDITY_LABELS[v.validity])}</dd>
      </dl>
      <figure>
        <img src={qrDataUrl} alt={t(lang, m.qrAlt, { url: verifyUrl })} width="200" height="200" />
        <figcaption>
          <span safe>{t(lang, m.qrHint)}</span> <a href={verifyUrl}>
            <code safe>{verifyUrl}</code>
          </a>
        </figcaption>
      </figure>
    </Page>
  );
}
