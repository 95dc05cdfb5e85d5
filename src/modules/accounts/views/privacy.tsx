// /chinh-sach-bao-mat: the privacy notice in force, with its version (messages-privacy.ts).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDate, t } from '../../../platform/web/i18n.ts';
import { PRIVACY_NOTICE as n } from '../messages-privacy.ts';

export function PrivacyPage({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={n.title}>
      <h1 safe>{t(lang, n.title)}</h1>
      <p class="muted" id="notice-version" safe>
        {t(lang, n.versionLine, { version: n.version, date: formatDate(lang, new Date(`${n.effective}T00:00:00+07:00`)) })}
      </p>
      <p class="lead" safe>
        {t(lang, n.intro)}
      </p>
      {n.sections.map((s) => (
        <section aria-labelledby={`privacy-${s.id}`}>
          <h2 id={`privacy-${s.id}`} safe>
            {t(lang, s.heading)}
          </h2>
          {(s.paragraphs ?? []).map((p) => (
            <p safe>{t(lang, p)}</p>
          ))}
          {s.items ? (
            <ul>
              {s.items.map((i) => (
                <li safe>{t(lang, i)}</li>
              ))}
            </ul>
          ) : (
            ''
          )}
        </section>
      ))}
    </Page>
  );
}
