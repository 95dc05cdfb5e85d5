// What the education office's pages share: their address, their words (Vietnamese first, English) and the menu.
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import type { Round } from '../repo.ts';

export const OFFICE = '/quan-ly/tuyen-sinh/so';
export const PUBLIC_RESULTS = '/tuyen-sinh/ket-qua';

export const o = {
  dashboardTitle: { vi: 'Tuyển sinh đầu cấp: số liệu trực tiếp', en: 'School admission: live figures' },
  rounds: { vi: 'Đợt tuyển sinh', en: 'Admission rounds' },
  catchmentsLink: { vi: 'Sửa tuyến tuyển sinh', en: 'Edit catchments' },
  resultsLink: { vi: 'Bốc thăm và kết quả', en: 'Draw and results' },
  countsAt: { vi: 'Số liệu lúc', en: 'Figures as of' },
  countsNote: { vi: '(được làm mới sau mỗi 5 giây).', en: '(refreshed every 5 seconds).' },
  refresh: { vi: 'Làm mới', en: 'Refresh' },
  places: { vi: 'Chỉ tiêu', en: 'Places' },
  placesWord: { vi: 'chỉ tiêu', en: 'places' },
  applications: { vi: 'Hồ sơ đăng ký', en: 'Applications' },
  inCatchment: { vi: 'Đúng tuyến', en: 'In catchment' },
  outOfCatchment: { vi: 'Trái tuyến', en: 'Out of catchment' },
  catchment: { vi: 'Tuyến', en: 'Catchment' },
  oversubscribed: { vi: 'Vượt chỉ tiêu', en: 'Oversubscribed' },
  oversubscribedSchools: { vi: 'Trường vượt chỉ tiêu', en: 'Oversubscribed schools' },
  ward: { vi: 'Phường, xã', en: 'Ward/commune' },
  school: { vi: 'Trường', en: 'School' },
  byWard: { vi: 'Hồ sơ theo phường, xã', en: 'Applications by ward' },
  wardChart: { vi: 'Hồ sơ và chỉ tiêu của {n} phường, xã nhiều hồ sơ nhất', en: 'Applications and places of the {n} wards with most applications' },
  catchmentChart: { vi: 'Hồ sơ đúng tuyến và trái tuyến, toàn thành phố', en: 'Applications in and out of catchment, city-wide' },
  schoolsOfWard: { vi: 'Các trường của {ward}', en: 'Schools of {ward}' },
  mostDemanded: { vi: '30 trường có tỉ lệ hồ sơ trên chỉ tiêu cao nhất', en: 'The 30 schools with most applications per place' },
  backToCity: { vi: 'Xem toàn thành phố', en: 'Back to the whole city' },
  downloads: { vi: 'Tải xuống', en: 'Downloads' },
  csv: { vi: 'Hồ sơ theo trường (CSV)', en: 'Applications by school (CSV)' },
  xlsx: { vi: 'Hồ sơ theo trường và theo phường, xã (Excel)', en: 'Applications by school and by ward (Excel)' },
  noRounds: { vi: 'Chưa có đợt tuyển sinh nào.', en: 'There are no admission rounds yet.' },
} satisfies Record<string, Text>;

export function OfficeNav({ lang, rounds, current }: { lang: Lang; rounds: Round[]; current?: number }): JSX.Element {
  return (
    <nav aria-label={t(lang, o.rounds)}>
      <ul class="inline-list">
        {rounds.map((r) => (
          <li>
            {r.id === current ? (
              <strong aria-current="page" safe>
                {lang === 'vi' ? r.name : r.nameEn}
              </strong>
            ) : (
              <a href={`${OFFICE}?round=${r.id}`} safe>
                {lang === 'vi' ? r.name : r.nameEn}
              </a>
            )}
          </li>
        ))}
        <li>
          <a href={`${OFFICE}/tuyen`} safe>
            {t(lang, o.catchmentsLink)}
          </a>
        </li>
        {current ? (
          <li>
            <a href={`${OFFICE}/${current}/ket-qua`} safe>
              {t(lang, o.resultsLink)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}
