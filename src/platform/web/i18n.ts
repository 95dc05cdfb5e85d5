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

// One way of writing dates on every page, paper and message, in both languages (issue 9): 05/03/2026, and
// 09:07 05/03/2026 with the time, on the Vietnam clock.
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamParts(d: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const out = { day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of parts.formatToParts(d)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** "05/03/2026" (dd/mm/yyyy, Vietnam date) in both languages; `lang` is kept for the callers. */
export function formatDate(_lang: Lang, d: Date): string {
  const p = vietnamParts(d);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "09:07 05/03/2026" (HH:mm dd/mm/yyyy, Vietnam time) in both languages. */
export function formatDateTime(_lang: Lang, d: Date): string {
  const p = vietnamParts(d);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

const groups = { vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }) };

/** An amount of đồng as every page, paper and message writes it: "135.000 đ" (vi), "135,000 VND" (en). */
export function formatMoney(lang: Lang, amount: number): string {
  return lang === 'vi' ? `${groups.vi.format(amount)} đ` : `${groups.en.format(amount)} VND`;
}

/** A calendar date written YYYY-MM-DD as "05/03/2026". */
export function formatIsoDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}
