// Shared pieces of the training pages: the section's navigation, error lists, labels of states and kinds.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatIsoDay, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import type { FormError } from '../../../platform/web/layout.tsx';
import { m } from '../messages.ts';

export const BASE = '/dao-tao-cntt';
export const URLS = {
  home: BASE,
  classes: `${BASE}/lop`,
  classOf: (id: number) => `${BASE}/lop/${id}`,
  gridOf: (id: number) => `${BASE}/lop/${id}/ket-qua`,
  certificates: `${BASE}/chung-chi`,
  coverage: `${BASE}/bao-phu`,
  verify: '/xac-minh-chung-chi',
};

export const stateLabel: Record<string, Text> = { planned: m.planned, running: m.running, finished: m.finished };
export const levelLabel: Record<string, Text> = { basic: m.basic, advanced: m.advanced };

export const asFormErrors = (lang: Lang, errors: readonly FieldError[]): FormError[] => errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));
export const errorOf = (lang: Lang, errors: readonly FieldError[], field: string): string | undefined => {
  const e = errors.filter((x) => x.field === field);
  return e.length > 0 ? e.map((x) => t(lang, x.message)).join(' ') : undefined;
};
export const day = (iso: string): string => formatIsoDay(iso);

export function TrainingNav({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  const links: [string, Text][] = [
    [URLS.home, m.courses],
    [URLS.classes, m.classes],
    [URLS.certificates, m.certificates],
    [URLS.coverage, m.coverage],
  ];
  return (
    <nav aria-label={t(lang, m.home)}>
      <ul class="inline-list">
        {links.map(([href, label]) => (
          <li>
            <a href={href} safe>
              {t(lang, label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Notice({ text }: { text: string | undefined }): JSX.Element {
  return text ? (
    <p class="notice" role="status" safe>
      {text}
    </p>
  ) : (
    <></>
  );
}
