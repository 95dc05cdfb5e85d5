// The self-assessment form page: the unit's IT officer fills it (values grouped by the set's groups, each with its
// maximum, how it is scored, the evidence, data source and verifier; a value the platform filled shows its source),
// uploads evidence, saves drafts and submits; the office and the council see it read-only with their actions
// (views/form-review.tsx). Works without JavaScript; /static/readiness.js checks the values as they are typed.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { attrValue, CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import type { Checked } from '../check.ts';
import { ruleText } from '../describe.ts';
import type { FormView } from '../form.ts';
import { FORM_STATES, pm } from '../page-messages.ts';
import type { EvidenceInfo } from '../repo.ts';
import type { Value } from '../scoring.ts';
import { type Indicator, type InputField, inputsOf, type LoadedSet } from '../sets.ts';
import { formUrl } from '../urls.ts';
import { valueMessages } from '../values.ts';
import { Questions, ReviewActions, type ReviewProps } from './form-review.tsx';
import { dateText, errorOf, Notice, summaryOf } from './parts.tsx';

export interface FormPageProps extends ReviewProps {
  req: FastifyRequest;
  view: FormView;
  loaded: LoadedSet;
  agencyName: string;
  editable: boolean;
  typed?: { values: Record<string, string>; explanations: Record<string, string> } | undefined;
  errors: FieldError[];
  notice?: Text | undefined;
  checked: Checked;
}

const shown = (v: Value): string => (v === undefined || v === null ? '' : typeof v === 'boolean' ? String(v) : String(v));

function valueText(lang: Lang, f: InputField, v: Value, i?: Indicator): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'boolean') return t(lang, v ? pm.yes : pm.no);
  if (i?.rule.kind === 'categorical') return t(lang, i.rule.categories.find((c) => c.value === v)?.label ?? { vi: String(v), en: String(v) });
  return `${String(v)} ${t(lang, f.unit)}`;
}

function Input({ lang, f, i, value, error }: { lang: Lang; f: InputField; i?: Indicator | undefined; value: string; error?: string | undefined }): JSX.Element {
  const id = `f-${f.code}`;
  const desc = [`${id}-about`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  if (f.type === 'number') {
    return <input id={id} name={`v.${f.code}`} type="text" inputmode="decimal" value={attrValue(value)} aria-describedby={desc} class="input-short" />;
  }
  const options: { value: string; label: string }[] =
    f.type === 'boolean'
      ? [{ value: 'true', label: t(lang, pm.yes) }, { value: 'false', label: t(lang, pm.no) }]
      : i?.rule.kind === 'categorical'
        ? i.rule.categories.map((c) => ({ value: c.value, label: t(lang, c.label) }))
        : [];
  return (
    <select id={id} name={`v.${f.code}`} aria-describedby={desc}>
      <option value="" safe>{t(lang, pm.notSet)}</option>
      {options.map((o) => (
        <option value={attrValue(o.value)} selected={o.value === value} safe>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function Files({ lang, formId, files }: { lang: Lang; formId: number; files: EvidenceInfo[] }): JSX.Element {
  if (files.length === 0) return <p class="hint" safe>{t(lang, pm.noFiles)}</p>;
  return (
    <ul>
      {files.map((e) => (
        <li>
          <a href={`${formUrl(formId)}/minh-chung/${e.id}`} safe>
            {e.name}
          </a>{' '}
          <span class="hint" safe>{`(${Math.max(1, Math.round(e.size / 1024))} KB)`}</span>
        </li>
      ))}
    </ul>
  );
}

/** One input (a figure or an indicator read from an entered value) or a computed indicator, with all it needs said. */
function Item(p: { props: FormPageProps; code: string; f?: InputField | undefined; i?: Indicator | undefined }): JSX.Element {
  const { props, code, f, i } = p;
  const lang = props.req.lang;
  const { form } = props.view;
  const saved = form.form_values[code];
  const value = props.typed && Object.hasOwn(props.typed.values, code) ? props.typed.values[code]! : shown(saved);
  const explanation = props.typed && Object.hasOwn(props.typed.explanations, code) ? props.typed.explanations[code]! : (form.explanations[code] ?? '');
  const error = errorOf(lang, props.errors, code);
  const source = form.sources[code];
  const name = (i ?? f)!.name;
  const pts = props.checked.points[code];
  return (
    <div class={error ? 'field field-error readiness-item' : 'field readiness-item'} id={`item-${code}`}>
      {f && props.editable ? (
        <label for={`f-${code}`} safe>{`${code}. ${t(lang, name)}`}</label>
      ) : (
        <h3 safe>{`${code}. ${t(lang, name)}`}</h3>
      )}
      <div id={`f-${code}-about`} class="hint">
        <span safe>{`${t(lang, pm.unitOfMeasure)}: ${t(lang, (i ?? f)!.unit)}.`}</span>
        {i ? (
          <>
            {' '}
            <span safe>{`${t(lang, pm.maxPoints)}: ${i.max}. ${t(lang, pm.scoring)}: ${t(lang, ruleText(i))}`}</span>{' '}
            <span safe>{`${t(lang, pm.evidence)}: ${t(lang, i.evidence)}. ${t(lang, pm.dataSource)}: ${t(lang, i.dataSource)}. ${t(lang, pm.verifier)}: ${t(lang, i.verifier)}.`}</span>
          </>
        ) : (
          ''
        )}
        {source ? (
          <strong class="readiness-source" safe>{` ${t(lang, pm.filledFrom)} ${t(lang, pm.sourceName[source] ?? { vi: source, en: source })} ${props.editable ? t(lang, pm.mayChange) : ''}`}</strong>
        ) : (
          ''
        )}
      </div>
      {error ? (
        <p class="error-message" id={`f-${code}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {f && props.editable ? <Input lang={lang} f={f} i={i} value={value} error={error} /> : f ? <p safe>{valueText(lang, f, saved, i)}</p> : <p class="hint" safe>{t(lang, pm.computed)}</p>}
      {i ? (
        <p>
          <span safe>{`${t(lang, pm.points)}: `}</span>
          <output id={`p-${code}`}>{pts ? `${pts.points} / ${pts.max}` : '—'}</output>
        </p>
      ) : (
        ''
      )}
      {f && props.editable ? (
        <div class="field">
          <label for={`e-${code}`} safe>{`${t(lang, pm.explanation)} (${code})`}</label>
          {errorOf(lang, props.errors, `explanation.${code}`) ? <p class="error-message" safe>{errorOf(lang, props.errors, `explanation.${code}`)!}</p> : ''}
          <textarea id={`e-${code}`} name={`e.${code}`} rows="2" safe>
            {explanation}
          </textarea>
        </div>
      ) : f && form.explanations[code] ? (
        <p safe>{`${t(lang, pm.explanation)}: ${form.explanations[code]}`}</p>
      ) : (
        ''
      )}
    </div>
  );
}

function Evidence({ props }: { props: FormPageProps }): JSX.Element {
  const lang = props.req.lang;
  const { form, evidence } = props.view;
  const codes = [...props.loaded.indicators.keys()];
  return (
    <section aria-labelledby="evidence-h">
      <h2 id="evidence-h" safe>{t(lang, pm.files)}</h2>
      {codes
        .filter((c) => evidence.some((e) => e.code === c))
        .map((c) => (
          <>
            <h3 safe>{`${c}. ${t(lang, props.loaded.indicators.get(c)!.name)}`}</h3>
            <Files lang={lang} formId={form.id} files={evidence.filter((e) => e.code === c)} />
          </>
        ))}
      {evidence.length === 0 ? <p class="hint" safe>{t(lang, pm.noFiles)}</p> : ''}
      {props.editable ? (
        <form method="post" action={`${formUrl(form.id)}/minh-chung`} enctype="multipart/form-data" class="readiness-upload">
          <CsrfField req={props.req} />
          <h3 safe>{t(lang, pm.addFile)}</h3>
          <div class="field">
            <label for="evidence-code" safe>{t(lang, pm.indicator)}</label>
            <select id="evidence-code" name="code">
              {codes.map((c) => (
                <option value={attrValue(c)} safe>{`${c}. ${t(lang, props.loaded.indicators.get(c)!.name)}`}</option>
              ))}
            </select>
          </div>
          <div class={errorOf(lang, props.errors, 'file') ? 'field field-error' : 'field'}>
            <label for="evidence-file" safe>{t(lang, pm.fileFor)}</label>
            <p class="hint" id="evidence-file-hint" safe>{t(lang, pm.fileHint)}</p>
            {errorOf(lang, props.errors, 'file') ? <p class="error-message" safe>{errorOf(lang, props.errors, 'file')!}</p> : ''}
            <input id="evidence-file" name="files.evidence" type="file" aria-describedby="evidence-file-hint" />
          </div>
          <button type="submit" safe>{t(lang, pm.upload)}</button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

function Warnings({ lang, checked }: { lang: Lang; checked: Checked }): JSX.Element {
  return (
    <section id="rules" aria-labelledby="rules-h">
      <h2 id="rules-h" safe>{t(lang, pm.checkLive)}</h2>
      <div id="check-result" aria-live="polite">
        {checked.broken.length === 0 ? (
          <p safe>{t(lang, pm.allRulesHold)}</p>
        ) : (
          <>
            <p safe>{t(lang, pm.warnings)}</p>
            <ul>
              {checked.broken.map((b) => (
                <li safe>{t(lang, valueMessages.rule(b))}</li>
              ))}
            </ul>
          </>
        )}
        <p safe>{`${t(lang, pm.total)}: ${checked.total} / ${checked.max}`}</p>
      </div>
    </section>
  );
}

export function FormPage(props: FormPageProps): JSX.Element {
  const { req, view, loaded } = props;
  const lang = req.lang;
  const { form, cycle } = view;
  const inputs = new Map(inputsOf(loaded).map((f) => [f.code, f]));
  const codes = new Set([...inputs.keys(), ...loaded.indicators.keys()]);
  const title = `${t(lang, pm.formTitle)} ${cycle.year} — ${props.agencyName}`;
  const items = (
    <>
      <section aria-labelledby="g-figures">
        <h2 id="g-figures" safe>{t(lang, pm.figures)}</h2>
        {loaded.set.figures.map((fig) => (
          <Item props={props} code={fig.code} f={inputs.get(fig.code)} />
        ))}
      </section>
      {loaded.set.groups.map((g) => (
        <section aria-labelledby={`g-${g.code}`}>
          <h2 id={`g-${g.code}`} safe>{`${g.code}. ${t(lang, g.name)} (${g.max})`}</h2>
          {loaded.set.indicators
            .filter((i) => i.group === g.code)
            .map((i) => (
              <Item props={props} code={i.code} f={inputs.get(i.code)} i={i} />
            ))}
        </section>
      ))}
    </>
  );
  return (
    <Page req={req} title={title} head={props.editable ? <script src="/static/readiness.js" defer></script> : ''}>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={lang} errors={summaryOf(lang, props.errors, codes)} />
      <Notice lang={lang} notice={props.notice} />
      <dl class="facts">
        <dt safe>{t(lang, pm.state)}</dt>
        <dd safe>{`${t(lang, FORM_STATES[form.state])}${form.late ? ` — ${t(lang, pm.late)}` : ''}`}</dd>
        <dt safe>{t(lang, pm.deadline)}</dt>
        <dd safe>{cycle.deadline}</dd>
        <dt safe>{t(lang, pm.submittedAt)}</dt>
        <dd safe>{dateText(form.submitted_at)}</dd>
      </dl>
      {cycle.guidance ? <p class="hint" safe>{cycle.guidance}</p> : ''}
      {props.editable ? '' : <p safe>{t(lang, pm.readOnly)}</p>}
      <Questions {...props} />
      <ReviewActions {...props} />
      {props.editable ? (
        <form method="post" action={formUrl(form.id)} id="readiness-form" data-check-url={`${formUrl(form.id)}/kiem-tra`} novalidate>
          <CsrfField req={req} />
          <input type="hidden" name="version" value={String(form.version)} />
          {items}
          <Warnings lang={lang} checked={props.checked} />
          <div class="actions">
            <button type="submit" name="action" value="save" safe>{t(lang, pm.saveDraft)}</button>{' '}
            <button type="submit" name="action" value="submit" safe>{t(lang, pm.submit)}</button>
          </div>
        </form>
      ) : (
        <>
          {items}
          <Warnings lang={lang} checked={props.checked} />
        </>
      )}
      <Evidence props={props} />
    </Page>
  );
}
