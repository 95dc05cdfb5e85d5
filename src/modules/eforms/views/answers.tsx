// The answers of an e-form as a list per section (GOV.UK "summary list"): label, value, and on the check-your-answers
// page a "Thay đổi / Change" link back to the field on the form. Used by every page that shows a dossier's answers.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { changeText, type AnswerChange, type AnswerSection } from '../answers.ts';
import type { AddressUnit } from '../address.ts';
import type { EformDefinition } from '../schema.ts';
import { answers as m } from '../messages.ts';

export interface AnswersListProps {
  lang: Lang;
  sections: readonly AnswerSection[];
  /** The form's address: each row then links to `<changeHref>#<field id>`. */
  changeHref?: string | undefined;
  /** The heading level of the section titles (2 on a page of its own, 3 inside a section). */
  level?: 2 | 3 | undefined;
}

export function AnswersList({ lang, sections, changeHref, level = 3 }: AnswersListProps): JSX.Element {
  return (
    <div class="answers">
      {sections.map((s) => (
        <section>
          {level === 2 ? <h2 safe>{s.title}</h2> : <h3 safe>{s.title}</h3>}
          <dl class="facts">
            {s.rows.map((r) => (
              <>
                <dt safe>{r.label}</dt>
                <dd>
                  {r.value ? <span safe>{r.value}</span> : <span class="muted" safe>{t(lang, m.notGiven)}</span>}
                  {changeHref ? (
                    <>
                      {' '}
                      <a href={`${changeHref}#${r.id}`}>
                        <span safe>{t(lang, m.change)}</span>
                        <span class="visually-hidden" safe>{` ${r.label}`}</span>
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/** The answers corrected with a supplement: field, before, after (for the officer, and the applicant's own record). */
export function AnswerChanges({ lang, def, changes, units = [] }: { lang: Lang; def: EformDefinition; changes: readonly AnswerChange[]; units?: readonly AddressUnit[] }): JSX.Element {
  if (changes.length === 0) return <></>;
  return (
    <table class="answer-changes">
        <caption safe>{t(lang, m.changesTitle)}</caption>
        <thead>
          <tr>
            {[m.field, m.before, m.after].map((h) => (
              <th scope="col" safe>
                {t(lang, h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => {
            const x = changeText(def, c, lang, units);
            return (
              <tr>
                <th scope="row" safe>
                  {x.label}
                </th>
                <td>{x.old ? <del safe>{x.old}</del> : <span class="muted" safe>{t(lang, m.notGiven)}</span>}</td>
                <td>{x.new ? <ins safe>{x.new}</ins> : <span class="muted" safe>{t(lang, m.notGiven)}</span>}</td>
              </tr>
            );
          })}
        </tbody>
    </table>
  );
}
