// Why a fare table is refused: one message per kind of problem, in Vietnamese and English, with the file and line.
import type { Text } from '../../../platform/web/i18n.ts';

export interface Problem {
  file: string;
  line: number;
  text: Text;
}

const M = {
  missingFile: { vi: 'Thiếu tệp {file}.', en: 'The file {file} is missing.' },
  missingColumn: { vi: 'Thiếu cột {column}.', en: 'The column {column} is missing.' },
  required: { vi: 'Cột {column} không được để trống.', en: 'The column {column} must not be empty.' },
  notNumber: { vi: 'Cột {column} phải là số không âm (đang là "{value}").', en: 'The column {column} must be a non-negative number (it is "{value}").' },
  notInt: { vi: 'Cột {column} phải là số nguyên từ {min} trở lên (đang là "{value}").', en: 'The column {column} must be a whole number of at least {min} (it is "{value}").' },
  badDate: { vi: 'Cột {column} phải là ngày có thật dạng YYYYMMDD (đang là "{value}").', en: 'The column {column} must be a real date as YYYYMMDD (it is "{value}").' },
  badTime: { vi: 'Cột {column} phải là giờ dạng HH:MM:SS (đang là "{value}").', en: 'The column {column} must be a time as HH:MM:SS (it is "{value}").' },
  badEnum: { vi: 'Cột {column} chỉ nhận {values} (đang là "{value}").', en: 'The column {column} accepts only {values} (it is "{value}").' },
  duplicate: { vi: 'Mã {id} bị trùng (đã có ở dòng {other}).', en: 'The id {id} is repeated (already on line {other}).' },
  unknownRef: { vi: 'Cột {column} tham chiếu "{value}" không có trong {target}.', en: 'The column {column} refers to "{value}", which is not in {target}.' },
  endBeforeStart: { vi: 'Ngày kết thúc {end} trước ngày bắt đầu {start}.', en: 'The end date {end} is before the start date {start}.' },
  bandEmpty: { vi: 'Khoảng {column} rỗng: giá trị tối thiểu phải nhỏ hơn tối đa.', en: 'The {column} band is empty: the minimum must be below the maximum.' },
  noTerms: { vi: 'Quy tắc {id} chưa có dòng trong x_leg_rule_terms.txt (ngày hiệu lực).', en: 'Rule {id} has no row in x_leg_rule_terms.txt (effective dates).' },
  overlap: {
    vi: 'Quy tắc {id} chồng lấn quy tắc {other} (cùng mạng, vùng, khung giờ, phương tiện, đối tượng, khoảng cách và thời gian hiệu lực giao nhau).',
    en: 'Rule {id} overlaps rule {other} (same network, areas, timeframes, medium, rider category and distance band, with overlapping effective dates).',
  },
  percent: { vi: 'Tỷ lệ miễn giảm phải từ 0 đến 100 (đang là {value}).', en: 'The discount must be between 0 and 100 (it is {value}).' },
  maxFareProduct: { vi: 'Cách tính max_fare cần fare_product_id.', en: 'The max_fare mode needs a fare_product_id.' },
  badSetting: { vi: 'Giá trị {value} không hợp lệ cho {column}.', en: 'The value {value} is not valid for {column}.' },
  noDefaultCategory: { vi: 'Cần đúng một đối tượng mặc định (is_default_fare_category = 1).', en: 'Exactly one default rider category (is_default_fare_category = 1) is needed.' },
} as const satisfies Record<string, Text>;

export type ProblemKind = keyof typeof M;

export function problem(file: string, line: number, kind: ProblemKind, vars: Record<string, string | number> = {}): Problem {
  const fill = (s: string): string => Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
  return { file, line, text: { vi: fill(M[kind].vi), en: fill(M[kind].en) } };
}
