// /ho-so-cua-toi: every dossier of the signed-in citizen, newest first, each with its status, due date, fees and
// payment, files and timeline.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { detailPage as dm, myPage as m, receiptPage as rm } from '../messages-pages.ts';
import type { DossierView } from '../read.ts';
import { DueDate, Fact, FeeFact, FileList, StatusText, Timeline } from './parts.tsx';

export function MyDossiersPage({ req, items, names }: { req: FastifyRequest; items: readonly DossierView[]; names: ReadonlyMap<string, string> }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      {items.length === 0 ? (
        <>
          <p safe>{t(lang, m.none)}</p>
          <p>
            <a href="/thu-tuc" safe>
              {t(lang, m.find)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      {items.map(({ dossier: d, files, events }) => {
        const code = encodeURIComponent(d.code);
        const name = names.get(`${d.procedureCode}@${d.procedureVersion}`) ?? d.procedureCode;
        return (
          <section class="card" aria-labelledby={`d-${d.id}`}>
            <h2 id={`d-${d.id}`}>
              <a href={`/ho-so-cua-toi/${code}`}>
                <code safe>{d.code}</code>
              </a>
            </h2>
            <p lang={lang === 'en' ? 'vi' : undefined} safe>
              {name}
            </p>
            <dl class="facts">
              <Fact label={t(lang, rm.status)}>
                <StatusText lang={lang} status={d.status} />
              </Fact>
              <Fact label={t(lang, rm.received)}>
                <span safe>{formatDateTime(lang, d.receivedAt)}</span>
              </Fact>
              <Fact label={t(lang, rm.due)}>
                <DueDate lang={lang} d={d} />
              </Fact>
              <Fact label={t(lang, dm.fees)}>
                <FeeFact lang={lang} d={d} />
              </Fact>
            </dl>
            <h3 safe>{t(lang, dm.files)}</h3>
            <FileList lang={lang} code={d.code} files={files} />
            <h3 safe>{t(lang, dm.timeline)}</h3>
            <Timeline lang={lang} events={events} />
            <p>
              <a href={`/ho-so/${code}/bien-nhan`} safe>
                {t(lang, dm.receipt)}
              </a>
            </p>
          </section>
        );
      })}
    </Page>
  );
}
