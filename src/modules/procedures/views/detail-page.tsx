// /thu-tuc/:code: everything DOMAIN §3 lists about a procedure, printable (see the procedures section of style.css).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { detail as d } from '../messages.ts';
import type { ProcedureDetail } from '../schema.ts';
import { onlineSubmission } from '../online.ts';
import { Documents, HowToSubmit, ResultAndLaw, TextSection, Versions } from './detail-sections.tsx';
import { Fees } from './fee-section.tsx';
import { levelList, OnlineBadge, ProcedureName, Vi } from './parts.tsx';

function Fact({ label, children }: { label: string; children: JSX.Element }): JSX.Element {
  return (
    <>
      <dt safe>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** `today`: the Vietnam date the fees are shown for. */
export function DetailPage({ req, p, today }: { req: FastifyRequest; p: ProcedureDetail; today: string }): JSX.Element {
  const lang = req.lang;
  const none = t(lang, d.none);
  const list = (items: string[]): JSX.Element => (items.length === 0 ? <span safe>{none}</span> : <Vi lang={lang} text={items.join('; ')} />);
  const one = (v: string | null): JSX.Element => (v ? <Vi lang={lang} text={v} /> : <span safe>{none}</span>);
  return (
    <Page req={req} title={lang === 'en' && p.nameEn ? p.nameEn : p.name}>
      <p class="back-link">
        <a href="/thu-tuc" safe>
          {t(lang, d.back)}
        </a>
      </p>
      <article class="procedure">
        <ProcedureName lang={lang} name={p.name} nameEn={p.nameEn} heading />
        <p class="procedure-code">
          <span safe>{`${t(lang, d.code)}: `}</span>
          <code safe>{p.code}</code> <OnlineBadge lang={lang} online={p.channels.includes('online')} level={p.onlineLevel} />
        </p>
        {onlineSubmission(p).ok ? (
          <p>
            <a class="button" href={`/dich-vu-cong/${encodeURIComponent(p.code)}/nop`} safe>
              {t(lang, d.submitOnline)}
            </a>
          </p>
        ) : (
          <p class="notice" safe>
            {t(lang, p.channels.includes('online') ? d.noTimeLimit : d.noOnline)}
          </p>
        )}
        <section aria-labelledby="general">
          <h2 id="general" safe>
            {t(lang, d.general)}
          </h2>
          <dl class="facts">
            <Fact label={t(lang, d.field)}>{one(p.field)}</Fact>
            <Fact label={t(lang, d.levels)}>
              <span safe>{levelList(lang, p.levels) || none}</span>
            </Fact>
            <Fact label={t(lang, d.issuingAgency)}>{one(p.issuingAgency)}</Fact>
            <Fact label={t(lang, d.implementingAgencies)}>{list(p.implementingAgencies)}</Fact>
            <Fact label={t(lang, d.competentAgency)}>{one(p.competentAgency)}</Fact>
            {p.receivingAddress ? <Fact label={t(lang, d.receivingAddress)}>{one(p.receivingAddress)}</Fact> : ''}
            <Fact label={t(lang, d.applicantTypes)}>{list(p.applicantTypes)}</Fact>
            {p.procedureType ? <Fact label={t(lang, d.procedureType)}>{one(p.procedureType)}</Fact> : ''}
            {p.decisionNumber ? <Fact label={t(lang, d.decisionNumber)}>{one(p.decisionNumber)}</Fact> : ''}
          </dl>
        </section>
        <HowToSubmit lang={lang} p={p} today={today} />
        <Fees lang={lang} p={p} today={today} />
        <Documents lang={lang} p={p} />
        <TextSection lang={lang} id="steps" title={t(lang, d.steps)} items={p.steps} />
        <TextSection lang={lang} id="conditions" title={t(lang, d.conditions)} text={p.conditions} />
        <ResultAndLaw lang={lang} p={p} />
        <Versions lang={lang} p={p} />
      </article>
    </Page>
  );
}
