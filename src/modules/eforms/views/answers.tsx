// The answers of an e-form as a list per section (GOV.UK "summary list"): label, value, and on the check-your-answers
// page a "Thay đổi / Change" link back to the field on the form. Used by every page that shows a dossier's answers.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { AnswerSection } from '../answers.ts';
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
