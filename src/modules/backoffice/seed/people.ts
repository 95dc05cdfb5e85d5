// Plausible applicants and officers: Vietnamese names in the proportions of the common family names, 12-digit personal
// identification numbers of the structure the CCCD uses (province of birth registration, century and sex, year of
// birth, six digits: Circular 59/2021/TT-BCA Art. 13; see platform/text/pin.ts), mobile numbers in E.164 and an address
// in the applicant's ward or commune. None of it is a real person's: the names are drawn at random.
import { foldAccents, PIN_PROVINCES } from '../../../platform/text/index.ts';
import type { Applicant } from '../../dossiers/index.ts';
import { Rng, Weighted } from './random.ts';

const FAMILY = new Weighted<string>([
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Phan', 3], ['Vũ', 4], ['Đặng', 2.1],
  ['Bùi', 2], ['Đỗ', 1.8], ['Hồ', 1.1], ['Ngô', 1.3], ['Dương', 1], ['Đinh', 1], ['Đào', 0.8], ['Trịnh', 0.8],
  ['Lý', 0.5], ['Lương', 0.5], ['Mai', 0.5], ['Cao', 0.4], ['Tạ', 0.4], ['Chu', 0.4], ['Kiều', 0.3], ['Vương', 0.3],
  ['Lại', 0.3], ['Tô', 0.3], ['Nghiêm', 0.2], ['Khúc', 0.1], ['Quách', 0.2], ['Doãn', 0.1],
]);

const MIDDLE = {
  male: new Weighted<string>([
    ['Văn', 30], ['Đức', 10], ['Minh', 10], ['Quang', 7], ['Hữu', 5], ['Xuân', 4], ['Thành', 4], ['Đình', 4],
    ['Hoàng', 3], ['Mạnh', 3], ['Ngọc', 3], ['Trọng', 3], ['Công', 3], ['Thế', 3], ['Gia', 3], ['Tuấn', 2], ['Anh', 2],
  ]),
  female: new Weighted<string>([
    ['Thị', 36], ['Ngọc', 8], ['Thu', 6], ['Thanh', 6], ['Minh', 5], ['Hồng', 4], ['Phương', 4], ['Thùy', 4],
    ['Mai', 3], ['Kim', 3], ['Khánh', 3], ['Bích', 2], ['Hải', 2], ['Diệu', 2], ['Quỳnh', 2], ['Bảo', 2],
  ]),
};

const GIVEN = {
  male: [
    'Anh', 'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Nam', 'Hải', 'Long', 'Sơn', 'Thắng', 'Cường', 'Hiếu', 'Huy', 'Khánh', 'Phong',
    'Quân', 'Thành', 'Trung', 'Việt', 'Đạt', 'Bình', 'Hoàng', 'Kiên', 'Lâm', 'Nghĩa', 'Phúc', 'Quang', 'Tài', 'Toàn',
    'Tùng', 'Vinh', 'Hưng', 'Khoa', 'Đức', 'Tiến', 'Thịnh', 'Hiệp', 'Duy', 'Bảo', 'Chiến', 'Công', 'Định', 'Giang',
  ],
  female: [
    'Hoa', 'Lan', 'Hương', 'Mai', 'Linh', 'Trang', 'Hằng', 'Hà', 'Thảo', 'Ngọc', 'Nga', 'Phương', 'Thủy', 'Yến', 'Huyền',
    'Vân', 'Anh', 'Dung', 'Hạnh', 'Nhung', 'Oanh', 'Quyên', 'Tâm', 'Thu', 'Trâm', 'Uyên', 'Vy', 'Chi', 'Giang', 'Hiền',
    'Loan', 'Hồng', 'Ly', 'My', 'Nhi', 'Quỳnh', 'Thư', 'Tuyết', 'Xuân', 'Diệp', 'Thanh', 'Liên', 'Bích',
  ],
};

export type Sex = 'male' | 'female';

export interface Person {
  name: string;
  sex: Sex;
}

export function personName(rng: Rng, sex: Sex = rng.chance(0.5) ? 'male' : 'female'): Person {
  return { name: `${FAMILY.pick(rng)} ${MIDDLE[sex].pick(rng)} ${rng.pick(GIVEN[sex])}`, sex };
}

const OTHER_PROVINCES = Object.keys(PIN_PROVINCES).filter((c) => c !== '001');

/** Most applicants in Hà Nội were registered at birth in Hà Nội (001); the others came from every province. */
export function personalId(rng: Rng, sex: Sex, birthYear: number): string {
  const province = rng.chance(0.62) ? '001' : rng.pick(OTHER_PROVINCES);
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  const yy = String(birthYear % 100).padStart(2, '0');
  return `${province}${century}${yy}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}

const MOBILE_PREFIXES = ['86', '96', '97', '98', '32', '33', '34', '35', '36', '37', '38', '39', '88', '91', '94', '81', '82', '83', '84', '85', '89', '90', '93', '70', '76', '77', '78', '79'];

export function mobile(rng: Rng): string {
  return `+84${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

const VILLAGES = ['Đông', 'Đoài', 'Thượng', 'Hạ', 'Trung', 'Nam', 'Bắc', 'Phú Mỹ', 'An Lạc', 'Yên Nội', 'Đại Đồng', 'Tân Phong', 'Phú Thọ', 'Văn Minh', 'Hòa Bình', 'Cổ Điển'];

/** An address in the unit ('Phường Hoàn Kiếm', 'Xã Hương Sơn'). */
export function addressIn(rng: Rng, unitName: string): string {
  if (unitName.startsWith('Xã')) return `Thôn ${rng.pick(VILLAGES)}, ${unitName}, Thành phố Hà Nội`;
  const lane = rng.chance(0.6) ? `ngõ ${rng.int(1, 250)}, ` : '';
  return `Số ${rng.int(1, 180)}, ${lane}tổ dân phố ${rng.int(1, 40)}, ${unitName}, Thành phố Hà Nội`;
}

/** Citizens' e-mail addresses in the reserved example.com domain: nothing seeded can reach a real mailbox. */
function email(rng: Rng, name: string, birthYear: number): string {
  const parts = foldAccents(name).toLowerCase().split(' ');
  const given = parts[parts.length - 1] ?? 'congdan';
  return `${given}.${parts[0] ?? 'nguyen'}${String(birthYear % 100).padStart(2, '0')}${rng.int(1, 99)}@example.com`;
}

export function applicant(rng: Rng, unitName: string): Applicant {
  const person = personName(rng);
  const birthYear = rng.int(1950, 2006);
  return {
    name: person.name,
    personal_id: personalId(rng, person.sex, birthYear),
    phone: rng.chance(0.93) ? mobile(rng) : null,
    email: rng.chance(0.35) ? email(rng, person.name, birthYear) : null,
    address: addressIn(rng, unitName),
  };
}
