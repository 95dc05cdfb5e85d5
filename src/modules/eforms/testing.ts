// Test fixtures: a complete, valid post (flat fields, as a browser sends them) for each shipped e-form, and a
// clock. Other modules' tests may import this file to submit a real form.
import type { AddressUnit } from './address.ts';

/** 10 March 2026, 10:00 in Hà Nội. */
export const TEST_NOW = new Date('2026-03-10T03:00:00Z');

export const TEST_UNITS: AddressUnit[] = [
  { code: '00004', name: 'Phường Ba Đình' },
  { code: '00070', name: 'Phường Hoàn Kiếm' },
  { code: '00025', name: 'Phường Giảng Võ' },
];

// Personal IDs: 001 = Hà Nội; 4th digit 0/1 = born in the 1900s male/female, 2/3 = 2000s.
export const SAMPLE_POSTS: Record<string, Record<string, string>> = {
  '1.001193': {
    'declarant.fullName': 'Nguyễn Thị Lan',
    'declarant.personalId': '001195012345',
    'declarant.residence.commune': '00070',
    'declarant.residence.street': '12 phố Hàng Bạc',
    'declarant.relationship': 'mother',
    'declarant.phone': '0912 345 678',
    'declarant.email': 'lan@example.vn',
    'child.fullName': 'Trần Minh An',
    'child.sex': 'male',
    'child.birthDate': '2026-02-20',
    'child.birthPlace': 'Bệnh viện Phụ sản Hà Nội',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.hometown': '',
    'mother.fullName': 'Nguyễn Thị Lan',
    'mother.birthYear': '1995',
    'mother.personalId': '001195012345',
    'mother.ethnicity': 'Kinh',
    'mother.nationality': 'Việt Nam',
    'mother.residence.commune': '00070',
    'mother.residence.street': '12 phố Hàng Bạc',
    'father.fullName': 'Trần Văn Bình',
    'father.birthYear': '1993',
    'father.personalId': '001093054321',
    'father.ethnicity': 'Kinh',
    'father.nationality': 'Việt Nam',
    'father.residence': '12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
    extractCopies: '2',
    declaration: 'true',
  },
  '1.000894': {
    'bride.fullName': 'Lê Thu Hà',
    'bride.birthDate': '1998-05-14',
    'bride.ethnicity': 'Kinh',
    'bride.nationality': 'Việt Nam',
    'bride.personalId': '001198011111',
    'bride.residence': '5 ngõ Huế, phường Hai Bà Trưng, Hà Nội',
    'bride.maritalStatus': 'never',
    'bride.marriageNumber': '1',
    'groom.fullName': 'Phạm Quốc Huy',
    'groom.birthDate': '1996-11-02',
    'groom.ethnicity': 'Tày',
    'groom.nationality': 'Việt Nam',
    'groom.personalId': '020096022222',
    'groom.residence': 'Thôn Nà Phìa, xã Hoàng Văn Thụ, tỉnh Lạng Sơn',
    'groom.maritalStatus': 'divorced',
    'groom.marriageNumber': '2',
    'contact.phone': '+84 98 765 4321',
    'contact.email': '',
    declaration: 'on',
  },
  '1.004222': {
    'applicant.fullName': 'Hoàng Văn Nam',
    'applicant.birthDate': '15/08/1990',
    'applicant.sex': 'male',
    'applicant.personalId': '001090033333',
    'applicant.phone': '024 3825 1234',
    'newAddress.commune': '00004',
    'newAddress.street': '8 phố Quán Thánh',
    basis: 'family',
    'household.headFullName': 'Hoàng Văn Sơn',
    'household.headPersonalId': '001060044444',
    'household.relationship': 'child',
    reason: 'Đăng ký thường trú vào hộ gia đình bố đẻ là ông Hoàng Văn Sơn tại chỗ ở hợp pháp do ông Sơn sở hữu.',
    declaration: 'true',
  },
  '3.000347': {
    'applicant.fullName': 'Vũ Thị Mai',
    'applicant.birthDate': '1985-01-30',
    'applicant.personalId': '001185055555',
    'applicant.nationality': 'Việt Nam',
    'applicant.residence.commune': '00025',
    'applicant.residence.street': '3 phố Giảng Võ',
    'applicant.phone': '0387654321',
    'applicant.email': 'mai@example.vn',
    'licence.number': '010123456789',
    'licence.class': 'B',
    'licence.expiryDate': '2026-04-01',
    healthCheckDate: '2026-02-01',
    delivery: 'counter',
    declaration: 'true',
  },
  '2.000815': {
    'applicant.fullName': 'Đỗ Minh Châu',
    'applicant.personalId': '001301066666',
    'applicant.phone': '0703 111 222',
    'document.title': 'Bằng tốt nghiệp đại học',
    'document.issuer': 'Trường Đại học Bách khoa Hà Nội',
    'document.language': 'vi',
    'document.pages': '1',
    'document.copies': '3',
  },
};

/** A copy of the sample post of a form with some fields changed ('' leaves a field blank, undefined removes it). */
export function samplePost(code: string, changes: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> {
  const base = SAMPLE_POSTS[code];
  if (!base) throw new Error(`no sample post for ${code}`);
  const out: Record<string, string | string[]> = { ...base };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** First bytes of real files, for upload tests. */
export const FILE_HEADS = {
  pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  gif: new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00]),
};
