import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t, type Text } from '../../../platform/web/i18n.ts';
import { portal as m } from '../messages.ts';

export function HomePage({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  const cards: [string, Text, Text][] = [
    ['/thu-tuc', m.cardProcedures, m.cardProceduresText],
    ['/tra-cuu-ho-so', m.cardLookup, m.cardLookupText],
    ['/tuyen-sinh', m.cardAdmission, m.cardAdmissionText],
    ['/don-vi-hanh-chinh', m.cardUnits, m.cardUnitsText],
    ['/lich-lam-viec', m.cardCalendar, m.cardCalendarText],
    ['/cong-khai', m.cardPublic, m.cardPublicText],
    ['/dang-ky', m.cardAccount, m.cardAccountText],
    ['/api/docs', m.cardApi, m.cardApiText],
  ];
  return (
    <Page req={req} title={m.homeTitle}>
      <section class="hero">
        <h1 safe>{t(lang, m.heroTitle)}</h1>
        <p class="lead" safe>
          {t(lang, m.heroLead)}
        </p>
      </section>
      <form method="get" action="/thu-tuc" class="home-search" role="search">
        <label for="home-q" safe>
          {t(lang, m.searchLabel)}
        </label>
        <p class="hint" id="home-q-hint" safe>
          {t(lang, m.searchHint)}
        </p>
        <input id="home-q" name="q" type="search" aria-describedby="home-q-hint" />
        <button type="submit" safe>
          {t(lang, m.searchButton)}
        </button>
      </form>
      <h2 safe>{t(lang, m.servicesTitle)}</h2>
      <ul class="cards">
        {cards.map(([href, title, text]) => (
          <li class="card">
            <h3>
              <a href={href} safe>
                {t(lang, title)}
              </a>
            </h3>
            <p safe>{t(lang, text)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
