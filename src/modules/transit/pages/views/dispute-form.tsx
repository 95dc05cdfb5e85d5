// The rider's dispute form on one trip (issue 15): the trip shown, a reason of up to 1000 characters, the error beside it.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Page, TextAreaField } from '../../../../platform/web/layout.tsx';
import { formatMoney, t } from '../../../../platform/web/i18n.ts';
import type { TripShown } from '../../taps/index.ts';
import { m } from '../messages.ts';
import { RIDER_PATH } from './rider.tsx';

export function DisputeFormPage({ req, trip, day, typed, errors }: { req: FastifyRequest; trip: TripShown; day: string; typed: string; errors: FieldError[] }): JSX.Element {
  const lang = req.lang;
  const err = errors.find((e) => e.field === 'reason');
  return (
    <Page req={req} title={m.disputeTrip} narrow>
      <p>
        <a href={RIDER_PATH} safe>
          {t(lang, m.back)}
        </a>
      </p>
      <h1 safe>{t(lang, m.disputeTrip)}</h1>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      <dl>
        <dt safe>{t(lang, m.serviceDay)}</dt>
        <dd safe>{`${day} ${trip.time}`}</dd>
        <dt safe>{t(lang, m.route)}</dt>
        <dd safe>{trip.routeLabel}</dd>
        <dt safe>{`${t(lang, m.from)} – ${t(lang, m.to)}`}</dt>
        <dd safe>{`${trip.fromStop} – ${trip.toStop}`}</dd>
        <dt safe>{t(lang, m.price)}</dt>
        <dd safe>{formatMoney(lang, trip.amount)}</dd>
        <dt safe>{t(lang, m.why)}</dt>
        <dd safe>{lang === 'vi' ? trip.explanation.vi : trip.explanation.en}</dd>
      </dl>
      <p safe>{t(lang, m.disputeIntro)}</p>
      <form method="post" action={`${RIDER_PATH}/chuyen/${trip.id}/khieu-nai`} novalidate>
        <CsrfField req={req} />
        <TextAreaField id="reason" label={t(lang, m.reason)} value={typed} error={err ? t(lang, err.message) : undefined} required rows={5} />
        <button type="submit" safe>
          {t(lang, m.send)}
        </button>
      </form>
    </Page>
  );
}
