// /lich-lam-viec: a year's days off, the deadline calculator and the lunar converter. All three are GET forms
// (they change nothing, and their answers can be bookmarked or shared); each carries the others' values along.
import type { FastifyRequest } from 'fastify';
import type { Deadline, DeadlineUnit } from '../../../platform/calendar/index.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { hasRole } from '../../../platform/auth/access.ts';
import { dayLabel, vietnamTime } from '../format.ts';
import { DEADLINE_UNITS } from '../input.ts';
import { UNIT_LABELS, STATUS_LABELS, page as m } from '../messages.ts';
import type { LunarInfo, YearSchedule } from '../service.ts';
import { Carry, EntriesTable, SelectField, errorFor, formErrors } from './parts.tsx';

export interface CalcValues {
  received_date: string;
  received_time: string;
  amount: string;
  unit: string;
}

export interface CalendarPageState {
  schedule: YearSchedule;
  years: number[];
  yearValue: string;
  yearErrors: FieldError[];
  calc: { values: CalcValues; errors: FieldError[]; result?: Deadline | undefined; submitted: boolean };
  lunar: { value: string; errors: FieldError[]; result?: LunarInfo | undefined };
}

function carried(s: CalendarPageState, except: 'year' | 'calc' | 'lunar'): Record<string, string> {
  return {
    ...(except === 'year' ? {} : { year: s.yearValue }),
    ...(except === 'calc' ? {} : s.calc.submitted ? { ...s.calc.values } : {}),
    ...(except === 'lunar' ? {} : { lunar_date: s.lunar.value }),
  };
}

function YearSection({ req, s }: { req: FastifyRequest; s: CalendarPageState }): JSX.Element {
  const lang = req.lang;
  const sc = s.schedule;
  const source = sc.source ? t(lang, m.officialSource, { source: sc.source }) : '';
  const yearOptions = [...new Set([...s.years, sc.year])].sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }));
  return (
    <section aria-labelledby="nam-heading">
      <h2 id="nam-heading" safe>
        {t(lang, m.yearHeading, { year: sc.year })}
      </h2>
      <ErrorSummary lang={lang} errors={formErrors(lang, s.yearErrors)} />
      <form method="get" action="/lich-lam-viec#nam-heading">
        <Carry values={carried(s, 'year')} />
        <SelectField id="year" label={t(lang, m.yearLabel)} options={yearOptions} value={String(sc.year)} error={errorFor(lang, s.yearErrors, 'year')} />
        <button type="submit" class="secondary" safe>
          {t(lang, m.show)}
        </button>
      </form>
      {sc.status === 'official' ? (
        <p class="notice success">
          <strong safe>{t(lang, m.official)}</strong>{' '}
          <span safe>{source}</span>
        </p>
      ) : (
        <p class="notice">
          <strong safe>{`${t(lang, STATUS_LABELS.provisional)}.`}</strong> <span safe>{t(lang, m.provisional)}</span>
        </p>
      )}
      <p safe>{t(lang, m.tet, { canChi: sc.canChi, date: dayLabel(lang, sc.tet) })}</p>
      <EntriesTable lang={lang} entries={sc.entries} caption={t(lang, m.tableCaption, { year: sc.year })} />
      <p class="muted" safe>
        {t(lang, m.weekendNote)}
      </p>
    </section>
  );
}

function CalcResult({ req, d, unit }: { req: FastifyRequest; d: Deadline; unit: string }): JSX.Element {
  const lang = req.lang;
  // Periods in days end at 24:00 of the due date (Civil Code Art. 148); only hours end at a time of day.
  const due =
    unit === 'hours'
      ? t(lang, m.dueAt, { date: dayLabel(lang, d.dueDate), time: vietnamTime(d.dueAt) })
      : t(lang, m.due, { date: dayLabel(lang, d.dueDate) });
  return (
    <div class="notice success" role="status">
      <h3 safe>{t(lang, m.dueHeading)}</h3>
      <p>
        <strong safe>{due}</strong>
      </p>
      <p>
        <span safe>{`${t(lang, m.explanation)}: `}</span>
        <span safe>{d.explanation[lang]}</span>
      </p>
      {d.provisional ? <p safe>{t(lang, m.provisionalDue)}</p> : ''}
    </div>
  );
}

function CalcSection({ req, s }: { req: FastifyRequest; s: CalendarPageState }): JSX.Element {
  const lang = req.lang;
  const { values, errors, result } = s.calc;
  const unitOptions = DEADLINE_UNITS.map((u: DeadlineUnit) => ({ value: u, label: t(lang, UNIT_LABELS[u]) }));
  return (
    <section aria-labelledby="tinh-han">
      <h2 id="tinh-han" safe>
        {t(lang, m.calcHeading)}
      </h2>
      <p safe>{t(lang, m.calcLead)}</p>
      <ErrorSummary lang={lang} errors={formErrors(lang, errors)} />
      <form method="get" action="/lich-lam-viec#tinh-han" novalidate>
        <Carry values={carried(s, 'calc')} />
        <Field
          id="received_date"
          type="date"
          label={t(lang, m.receivedDate)}
          hint={t(lang, m.receivedDateHint)}
          value={values.received_date}
          error={errorFor(lang, errors, 'received_date')}
          required
        />
        <Field
          id="received_time"
          type="time"
          label={t(lang, m.receivedTime)}
          hint={t(lang, m.receivedTimeHint)}
          value={values.received_time}
          error={errorFor(lang, errors, 'received_time')}
        />
        <Field
          id="amount"
          label={t(lang, m.amount)}
          hint={t(lang, m.amountHint)}
          value={values.amount}
          error={errorFor(lang, errors, 'amount')}
          inputmode="decimal"
        />
        <SelectField id="unit" label={t(lang, m.unit)} options={unitOptions} value={values.unit} error={errorFor(lang, errors, 'unit')} />
        <button type="submit" safe>
          {t(lang, m.calculate)}
        </button>
      </form>
      {result ? <CalcResult req={req} d={result} unit={values.unit} /> : ''}
    </section>
  );
}

function LunarSection({ req, s }: { req: FastifyRequest; s: CalendarPageState }): JSX.Element {
  const lang = req.lang;
  const { value, errors, result } = s.lunar;
  return (
    <section aria-labelledby="am-lich">
      <h2 id="am-lich" safe>
        {t(lang, m.lunarHeading)}
      </h2>
      <ErrorSummary lang={lang} errors={formErrors(lang, errors)} />
      <form method="get" action="/lich-lam-viec#am-lich" novalidate>
        <Carry values={carried(s, 'lunar')} />
        <Field
          id="lunar_date"
          type="date"
          label={t(lang, m.lunarDate)}
          hint={t(lang, m.lunarDateHint)}
          value={value}
          error={errorFor(lang, errors, 'lunar_date')}
          required
        />
        <button type="submit" safe>
          {t(lang, m.convert)}
        </button>
      </form>
      {result ? (
        <div class="notice success" role="status">
          <p>
            <strong safe>{t(lang, m.lunarResult, { solar: dayLabel(lang, result.date), lunar: result.text[lang] })}</strong>
          </p>
          <p safe>{t(lang, m.lunarTet, { year: result.tet.year, canChi: result.tet.canChi, date: dayLabel(lang, result.tet.date) })}</p>
        </div>
      ) : (
        ''
      )}
      <p class="muted" safe>
        {t(lang, m.lunarNote)}
      </p>
    </section>
  );
}

export function CalendarPage({ req, state }: { req: FastifyRequest; state: CalendarPageState }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p class="lead" safe>
        {t(lang, m.lead)}
      </p>
      <nav aria-labelledby="contents-heading">
        <h2 id="contents-heading" safe>
          {t(lang, m.contents)}
        </h2>
        <ul>
          <li>
            <a href="#nam-heading" safe>
              {t(lang, m.yearHeading, { year: state.schedule.year })}
            </a>
          </li>
          <li>
            <a href="#tinh-han" safe>
              {t(lang, m.calcHeading)}
            </a>
          </li>
          <li>
            <a href="#am-lich" safe>
              {t(lang, m.lunarHeading)}
            </a>
          </li>
          {hasRole(req.user, 'admin') ? (
            <li>
              <a href="/quan-tri/lich-lam-viec" safe>
                {t(lang, m.adminLink)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </nav>
      <YearSection req={req} s={state} />
      <CalcSection req={req} s={state} />
      <LunarSection req={req} s={state} />
    </Page>
  );
}
