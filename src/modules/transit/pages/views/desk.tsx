// /quan-ly/ve-dien-tu/khieu-nai: the centre officer's queue of open disputes and the answer page of one, with the
// trip's taps as the validators recorded them (issue 15).
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { CardsTable, CsrfField, ErrorSummary, Field, Page, SelectField, TextAreaField } from '../../../../platform/web/layout.tsx';
import { formatMoney, type Lang, t } from '../../../../platform/web/i18n.ts';
import type { DisputeShown } from '../../disputes/index.ts';
import { m } from '../messages.ts';
import { STAFF_PATH } from './staff.tsx';
import { DISPUTE_STATUS } from './trips.tsx';

export const DESK_PATH = `${STAFF_PATH}/khieu-nai`;
const vnTime = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const tripLine = (lang: Lang, d: DisputeShown): string => `${d.day} ${d.trip.time} ${d.trip.routeLabel}: ${d.trip.fromStop} – ${d.trip.toStop}, ${formatMoney(lang, d.trip.amount)}`;

export function DeskPage({ req, list, saved }: { req: FastifyRequest; list: DisputeShown[]; saved: boolean }): JSX.Element {
  const lang = req.lang;
  const heads = [t(lang, m.trip), t(lang, m.reason), t(lang, m.action)];
  return (
    <Page req={req} title={m.disputesDesk}>
      <p>
        <a href={STAFF_PATH} safe>
          {t(lang, m.staffTitle)}
        </a>
      </p>
      <h1 safe>{t(lang, m.disputesDesk)}</h1>
      {saved ? (
        <p class="notice success" role="status" safe>
          {t(lang, m.done)}
        </p>
      ) : (
        ''
      )}
      {list.length === 0 ? (
        <p safe>{t(lang, m.noDisputes)}</p>
      ) : (
        <CardsTable
          caption={t(lang, m.disputesDesk)}
          heads={heads}
          rows={list}
          cells={(d) => [
            tripLine(lang, d),
            d.dispute.reason,
            {
              html: (
                <a href={`${DESK_PATH}/${d.dispute.id}`} safe>
                  {`${t(lang, m.answer)} #${d.dispute.id}`}
                </a>
              ),
            },
          ]}
        />
      )}
    </Page>
  );
}

export function AnswerPage({ req, d, typed, errors }: { req: FastifyRequest; d: DisputeShown; typed: Record<string, string>; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const errOf = (id: string) => {
    const e = errors.find((x) => x.field === id);
    return e ? t(lang, e.message) : undefined;
  };
  const heads = [t(lang, m.when), t(lang, m.validator), t(lang, m.operator), t(lang, m.stop), t(lang, m.direction)];
  return (
    <Page req={req} title={m.disputesDesk}>
      <p>
        <a href={DESK_PATH} safe>
          {t(lang, m.disputesDesk)}
        </a>
      </p>
      <h1 safe>{`${t(lang, m.dispute)} #${d.dispute.id}`}</h1>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      <dl>
        <dt safe>{t(lang, m.trip)}</dt>
        <dd safe>{tripLine(lang, d)}</dd>
        <dt safe>{t(lang, m.why)}</dt>
        <dd safe>{lang === 'vi' ? d.trip.explanation.vi : d.trip.explanation.en}</dd>
        <dt safe>{t(lang, m.reason)}</dt>
        <dd safe>{d.dispute.reason}</dd>
        <dt safe>{t(lang, m.status)}</dt>
        <dd safe>{t(lang, DISPUTE_STATUS[d.dispute.status] ?? m.disputeOpen)}</dd>
      </dl>
      <CardsTable
        caption={t(lang, m.taps)}
        heads={heads}
        rows={d.taps}
        cells={(x) => [vnTime(x.tapped_at), x.validator_id, x.operator_code, x.stop_id, t(lang, x.direction === 'on' ? m.tapOn : m.tapOff)]}
      />
      {d.dispute.status === 'open' ? (
        <form method="post" action={`${DESK_PATH}/${d.dispute.id}`} novalidate>
          <CsrfField req={req} />
          <SelectField
            id="decision"
            label={t(lang, m.decision)}
            value={typed.decision}
            error={errOf('decision')}
            options={[
              { value: '', label: t(lang, m.choose) },
              { value: 'refund', label: t(lang, m.refund) },
              { value: 'reject', label: t(lang, m.reject) },
            ]}
          />
          <Field id="amount" label={t(lang, m.refundAmount)} value={typed.amount} hint={`≤ ${formatMoney(lang, d.trip.amount)}`} error={errOf('amount')} inputmode="numeric" />
          <TextAreaField id="answer" label={t(lang, m.answer)} value={typed.answer} hint={t(lang, m.answerHint)} error={errOf('answer')} rows={4} />
          <button type="submit" safe>
            {t(lang, m.send)}
          </button>
        </form>
      ) : (
        ''
      )}
    </Page>
  );
}
