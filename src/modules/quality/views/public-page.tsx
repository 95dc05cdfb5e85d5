// /cong-khai/co-quan/:agencyCode: the public transparency page of one agency (no sign-in). Aggregate figures only:
// counts, shares, times, satisfaction and the charts with their tables; nothing about any person or dossier.
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { agencyName, periodText } from '../format.ts';
import { q } from '../messages.ts';
import type { PublicFigures } from '../service.ts';
import { FigureCards, QualityCharts } from './parts.tsx';
import { PUBLIC_INDEX } from './public-index.tsx';

export function PublicAgencyPage({ req, p }: { req: FastifyRequest; p: PublicFigures }): JSX.Element {
  const lang = req.lang;
  const name = agencyName(lang, p.agency);
  return (
    <Page req={req} title={`${t(lang, q.publicTitle)} – ${name}`}>
      <a class="back-link" href={PUBLIC_INDEX} safe>
        {t(lang, q.publicIndexBack)}
      </a>
      <h1 safe>{name}</h1>
      <p class="lead" safe>
        {t(lang, q.publicTitle)}
      </p>
      <p>
        <span safe>{`${t(lang, q.code)}: `}</span>
        <code safe>{p.agency.code}</code>
        <br />
        <span safe>{`${t(lang, q.publicPeriod)}. ${periodText(lang, p.from, p.to)}`}</span>
      </p>
      <p class="notice" safe>
        {t(lang, q.publicNote)}
      </p>
      <h2 safe>{t(lang, q.figures)}</h2>
      <FigureCards lang={lang} f={p.figures} />
      <h2 safe>{t(lang, q.charts)}</h2>
      <QualityCharts lang={lang} f={p.figures} />
    </Page>
  );
}
