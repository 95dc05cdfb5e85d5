// Shared pieces of the licence pages: paths, dates, the class as printed.
import { formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { m } from '../messages.ts';

export const BASE = '/quan-ly/gplx';
export const URLS = {
  home: BASE,
  import: `${BASE}/nhap`,
  licence: (n: string) => `${BASE}/${n}`,
  deduct: (n: string) => `${BASE}/${n}/tru-diem`,
  test: (n: string) => `${BASE}/${n}/kiem-tra`,
  eLicence: (n: string) => `${BASE}/${n}/dien-tu`,
  openCase: (n: string) => `${BASE}/${n}/vu-viec`,
  closeCase: (n: string) => `${BASE}/${n}/vu-viec/dong`,
  end: (n: string) => `${BASE}/${n}/thu-hoi`,
  verify: (token: string) => `/xac-minh-gplx/${token}`,
};

export const day = (iso: string | null, lang: Lang): string => (iso === null ? t(lang, m.noExpiry) : formatIsoDay(iso));
export const classText = (c: string, old: boolean, lang: Lang): string => (old ? `${c} (${t(lang, m.oldClass)})` : c);

export function Notice({ text, success }: { text: string | undefined; success?: boolean }): JSX.Element {
  return text ? (
    <p class={success ? 'notice success' : 'notice'} role="status" safe>
      {text}
    </p>
  ) : (
    <></>
  );
}
