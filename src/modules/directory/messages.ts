// Texts of the staff directory: field labels (also naming fields in errors) and the field errors.
import type { Text } from '../../platform/web/i18n.ts';

export const FIELDS = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  position: { vi: 'Chức vụ', en: 'Position' },
  department: { vi: 'Phòng ban, đơn vị', en: 'Department' },
  email: { vi: 'Thư điện tử công vụ', en: 'Official e-mail' },
  officePhone: { vi: 'Điện thoại cơ quan', en: 'Office phone' },
  mobile: { vi: 'Điện thoại di động (không công khai)', en: 'Mobile (never published)' },
  sortOrder: { vi: 'Thứ tự hiển thị', en: 'Display order' },
  public: { vi: 'Công khai trên trang của cơ quan', en: 'Published on the agency’s page' },
  accountId: { vi: 'Mã tài khoản cán bộ liên kết', en: 'Linked staff account (number)' },
} as const;

export const fieldErrors = {
  missing: (n: Text): Text => ({ vi: `${n.vi} là bắt buộc.`, en: `${n.en} is required.` }),
  tooLong: (n: Text, max: number): Text => ({
    vi: `${n.vi} không được dài quá ${max} ký tự.`,
    en: `${n.en} must be at most ${max} characters long.`,
  }),
  tooShort: (n: Text, min: number): Text => ({
    vi: `${n.vi} phải có ít nhất ${min} ký tự.`,
    en: `${n.en} must be at least ${min} characters long.`,
  }),
  name: (n: Text): Text => ({
    vi: `${n.vi} chỉ gồm chữ cái, dấu cách, dấu chấm, gạch nối hoặc nháy đơn.`,
    en: `${n.en} may hold only letters, spaces, full stops, hyphens and apostrophes.`,
  }),
  emailFormat: (n: Text): Text => ({
    vi: `${n.vi} không đúng dạng địa chỉ thư, ví dụ nva@hanoi.gov.vn.`,
    en: `${n.en} is not an e-mail address, e.g. nva@hanoi.gov.vn.`,
  }),
  emailDomain: (n: Text, domain: string): Text => ({
    vi: `${n.vi} phải là địa chỉ thư công vụ thuộc tên miền ${domain} (hoặc tên miền con của nó), ví dụ nva@${domain}.`,
    en: `${n.en} must be an official address in the domain ${domain} (or a subdomain of it), e.g. nva@${domain}.`,
  }),
  emailTaken: (n: Text): Text => ({
    vi: `${n.vi}: địa chỉ này đã có trong danh bạ.`,
    en: `${n.en}: this address is already in the directory.`,
  }),
  phone: (n: Text): Text => ({
    vi: `${n.vi} không đúng dạng số điện thoại Việt Nam, ví dụ 024 3825 3536, +84 24 3825 3536 hoặc 024 3825 3536 máy lẻ 12.`,
    en: `${n.en} is not a Vietnamese phone number, e.g. 024 3825 3536, +84 24 3825 3536 or 024 3825 3536 ext 12.`,
  }),
  mobile: (n: Text): Text => ({
    vi: `${n.vi} không đúng dạng số di động Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.`,
    en: `${n.en} is not a Vietnamese mobile number, e.g. 0912 345 678 or +84 912 345 678.`,
  }),
  sortOrder: (n: Text): Text => ({ vi: `${n.vi} phải là số nguyên từ 0 đến 9999.`, en: `${n.en} must be a whole number from 0 to 9999.` }),
  account: (n: Text): Text => ({
    vi: `${n.vi}: không có tài khoản cán bộ của cơ quan này mang số này.`,
    en: `${n.en}: there is no staff account of this agency with this number.`,
  }),
  accountTaken: (n: Text): Text => ({
    vi: `${n.vi}: tài khoản này đã được liên kết với một mục khác trong danh bạ.`,
    en: `${n.en}: this account is already linked to another entry.`,
  }),
};
