// The section of the applicant's dossier page (/ho-so-cua-toi/:code) showing the e-licence the renewal issued.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { r } from '../renewal-messages.ts';
import { ELicenceCard, type ELicenceCardProps } from './elicence.tsx';

export function ELicenceSection(p: ELicenceCardProps): JSX.Element {
  const lang: Lang = p.lang;
  return (
    <section aria-labelledby="giay-phep-moi">
      <h2 id="giay-phep-moi" safe>
        {t(lang, r.eLicence)}
      </h2>
      <p safe>{t(lang, r.eLicenceIntro)}</p>
      <ELicenceCard {...p} />
    </section>
  );
}
