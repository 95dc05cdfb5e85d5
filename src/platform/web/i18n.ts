// Every page is Vietnamese first, with English. User-facing text lives in message catalogues
// (`messages.ts` of each module) as { vi, en } pairs.
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

export interface Text {
  vi: string;
  en: string;
}

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

/** Picks the text in the language; `{name}` placeholders are filled from `vars`. */
export function t(lang: Lang, text: Text, vars?: Record<string, string | number>): string {
  let s = text[lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

const dateFmt = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'short', year: 'numeric' }),
};
const dateTimeFmt = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatDate(lang: Lang, d: Date): string {
  return dateFmt[lang].format(d);
}
export function formatDateTime(lang: Lang, d: Date): string {
  return dateTimeFmt[lang].format(d);
}
