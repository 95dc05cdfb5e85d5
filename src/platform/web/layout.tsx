// The portal's shell: skip link, header with the city's name, navigation, language switch, footer.
// Works without JavaScript; every page passes axe.
import type { FastifyRequest } from 'fastify';
import type { Children } from '@kitajs/html';
import { t, type Lang, type Text } from './i18n.ts';
import { shell as m } from './messages.ts';

export interface PageProps {
  req: FastifyRequest;
  title: Text | string;
  children?: Children;
  /** Narrow column for forms. */
  narrow?: boolean;
  /** More of the head: Open Graph metadata, feed links (already escaped elements). */
  head?: Children;
}

function titleText(lang: Lang, title: Text | string): string {
  return typeof title === 'string' ? title : t(lang, title);
}

/** Current path with `lang` set, for the language switch. */
function langHref(req: FastifyRequest, lang: Lang): string {
  const url = new URL(req.url, 'http://x');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}

/** Whether the page's body holds an error summary (a refused form): its title then starts with "Lỗi: "/"Error: ". */
function hasErrorSummary(children: Children): boolean {
  if (typeof children === 'string') return children.includes(ERROR_SUMMARY_MARK);
  return Array.isArray(children) && children.some((c) => hasErrorSummary(c as Children));
}

// Roles with pages of their own only: admissions (issue 11), IT readiness (issue 14) and e-tickets (issue 15).
const ADMISSIONS_ONLY: readonly string[] = ['school_admissions', 'education_office', 'readiness_reporter', 'readiness_reviewer', 'readiness_council', 'training_manager', 'school_it', 'transit_officer', 'transit_operator', 'licence_officer', 'signal_engineer'];

export function Page({ req, title, children, narrow, head }: PageProps): JSX.Element {
  const lang = req.lang;
  const user = req.user;
  const pageTitle = (hasErrorSummary(children) ? t(lang, m.errorTitlePrefix) : '') + titleText(lang, title);
  const nav: [string, Text][] = [
    ['/', m.navHome],
    ['/thu-tuc', m.navProcedures],
    ['/tra-cuu-ho-so', m.navLookup],
    ...(user?.kind === 'citizen' ? ([['/ho-so-cua-toi', m.navMyDossiers], ['/ve-dien-tu', m.navETickets]] as [string, Text][]) : []),
    // The one-stop office and its quality figures are for staff of the back office; admissions staff hold only their
    // own pages (least privilege: the links would lead them to a 403).
    ...(user?.kind === 'staff' && user.roles.some((r) => !ADMISSIONS_ONLY.includes(r))
      ? ([['/mot-cua', m.navOneStop], ['/quan-ly/chat-luong', m.navQuality]] as [string, Text][])
      : []),
    // The registry (văn thư, issue 13): for its clerks, leaders and specialists.
    ...(user?.roles.some((r) => r === 'registry_clerk' || r === 'leader' || r === 'specialist') ? ([['/van-ban', m.navDocuments]] as [string, Text][]) : []),
    // IT readiness (issue 14): the units' IT officers, the city's reviewing office and the appraisal council.
    ...(user?.roles.some((r) => r === 'readiness_reporter' || r === 'readiness_reviewer' || r === 'readiness_council') ? ([['/chuyen-doi-so', m.navReadiness]] as [string, Text][]) : []),
    ...(user?.roles.includes('school_admissions') ? ([['/truong/tuyen-sinh', m.navSchoolAdmissions]] as [string, Text][]) : []),
    ...(user?.roles.includes('education_office') ? ([['/quan-ly/tuyen-sinh/so', m.navOfficeAdmissions]] as [string, Text][]) : []),
    ...(user?.roles.includes('school_it') ? ([['/thiet-bi-cntt-truong', m.navSchoolIt]] as [string, Text][]) : []),
    ...(user?.roles.includes('education_office') ? ([['/thiet-bi-cntt-truong/so-gd', m.navOfficeSchoolIt]] as [string, Text][]) : []),
    ...(user?.roles.includes('training_manager') ? ([['/dao-tao-cntt', m.navTraining]] as [string, Text][]) : []),
    // Public-transport e-tickets (issue 15): the centre's officer; an operator's clearing staff see their clearing only.
    ...(user?.roles.includes('transit_officer') ? ([['/quan-ly/ve-dien-tu', m.navETicketsDesk]] as [string, Text][]) : []),
    ...(user?.roles.includes('transit_operator') ? ([['/quan-ly/ve-dien-tu/doi-soat', m.navETicketsClearing]] as [string, Text][]) : []),
    // Driving licences (issue 16): the registry's officer.
    ...(user?.roles.includes('licence_officer') ? ([['/quan-ly/gplx', m.navLicences]] as [string, Text][]) : []),
    // Traffic signals (issue 16): the signal centre's engineer.
    ...(user?.roles.includes('signal_engineer') ? ([['/quan-ly/den-tin-hieu', m.navSignals]] as [string, Text][]) : []),
    ...(user?.roles.includes('editor') ? ([['/quan-tri/trang', m.navEditing]] as [string, Text][]) : []),
    ...(user?.roles.includes('admin') ? ([['/quan-tri', m.navAdmin]] as [string, Text][]) : []),
    ['/don-vi-hanh-chinh', m.navUnits],
    ['/lich-lam-viec', m.navCalendar],
    ['/api/docs', m.navApi],
  ];
  return (
    <>
      {'<!doctype html>'}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${pageTitle} – ${t(lang, m.siteName)}`}</title>
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/static/style.css" />
          {head ?? ''}
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t(lang, m.skip)}
          </a>
          <header class="site-header">
            <div class="wrap header-row">
              <a class="brand" href="/">
                <span class="brand-emblem" aria-hidden="true">
                  ★
                </span>
                <span>
                  <span class="brand-top" safe>
                    {t(lang, m.siteOwner)}
                  </span>
                  <span class="brand-name" safe>
                    {t(lang, m.siteName)}
                  </span>
                </span>
              </a>
              <nav class="lang-switch" aria-label={t(lang, m.langLabel)}>
                {lang === 'vi' ? (
                  <a href={langHref(req, 'en')} lang="en" hreflang="en">
                    English
                  </a>
                ) : (
                  <a href={langHref(req, 'vi')} lang="vi" hreflang="vi">
                    Tiếng Việt
                  </a>
                )}
              </nav>
            </div>
            <nav class="main-nav" aria-label={t(lang, m.navLabel)}>
              <ul class="wrap">
                {nav.map(([href, label]) => (
                  <li>
                    <a href={href} safe>
                      {t(lang, label)}
                    </a>
                  </li>
                ))}
                {user ? (
                  // The account's links fold under the person's name, so the menu stays on one line (issue 9).
                  <li class="account-item">
                    <details class="account-menu">
                      <summary safe>{user.displayName}</summary>
                      <ul>
                        <li>
                          <a href="/tai-khoan" safe>
                            {t(lang, m.myAccount)}
                          </a>
                        </li>
                        <li>
                          <form method="post" action="/dang-xuat" class="inline-form">
                            <input type="hidden" name="_csrf" value={req.csrfToken} />
                            <button type="submit" class="link-button" safe>
                              {t(lang, m.signOut)}
                            </button>
                          </form>
                        </li>
                      </ul>
                    </details>
                  </li>
                ) : (
                  <>
                    <li>
                      <a href="/dang-nhap" safe>
                        {t(lang, m.signIn)}
                      </a>
                    </li>
                    <li>
                      <a href="/dang-ky" safe>
                        {t(lang, m.register)}
                      </a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </header>
          <main id="main" class={narrow ? 'wrap narrow' : 'wrap'} tabindex="-1">
            {user?.unverified ? (
              <div class="notice" id="unverified-banner">
                <p>
                  <span safe>{t(lang, m.unverified)}</span>{' '}
                  <a href="/tai-khoan/xac-minh" safe>
                    {t(lang, m.unverifiedLink)}
                  </a>
                </p>
              </div>
            ) : (
              ''
            )}
            {children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p safe>{t(lang, m.footerOwner)}</p>
              <p>
                <a href="/cong-khai" safe>
                  {t(lang, m.footerPublic)}
                </a>
              </p>
              <p>
                <a href="/trang" safe>
                  {t(lang, m.footerSites)}
                </a>
              </p>
              <p>
                <a href="/danh-ba" safe>
                  {t(lang, m.footerDirectory)}
                </a>
              </p>
              <p>
                <a href="/phan-anh-kien-nghi" safe>
                  {t(lang, m.footerFeedback)}
                </a>
              </p>
              <p safe>{t(lang, m.footerAddress)}</p>
              <p safe>{t(lang, m.footerNote)}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}

export function CsrfField({ req }: { req: FastifyRequest }): JSX.Element {
  return <input type="hidden" name="_csrf" value={req.csrfToken} />;
}

export interface FormError {
  field: string;
  message: string;
}

const ERROR_SUMMARY_MARK = 'class="error-summary"';
/** `autofocus` (a global attribute that kitajs's types leave out). */
const AUTOFOCUS = { autofocus: true } as Record<string, unknown>;

/**
 * GOV.UK pattern: a summary of every error at the top of the form, each linking to its field. It takes the focus when
 * the page opens (autofocus on a tabindex="-1" box, no script), and the page's title then starts with "Lỗi: ".
 */
export function ErrorSummary({ lang, errors }: { lang: Lang; errors: FormError[] }): JSX.Element {
  if (errors.length === 0) return <></>;
  return (
    <div class="error-summary" role="alert" tabindex="-1" {...AUTOFOCUS}>
      <h2 safe>{t(lang, m.errorSummary)}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`} safe>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * kitajs escapes only `"` in attribute values; a value the user typed with `&amp;` in it would come back
 * decoded as `&`. Escaping `&` first keeps what they typed; `<` and `>` are escaped too, so that markup someone typed
 * (a name like `<script>…`) never stands in the page as markup, even inside a quoted attribute.
 */
export function attrValue(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and its error message, with the ids describedBy names (GOV.UK order: hint, then error). */
export function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }): JSX.Element {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="error-message" id={`${id}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

export interface FieldProps {
  id: string;
  label: string;
  type?: string;
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  inputmode?: string;
}

/** A labelled input with its hint and its error beside it. */
export function Field(p: FieldProps): JSX.Element {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={attrValue(p.value ?? '')}
        autocomplete={p.autocomplete}
        required={p.required}
        inputmode={p.inputmode}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

/** A labelled textarea with its hint and its error beside it (the multi-line twin of Field); `name` defaults to the id. */
export function TextAreaField(p: { id: string; name?: string; label: string; value?: string | undefined; hint?: string; error?: string | undefined; required?: boolean; rows?: number }): JSX.Element {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <textarea
        id={p.id}
        name={p.name ?? p.id}
        rows={String(p.rows ?? 4)}
        required={p.required}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
        safe
      >
        {p.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  options: Option[];
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
}

/** A labelled select with its hint and its error beside it (the select twin of Field). */
export function SelectField(p: SelectFieldProps): JSX.Element {
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label for={p.id} safe>
        {p.label}
      </label>
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
      <select id={p.id} name={p.id} aria-describedby={describedBy(p.id, p.hint, p.error)} aria-invalid={p.error ? 'true' : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export { CardsTable, type CardCell, type CardHead, type CardsTableProps } from './cards-table.tsx';
