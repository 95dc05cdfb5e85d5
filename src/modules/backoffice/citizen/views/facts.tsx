// The facts of the applicant's dossier: status and step in words, agencies, received, the due date (paused while a
// supplement is awaited; after an apology the first date and the reason), the result and how it was returned, fees.
import { formatDateTime, t, type Lang } from '../../../../platform/web/i18n.ts';
import { formatDong, formatIsoDate, paymentLabels, Fact, Vi } from '../../../dossiers/index.ts';
import type { CaseView } from '../../workflow/view.ts';
import { decisions, outcomes, page as m, returnMethods } from '../messages.ts';
import { apologyOf, stepText } from '../timeline.ts';

export function Facts({ lang, view }: { lang: Lang; view: CaseView }): JSX.Element {
  const c = view.case;
  const agency = (id: number | null) => (id ? view.agencies.get(id)?.name : undefined);
  const apology = apologyOf(view);
  return (
    <dl class="facts">
      <Fact label={t(lang, m.status)}>
        <strong class="badge" safe>
          {t(lang, view.state?.label ?? { vi: c.status, en: c.status })}
        </strong>
      </Fact>
      <Fact label={t(lang, m.step)}>
        <span safe>{t(lang, stepText(view))}</span>
      </Fact>
      <Fact label={t(lang, m.receivingAgency)}>
        <Vi lang={lang} text={agency(c.agencyId) ?? ''} />
      </Fact>
      {c.handlingAgencyId && c.handlingAgencyId !== c.agencyId ? (
        <Fact label={t(lang, m.handlingAgency)}>
          <Vi lang={lang} text={agency(c.handlingAgencyId) ?? ''} />
        </Fact>
      ) : (
        ''
      )}
      <Fact label={t(lang, m.received)}>
        <span safe>{formatDateTime(lang, c.receivedAt)}</span>
      </Fact>
      <Fact label={t(lang, m.due)}>
        <>
          <strong safe>{c.dueDate ? formatIsoDate(lang, c.dueDate) : t(lang, m.dueUnknown)}</strong>
          {c.pausedAt ? <p class="hint" safe>{t(lang, m.duePaused)}</p> : ''}
          {apology?.originalDueDate ? <p class="hint" safe>{t(lang, m.originalDue, { date: formatIsoDate(lang, apology.originalDueDate) })}</p> : ''}
          {apology?.reason ? (
            <p>
              <span safe>{t(lang, m.apologyReason)}</span>
              <Vi lang={lang} text={apology.reason} />
            </p>
          ) : (
            ''
          )}
        </>
      </Fact>
      {c.resultAt ? (
        <Fact label={t(lang, m.result)}>
          <span safe>{`${t(lang, decisions[c.decision ?? 'approved'])} — ${formatDateTime(lang, c.resultAt)}${c.outcome ? ` (${t(lang, outcomes[c.outcome])})` : ''}`}</span>
        </Fact>
      ) : (
        ''
      )}
      {c.returnMethod ? (
        <Fact label={t(lang, m.returnMethod)}>
          <span safe>{t(lang, returnMethods[c.returnMethod])}</span>
        </Fact>
      ) : (
        ''
      )}
      <Fact label={t(lang, m.fees)}>
        <>
          <span safe>{c.feeTotalDong === 0 ? t(lang, paymentLabels.none) : `${formatDong(lang, c.feeTotalDong)} — ${t(lang, paymentLabels[c.paymentStatus === 'paid' ? 'paid' : 'unpaid'])}`}</span>
          {c.paymentStatus === 'unpaid' ? (
            <>
              {' '}
              <a href={`/ho-so/${encodeURIComponent(c.code)}/bien-nhan`} safe>
                {t(lang, m.pay)}
              </a>
            </>
          ) : (
            ''
          )}
        </>
      </Fact>
    </dl>
  );
}
