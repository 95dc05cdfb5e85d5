// The answer to a submitted application (issue 11): shown only after the application committed, unmistakable.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { confirm as m, page as p } from '../messages.ts';
import type { Application } from '../service.ts';
import { ChildFacts, ExactTime } from './parts.tsx';

export function ConfirmationPage({ req, application: a }: { req: FastifyRequest; application: Application }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title} narrow>
      <div class="notice success" role="status">
        <h1 safe>{t(lang, m.title)}</h1>
        <p safe>{t(lang, m.lead)}</p>
      </div>
      <dl class="facts">
        <dt safe>{t(lang, m.number)}</dt>
        <dd>
          <strong class="procedure-code" safe>
            {a.applicationNo}
          </strong>
        </dd>
        <dt safe>{t(lang, m.school)}</dt>
        <dd safe>{`${a.school.name}, ${a.school.address}`}</dd>
        <dt safe>{t(lang, m.at)}</dt>
        <dd>
          <ExactTime at={a.createdAt} />
        </dd>
      </dl>
      <ChildFacts lang={lang} child={a.child} round={a.round} />
      {a.email ? <p safe>{t(lang, m.mailed, { email: a.email })}</p> : ''}
      <p safe>{t(lang, m.keep)}</p>
      <p>
        <a href="/tuyen-sinh/ho-so" safe>
          {t(lang, p.viewLink)}
        </a>
      </p>
    </Page>
  );
}
