// What the admission pages and mail say, Vietnamese first with English.
import type { Text } from '../../platform/web/i18n.ts';
import type { ApplicationStatus, Level } from './tables.ts';

export const fieldText = {
  codeMissing: { vi: 'Vui lòng nhập mã tuyển sinh.', en: 'Please enter the enrolment code.' },
  codeFormat: { vi: 'Mã tuyển sinh gồm 6–20 chữ cái và chữ số, như trên giấy báo của nhà trường.', en: 'The enrolment code has 6–20 letters and digits, as on the school’s letter.' },
  idMissing: { vi: 'Vui lòng nhập số định danh cá nhân của trẻ.', en: 'Please enter the child’s personal ID number.' },
  idFormat: { vi: 'Số định danh cá nhân gồm đúng 12 chữ số.', en: 'The personal ID number has exactly 12 digits.' },
  schoolMissing: { vi: 'Vui lòng chọn một trường.', en: 'Please choose a school.' },
  emailFormat: { vi: 'Địa chỉ thư điện tử chưa đúng, ví dụ: ten@example.vn.', en: 'The e-mail address is not right, e.g. name@example.vn.' },
  keyFormat: { vi: 'Biểu mẫu đã cũ. Vui lòng tải lại trang.', en: 'The form is out of date. Please reload the page.' },
} satisfies Record<string, Text>;

/** The window's refusals with the instant that matters (giờ Việt Nam). */
export const roundTimes = {
  notOpen: (at: string): Text => ({ vi: `Đợt tuyển sinh này chưa mở. Nhận hồ sơ từ ${at} (giờ Việt Nam).`, en: `This admission round has not opened yet. It opens at ${at} (Vietnam time).` }),
  closed: (at: string): Text => ({ vi: `Đợt tuyển sinh này đã kết thúc lúc ${at} (giờ Việt Nam).`, en: `This admission round closed at ${at} (Vietnam time).` }),
};

export const LEVEL_LABELS: Record<Level, Text> = {
  kindergarten: { vi: 'Mẫu giáo 5 tuổi', en: 'Kindergarten (5-year-olds)' },
  grade1: { vi: 'Lớp 1', en: 'Grade 1' },
  grade6: { vi: 'Lớp 6', en: 'Grade 6' },
};

export const STATUS_LABELS: Record<ApplicationStatus, Text> = {
  active: { vi: 'Đã đăng ký', en: 'Registered' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  admitted: { vi: 'Trúng tuyển', en: 'Admitted' },
  not_admitted: { vi: 'Không trúng tuyển', en: 'Not admitted' },
  confirmed: { vi: 'Đã xác nhận nhập học', en: 'Enrolment confirmed' },
};

export const page = {
  title: { vi: 'Tuyển sinh đầu cấp trực tuyến', en: 'Online school admission' },
  lead: {
    vi: 'Đăng ký vào mẫu giáo 5 tuổi, lớp 1 và lớp 6 tại Hà Nội bằng mã tuyển sinh nhà trường đã cấp và số định danh cá nhân của trẻ.',
    en: 'Apply for the 5-year-olds’ kindergarten class, grade 1 and grade 6 in Hà Nội with the enrolment code the school issued and the child’s personal ID number.',
  },
  roundsHeading: { vi: 'Các đợt tuyển sinh', en: 'Admission rounds' },
  noRounds: { vi: 'Chưa có đợt tuyển sinh nào.', en: 'There are no admission rounds yet.' },
  colRound: { vi: 'Đợt', en: 'Round' },
  colOpens: { vi: 'Mở lúc', en: 'Opens' },
  colCloses: { vi: 'Đóng lúc', en: 'Closes' },
  colState: { vi: 'Trạng thái', en: 'Status' },
  open: { vi: 'Đang mở', en: 'Open now' },
  upcoming: { vi: 'Sắp mở', en: 'Upcoming' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
  times: { vi: 'Giờ Việt Nam (UTC+7). Nhận hồ sơ từ đúng giờ mở đến trước giờ đóng.', en: 'Vietnam time (UTC+7). Applications are taken from the opening time until just before the closing time.' },
  formHeading: { vi: 'Đăng ký cho trẻ', en: 'Apply for a child' },
  code: { vi: 'Mã tuyển sinh', en: 'Enrolment code' },
  codeHint: { vi: 'In trên giấy báo nhà trường gửi, ví dụ L1AB2CD3EF.', en: 'Printed on the school’s letter, e.g. L1AB2CD3EF.' },
  personalId: { vi: 'Số định danh cá nhân của trẻ', en: 'The child’s personal ID number' },
  personalIdHint: { vi: '12 chữ số.', en: '12 digits.' },
  next: { vi: 'Tiếp tục', en: 'Continue' },
  viewHeading: { vi: 'Xem, đổi trường hoặc rút hồ sơ đã đăng ký', en: 'View, change school or withdraw an application' },
  viewLink: { vi: 'Xem hồ sơ đã đăng ký', en: 'View an application' },
  view: { vi: 'Xem hồ sơ', en: 'View application' },
};

export const choose = {
  title: { vi: 'Chọn trường đăng ký', en: 'Choose a school' },
  child: { vi: 'Trẻ', en: 'Child' },
  birth: { vi: 'Ngày sinh', en: 'Date of birth' },
  round: { vi: 'Đợt tuyển sinh', en: 'Admission round' },
  closes: { vi: 'Hạn đăng ký', en: 'Closes' },
  inCatchment: { vi: 'Trường đúng tuyến (trẻ được bảo đảm chỗ học)', en: 'Catchment schools (the child is guaranteed a place)' },
  otherSchools: { vi: 'Trường trái tuyến còn chỉ tiêu', en: 'Other schools with places left' },
  otherHint: { vi: 'Trường trái tuyến xét chỗ còn lại theo nhóm ưu tiên và bốc thăm công khai.', en: 'Schools outside the catchment fill their remaining places by priority group and a public lottery.' },
  other: { vi: 'Trường khác (trái tuyến)', en: 'Another school (outside the catchment)' },
  noneOther: { vi: '— chọn trường —', en: '— choose a school —' },
  places: { vi: 'Chỉ tiêu {places}, còn {left}', en: '{places} places, {left} left' },
  private: { vi: 'tư thục', en: 'private' },
  email: { vi: 'Thư điện tử nhận xác nhận (không bắt buộc)', en: 'E-mail for the confirmation (optional)' },
  submit: { vi: 'Đăng ký', en: 'Apply' },
  change: { vi: 'Đổi sang trường này', en: 'Change to this school' },
  already: { vi: 'Trẻ đã có hồ sơ đăng ký số {no} vào {school}.', en: 'The child already has application {no} for {school}.' },
  back: { vi: 'Quay lại', en: 'Back' },
};

export const confirm = {
  title: { vi: 'ĐÃ ĐĂNG KÝ THÀNH CÔNG', en: 'APPLICATION REGISTERED' },
  lead: { vi: 'Hồ sơ đăng ký tuyển sinh của trẻ đã được ghi nhận.', en: 'The child’s admission application has been recorded.' },
  number: { vi: 'Mã hồ sơ', en: 'Application number' },
  school: { vi: 'Trường', en: 'School' },
  at: { vi: 'Thời điểm đăng ký', en: 'Registered at' },
  keep: { vi: 'Vui lòng ghi lại mã hồ sơ. Có thể xem, đổi trường hoặc rút hồ sơ đến hết thời gian đăng ký.', en: 'Please note the application number. You can view, change school or withdraw until the round closes.' },
  mailed: { vi: 'Xác nhận đã được gửi tới {email}.', en: 'A confirmation was sent to {email}.' },
};

export const view = {
  title: { vi: 'Hồ sơ đăng ký tuyển sinh', en: 'Admission application' },
  status: { vi: 'Trạng thái', en: 'Status' },
  catchment: { vi: 'Tuyến', en: 'Catchment' },
  inCatchment: { vi: 'Đúng tuyến', en: 'In the catchment' },
  outOfCatchment: { vi: 'Trái tuyến', en: 'Outside the catchment' },
  updated: { vi: 'Cập nhật lần cuối', en: 'Last changed' },
  result: { vi: 'Kết quả', en: 'Result' },
  resultPending: { vi: 'Chưa có kết quả. Kết quả được công bố sau khi kết thúc đợt tuyển sinh.', en: 'No result yet. Results are published after the round closes.' },
  appointment: { vi: 'Lịch xác nhận nhập học trực tiếp', en: 'In-person enrolment appointment' },
  none: { vi: 'Trẻ chưa có hồ sơ đăng ký trong đợt này.', en: 'The child has no application in this round.' },
  applyLink: { vi: 'Đăng ký ngay', en: 'Apply now' },
  changeHeading: { vi: 'Đổi trường', en: 'Change school' },
  withdrawHeading: { vi: 'Rút hồ sơ', en: 'Withdraw the application' },
  withdrawLead: { vi: 'Rút hồ sơ thì trẻ không còn đăng ký vào trường nào trong đợt này (có thể đăng ký lại khi đợt còn mở).', en: 'After withdrawing, the child has no application in this round (you may apply again while it is open).' },
  withdrawConfirm: { vi: 'Tôi xác nhận muốn rút hồ sơ này', en: 'I confirm I want to withdraw this application' },
  withdrawMissing: { vi: 'Vui lòng đánh dấu ô xác nhận để rút hồ sơ.', en: 'Please tick the box to confirm the withdrawal.' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  withdrawn: { vi: 'Đã rút hồ sơ.', en: 'The application was withdrawn.' },
  changed: { vi: 'Đã đổi trường.', en: 'The school was changed.' },
  readOnly: { vi: 'Đợt tuyển sinh đã kết thúc: hồ sơ chỉ còn để xem.', en: 'The round has closed: the application can only be viewed.' },
};

export const confirmationMail = {
  subject: (no: string): string => `Xác nhận đăng ký tuyển sinh ${no} / Admission application ${no}`,
  body: (d: { no: string; child: string; birth: string; round: string; roundEn: string; school: string; address: string; at: string; url: string }): string =>
    [
      'ĐÃ ĐĂNG KÝ THÀNH CÔNG',
      '',
      `Mã hồ sơ: ${d.no}`,
      `Trẻ: ${d.child} (sinh ngày ${d.birth})`,
      `Đợt: ${d.round}`,
      `Trường: ${d.school}, ${d.address}`,
      `Thời điểm đăng ký: ${d.at}`,
      '',
      `Xem, đổi trường hoặc rút hồ sơ (cần mã tuyển sinh và số định danh của trẻ): ${d.url}`,
      '',
      '---',
      `Application ${d.no} for ${d.child} in "${d.roundEn}" is registered for ${d.school} at ${d.at} (Vietnam time).`,
      `View, change school or withdraw (with the enrolment code and the child's ID number): ${d.url}`,
    ].join('\n'),
};
