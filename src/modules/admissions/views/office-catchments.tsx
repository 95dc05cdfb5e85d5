// /quan-ly/tuyen-sinh/so/tuyen: the education office edits a school's catchment (tuyến) for a school year. A GET form
// picks the year and the school; the list is one line per unit ("00070" or "00070 | Tổ dân phố 1–7"); after saving,
// the page shows back what the database now holds.
import type { FastifyRequest } from 'fastify';
import { t, type Text } from '../../../platform/web/i18n.ts';
import { CsrfField, ErrorSummary, Field, Page, SelectField, TextAreaField } from '../../../platform/web/layout.tsx';
import type { CatchmentArea } from '../catchments.ts';
import type { Round } from '../repo.ts';
import { OfficeNav, OFFICE } from './office-parts.tsx';

export interface CatchmentState {
  rounds: Round[];
  years: { code: string; name: string }[];
  year: string;
  school: string;
  schoolName: string | null;
  areas: Required<CatchmentArea>[] | null;
  text: string;
  saved: boolean;
  error: Text | null;
}

const c = {
  title: { vi: 'Tuyến tuyển sinh của trường', en: 'A school’s catchment' },
  year: { vi: 'Năm học', en: 'School year' },
  school: { vi: 'Mã trường', en: 'School code' },
  schoolHint: { vi: 'Ví dụ: TH00070A', en: 'For example: TH00070A' },
  show: { vi: 'Xem tuyến', en: 'Show the catchment' },
  list: { vi: 'Các địa bàn thuộc tuyến', en: 'Areas in the catchment' },
  listHint: {
    vi: 'Mỗi dòng một mã đơn vị hành chính (5 chữ số); một phần của đơn vị: thêm dấu | và tên phần, ví dụ 00070 | Tổ dân phố 1–7. Để trống: trường không có tuyến.',
    en: 'One unit code (5 digits) per line; part of a unit: add | and the part, e.g. 00070 | Tổ dân phố 1–7. Empty: the school has no catchment.',
  },
  save: { vi: 'Lưu tuyến', en: 'Save the catchment' },
  saved: { vi: 'Đã lưu. Tuyến hiện tại của trường:', en: 'Saved. The school’s catchment now:' },
  current: { vi: 'Tuyến hiện tại', en: 'Current catchment' },
  unit: { vi: 'Mã đơn vị', en: 'Unit code' },
  area: { vi: 'Phần địa bàn', en: 'Part of the unit' },
  whole: { vi: 'Toàn bộ đơn vị', en: 'The whole unit' },
  none: { vi: 'Trường chưa có tuyến trong năm học này.', en: 'The school has no catchment in this school year.' },
} satisfies Record<string, Text>;

export function OfficeCatchmentsPage({ req, s }: { req: FastifyRequest; s: CatchmentState }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={c.title}>
      <h1 safe>{t(lang, c.title)}</h1>
      <OfficeNav lang={lang} rounds={s.rounds} />
      <ErrorSummary lang={lang} errors={s.error ? [{ field: 'areas', message: t(lang, s.error) }] : []} />
      <form method="get" action={`${OFFICE}/tuyen`}>
        <SelectField id="year" label={t(lang, c.year)} value={s.year} options={s.years.map((y) => ({ value: y.code, label: y.name }))} />
        <Field id="school" label={t(lang, c.school)} hint={t(lang, c.schoolHint)} value={s.school} autocomplete="off" />
        <button type="submit" safe>
          {t(lang, c.show)}
        </button>
      </form>
      {s.areas && s.schoolName ? (
        <>
          <h2 safe>{`${s.schoolName} (${s.school}) – ${s.year}`}</h2>
          {s.saved ? (
            <p class="notice" role="status" safe>
              {t(lang, c.saved)}
            </p>
          ) : (
            ''
          )}
          {s.areas.length === 0 ? (
            <p safe>{t(lang, c.none)}</p>
          ) : (
            <table class="cards-on-phone" id="tuyen-hien-tai">
              <caption safe>{t(lang, c.current)}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t(lang, c.unit)}
                  </th>
                  <th scope="col" safe>
                    {t(lang, c.area)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.areas.map((a) => (
                  <tr>
                    <th scope="row" safe>
                      {a.unitCode}
                    </th>
                    <td data-label={t(lang, c.area)} safe>
                      {a.area || t(lang, c.whole)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form method="post" action={`${OFFICE}/tuyen`}>
            <CsrfField req={req} />
            <input type="hidden" name="year" value={s.year} />
            <input type="hidden" name="school" value={s.school} />
            <TextAreaField id="areas" label={t(lang, c.list)} hint={t(lang, c.listHint)} value={s.text} rows={8} error={s.error ? t(lang, s.error) : undefined} />
            <button type="submit" safe>
              {t(lang, c.save)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}

/** The textarea's lines as areas, or null when a line is not "<5 digits>" or "<5 digits> | <part>". */
export function parseAreas(text: string): CatchmentArea[] | null {
  const out: CatchmentArea[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{5})\s*(?:\|\s*(.{1,120}))?$/.exec(line);
    if (!m) return null;
    out.push({ unitCode: m[1] as string, area: (m[2] ?? '').trim() });
  }
  return out;
}

export const areasText = (areas: readonly Required<CatchmentArea>[]): string => areas.map((a) => (a.area ? `${a.unitCode} | ${a.area}` : a.unitCode)).join('\n');
