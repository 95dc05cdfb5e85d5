// The e-licence with the QR code of its public verification address (the random token, not the number): the
// officer's page /quan-ly/gplx/:number/dien-tu, and the card the applicant sees on their renewal dossier's page.
import type { FastifyRequest } from 'fastify';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';
import type { LicenceView } from '../record.ts';
import type { LicenceRow } from '../repo.ts';
import { VALIDITY_LABELS, type Validity } from '../validity.ts';
import { classText, day, URLS } from './parts.tsx';

export interface ELicenceCardProps {
  lang: Lang;
  licence: LicenceRow;
  validity: Validity;
  verifyUrl: string;
  qrDataUrl: string;
}

export function ELicenceCard({ lang, licence: l, validity, verifyUrl, qrDataUrl }: ELicenceCardProps): JSX.Element {
  return (
    <>
      <dl class="summary">
        <dt safe>{t(lang, m.number)}</dt>
        <dd safe>{l.number}</dd>
        <dt safe>{t(lang, m.fullName)}</dt>
        <dd safe>{l.full_name}</dd>
        <dt safe>{t(lang, m.birthDate)}</dt>
        <dd safe>{day(l.birth_date, lang)}</dd>
        <dt safe>{t(lang, m.licenceClass)}</dt>
        <dd safe>{classText(l.licence_class, l.old, lang)}</dd>
        <dt safe>{t(lang, m.issuedOn)}</dt>
        <dd safe>{day(l.issued_on, lang)}</dd>
        <dt safe>{t(lang, m.expiresOn)}</dt>
        <dd safe>{day(l.expires_on, lang)}</dd>
        {l.restriction ? (
          <>
            <dt safe>{t(lang, m.restriction)}</dt>
            <dd safe>{l.restriction}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t(lang, m.validity)}</dt>
        <dd safe>{t(lang, VALIDITY_LABELS[validity])}</dd>
      </dl>
      <figure>
        <img src={qrDataUrl} alt={t(lang, m.qrAlt, { url: verifyUrl })} width="200" height="200" />
        <figcaption>
          <span safe>{t(lang, m.qrHint)}</span> <a href={verifyUrl}>
            <code safe>{verifyUrl}</code>
          </a>
        </figcaption>
      </figure>
    </>
  );
}

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
      <ELicenceCard lang={lang} licence={l} validity={v.validity} verifyUrl={verifyUrl} qrDataUrl={qrDataUrl} />
    </Page>
  );
}
