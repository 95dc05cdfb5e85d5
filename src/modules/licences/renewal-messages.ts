// The words of the online renewal (procedure 3.000347), in Vietnamese and English (one source for each).
const t = (vi: string, en: string) => ({ vi, en });

export const r = {
  pickHint: t(
    'Các giấy phép lái xe còn hiệu lực của bạn trong cơ sở dữ liệu. Chọn giấy phép cần đổi; mỗi lựa chọn ghi hạng được đổi sang, có cần giấy khám sức khỏe và có phải sát hạch lại không.',
    'Your driving licences in force in the registry. Pick the one to renew; each choice says the class it renews into, whether a medical certificate is needed and whether a test must be taken again.',
  ),
  classOf: t('hạng {c}', 'class {c}'),
  oldClass: t('hạng cũ', 'old class'),
  validUntil: t('có giá trị đến {d}', 'valid until {d}'),
  noExpiry: t('không thời hạn', 'no expiry'),
  cannot: t('Không đổi được:', 'Cannot be renewed:'),
  renewsInto: t('đổi sang hạng {c}', 'renews into class {c}'),
  healthNeeded: t('cần giấy khám sức khỏe', 'a medical certificate is needed'),
  healthNotNeeded: t('không cần giấy khám sức khỏe', 'no medical certificate needed'),
  testNone: t('không phải sát hạch lại', 'no test'),
  testTheory: t('hết hạn dưới 1 năm: phải sát hạch lại lý thuyết', 'expired less than a year ago: the theory test again'),
  testFull: t('hết hạn từ 1 năm trở lên: phải sát hạch lại lý thuyết và thực hành', 'expired a year or more ago: the theory and practical tests again'),
  notYours: t(
    'Số giấy phép lái xe: giấy phép này không phải của người đề nghị hoặc không còn hiệu lực trong cơ sở dữ liệu.',
    'Driving licence number: this licence is not the applicant’s or is no longer in force in the registry.',
  ),
  // Circular 12/2025/TT-BCA Art. 21 (TRANSPORT.md §4): only a licence in the registry is renewed online.
  notInRegistry: t(
    'Giấy phép lái xe số {n} không có trong cơ sở dữ liệu giấy phép lái xe; không thể đổi trực tuyến. Vui lòng liên hệ cơ quan Công an.',
    'Driving licence number {n} is not in the driving licence registry; it cannot be renewed online. Please contact the Police.',
  ),
  noneHeld: t(
    'Cơ sở dữ liệu giấy phép lái xe không có giấy phép nào còn hiệu lực mang số định danh cá nhân của bạn. Chỉ giấy phép có trong cơ sở dữ liệu mới đổi trực tuyến được; vui lòng liên hệ cơ quan Công an.',
    'The driving licence registry holds no licence in force under your personal identification number. Only a licence in the registry can be renewed online; please contact the Police.',
  ),
  pinNotHolder: t('Số định danh cá nhân: phải là số của người có giấy phép lái xe.', 'Personal identification number: must be the licence holder’s.'),
  healthRequired: t('Ngày cấp giấy khám sức khỏe: cần cho hạng được đổi sang.', 'Date of the medical certificate: needed for the class renewed into.'),
  healthOld: t('Ngày cấp giấy khám sức khỏe: giấy khám chỉ có giá trị 12 tháng.', 'Date of the medical certificate: a certificate is valid for 12 months only.'),
  eLicence: t('Giấy phép lái xe điện tử đã cấp', 'Your new e-licence'),
  eLicenceIntro: t('Giấy phép lái xe mới đã được cấp. Người kiểm tra quét mã QR để xem hiệu lực và hạng.', 'The new licence is issued. Anyone checking it scans the QR code to see its validity and class.'),
  noticeSubject: t('Giấy phép lái xe {n} hết hạn ngày {d}', 'Driving licence {n} expires on {d}'),
};
