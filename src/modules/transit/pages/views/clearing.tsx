// /quan-ly/ve-dien-tu/doi-soat: an operator's trips and revenue by fare rule for one service day, and its CSV (issue 15).
import type { FastifyRequest } from 'fastify';
import { CardsTable, ErrorSummary, Field, Page, SelectField, type CardCell, type Option } from '../../../../platform/web/layout.tsx';
import { formatMoney, t } from '../../../../platform/web/i18n.ts';
import type { Clearing } from '../../taps/index.ts';
import { m } from '../messages.ts';
import { d } from '../messages-staff.ts';
import { STAFF_PATH } from './staff.tsx';

export const CLEARING_PATH = `${STAFF_PATH}/doi-soat`;

export function ClearingPage({ req, operators, typed, errors, c }: { req: FastifyRequest; operators: Option[]; typed: { day: string; operator: string }; errors: { field: string; message: string }[]; c: Clearing | undefined }): JSX.Element {
  const lang = req.lang;
  const errOf = (id: string) => errors.find((e) => e.field === id)?.message;
  const heads = [t(lang, m.rule), t(lang, m.tripsCount), t(lang, m.revenue)];
  const q = (x: Clearing) => `ngay=${encodeURIComponent(x.serviceDay)}&don-vi=${encodeURIComponent(x.operatorCode)}`;
  return (
    <Page req={req} title={m.clearing}>
      <h1 safe>{t(lang, m.clearing)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p safe>{t(lang, m.clearingIntro)}</p>
      <ul>
        <li>
          <a href={`${STAFF_PATH}/thong-ke`} safe>
            {t(lang, d.dashboard)}
          </a>
        </li>
        <li>
          <a href={`${STAFF_PATH}/bang-gia`} safe>
            {t(lang, d.fares)}
          </a>
        </li>
      </ul>
      <form method="get" action={CLEARING_PATH} novalidate>
        <SelectField id="don-vi" label={t(lang, m.operator)} options={operators} value={typed.operator} error={errOf('don-vi')} />
        <Field id="ngay" label={t(lang, m.day)} value={typed.day} error={errOf('ngay')} />
        <button type="submit" safe>
          {t(lang, m.show)}
        </button>
      </form>
      {c ? (
        <>
          <h2 safe>{`${c.operatorCode} — ${c.serviceDay}`}</h2>
          {c.priced ? '' : <p class="notice" role="status" safe>{t(lang, m.notPriced)}</p>}
          <CardsTable
            caption={`${t(lang, m.clearing)} ${c.operatorCode} ${c.serviceDay}`}
            heads={heads}
            rows={[
              ...c.byRule.map((r): CardCell[] => [{ text: r.ruleId }, { text: String(r.trips), class: 'num' }, { text: formatMoney(lang, r.revenue), class: 'num' }]),
              [{ text: t(lang, m.total), header: true }, { text: String(c.trips), class: 'num' }, { text: formatMoney(lang, c.revenue), class: 'num' }],
            ]}
            cells={(row) => row}
          />
          <p>
            <a href={`${CLEARING_PATH}/tep?${q(c)}`} download="" safe>
              {t(lang, m.download)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
