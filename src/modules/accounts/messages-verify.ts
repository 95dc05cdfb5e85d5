// Texts of the one-time codes (the messages that carry them, the pages that ask for them) and of the notices to the
// owner of details someone tried to register with. SMS text is written with accents and sent without (smsText).

/** What the code is for, as the message names it. */
export const codePurpose = {
  register: { vi: 'đăng ký tài khoản', en: 'registering your account' },
  contact: { vi: 'xác minh liên hệ', en: 'verifying your contact' },
  reset: { vi: 'đặt lại mật khẩu', en: 'resetting your password' },
} as const;

export const codeMessage = {
  sms: 'Cổng DVC Hà Nội: mã {purpose} của bạn là {code}, hiệu lực {minutes} phút. Không đưa mã này cho bất kỳ ai.',
  subject: { vi: 'Mã xác minh Cổng Dịch vụ công Hà Nội', en: 'Your Hà Nội Public Service Portal code' },
  body: {
    vi: 'Mã {purpose} của bạn là: {code}\n\nMã có hiệu lực {minutes} phút. Không đưa mã này cho bất kỳ ai, kể cả người tự xưng là cán bộ.\n\nNếu bạn không yêu cầu mã này, hãy bỏ qua thư; không có gì thay đổi.',
    en: 'Your code for {purpose} is: {code}\n\nIt is valid for {minutes} minutes. Never give it to anyone, even someone who says they are an official.\n\nIf you did not ask for it, ignore this e-mail; nothing has changed.',
  },
} as const;

/** The detail someone typed that belongs to an existing account. */
export const ownedDetail = {
  personal_id: { vi: 'số định danh cá nhân', en: 'personal identification number' },
  phone: { vi: 'số điện thoại', en: 'phone number' },
  email: { vi: 'địa chỉ thư điện tử', en: 'e-mail address' },
} as const;

/** To the owner of an existing account whose details someone used to register (the page said "code sent" either way). */
export const ownerNotice = {
  sms: 'Cổng DVC Hà Nội: có người vừa dùng {what} của bạn để đăng ký tài khoản mới, không tài khoản nào được tạo. Bạn đã có tài khoản; nếu đó là bạn, hãy đăng nhập hoặc lấy lại mật khẩu tại {url}',
  subject: { vi: 'Có người đăng ký bằng thông tin của bạn', en: 'Someone tried to register with your details' },
  body: {
    vi: 'Kính gửi {name},\n\nCó người vừa dùng {what} của bạn để đăng ký một tài khoản mới trên Cổng Dịch vụ công Hà Nội. Không có tài khoản mới nào được tạo.\n\nBạn đã có tài khoản (tên đăng nhập {username}). Nếu đó là bạn, hãy đăng nhập, hoặc lấy lại mật khẩu tại {url}.\n\nNếu không phải bạn, bạn không cần làm gì. Nếu điều này lặp lại, hãy báo cho Bộ phận Một cửa.',
    en: 'Dear {name},\n\nSomeone has just used your {what} to register a new account on the Hà Nội Public Service Portal. No new account was created.\n\nYou already have an account (username {username}). If this was you, sign in, or get a new password at {url}.\n\nIf it was not you, there is nothing to do. If it happens again, tell the one-stop desk.',
  },
} as const;

/** To the contact typed in a registration that cannot go ahead because another detail belongs to an existing account. */
export const cannotRegister = {
  sms: 'Cổng DVC Hà Nội: chưa thể đăng ký vì thông tin đã nhập thuộc về một tài khoản đã có. Nếu bạn đã có tài khoản, hãy đăng nhập hoặc lấy lại mật khẩu tại {url}',
  subject: { vi: 'Chưa thể hoàn tất đăng ký', en: 'Your registration could not be completed' },
  body: {
    vi: 'Chúng tôi chưa thể đăng ký tài khoản vì thông tin đã nhập thuộc về một tài khoản đã có.\n\nNếu bạn đã có tài khoản, hãy đăng nhập, hoặc lấy lại mật khẩu tại {url}. Nếu bạn chưa từng đăng ký, hãy liên hệ Bộ phận Một cửa mang theo thẻ căn cước.',
    en: 'We could not register the account because the details entered belong to an existing account.\n\nIf you already have an account, sign in, or get a new password at {url}. If you never registered, contact the one-stop desk with your identity card.',
  },
} as const;

export const codePage = {
  title: { vi: 'Nhập mã xác minh', en: 'Enter the code' },
  sentTo: { vi: 'Chúng tôi đã gửi mã 6 chữ số đến {destination}. Mã có hiệu lực {minutes} phút.', en: 'We have sent a 6-digit code to {destination}. It is valid for {minutes} minutes.' },
  code: { vi: 'Mã xác minh', en: 'Code' },
  codeHint: { vi: '6 chữ số trong tin nhắn hoặc thư điện tử.', en: 'The 6 digits in the text message or e-mail.' },
  codeFormat: { vi: 'Nhập đúng 6 chữ số của mã.', en: 'Enter the 6 digits of the code.' },
  finish: { vi: 'Xác minh và tạo tài khoản', en: 'Verify and create the account' },
  resend: { vi: 'Gửi lại mã', en: 'Send the code again' },
  resendLead: { vi: 'Chưa nhận được mã sau một phút?', en: 'No code after a minute?' },
  resent: { vi: 'Đã gửi mã mới đến {destination}. Mã cũ không còn dùng được.', en: 'A new code has been sent to {destination}. The previous code no longer works.' },
  startOver: { vi: 'Nhập sai số điện thoại hoặc thư điện tử? Đăng ký lại', en: 'Wrong phone number or e-mail? Start again' },
  registered: {
    vi: 'Đăng ký thành công. {contact} đã được xác minh, bạn có thể nộp hồ sơ trực tuyến.',
    en: 'You are registered. {contact} is verified: you can submit applications online.',
  },
} as const;

export const consentText = {
  legend: { vi: 'Bảo vệ dữ liệu cá nhân', en: 'Personal data protection' },
  lead: {
    vi: 'Theo Nghị định 13/2023/NĐ-CP, Cổng cần sự đồng ý của bạn để xử lý dữ liệu cá nhân khi tạo và dùng tài khoản.',
    en: 'Under Decree 13/2023/NĐ-CP, the portal needs your consent to process your personal data for your account.',
  },
  read: { vi: 'Đọc Chính sách bảo vệ dữ liệu cá nhân (phiên bản {version})', en: 'Read the privacy notice (version {version})' },
  label: {
    vi: 'Tôi đã đọc Chính sách bảo vệ dữ liệu cá nhân và đồng ý để dữ liệu cá nhân của tôi được xử lý cho các mục đích nêu trong đó.',
    en: 'I have read the privacy notice and consent to the processing of my personal data for the purposes it states.',
  },
  required: {
    vi: 'Đánh dấu đồng ý với Chính sách bảo vệ dữ liệu cá nhân để đăng ký tài khoản.',
    en: 'Tick the box to consent to the privacy notice: an account cannot be registered without it.',
  },
  phoneNotMobile: {
    vi: 'Số này không nhận được tin nhắn chứa mã (số cố định). Nhập số di động, hoặc thêm địa chỉ thư điện tử để nhận mã.',
    en: 'This number cannot receive the code by text message (a landline). Enter a mobile number, or add an e-mail address for the code.',
  },
} as const;

export const verifyPage = {
  title: { vi: 'Xác minh liên hệ', en: 'Verify your contacts' },
  lead: {
    vi: 'Số điện thoại hoặc thư điện tử đã xác minh dùng để nhận thông báo về hồ sơ và lấy lại mật khẩu. Cần ít nhất một liên hệ đã xác minh để nộp hồ sơ trực tuyến.',
    en: 'A verified phone number or e-mail receives the notices about your dossiers and password resets. At least one verified contact is needed to submit online.',
  },
  verifiedAt: { vi: 'Đã xác minh ({at})', en: 'Verified ({at})' },
  notVerified: { vi: 'Chưa xác minh', en: 'Not verified' },
  send: { vi: 'Gửi mã đến {destination}', en: 'Send a code to {destination}' },
  finish: { vi: 'Xác minh', en: 'Verify' },
  done: { vi: 'Đã xác minh {contact}.', en: '{contact} is verified.' },
  noContact: { vi: 'Chưa có số điện thoại hoặc thư điện tử. Thêm tại trang Tài khoản.', en: 'No phone number or e-mail yet. Add one on your account page.' },
  notMobile: { vi: 'Số cố định không nhận được tin nhắn chứa mã.', en: 'A landline cannot receive the code by text message.' },
  link: { vi: 'Xác minh số điện thoại hoặc thư điện tử', en: 'Verify your phone number or e-mail' },
} as const;

export const resetCode = {
  heading: { vi: 'Nhận được mã qua tin nhắn?', en: 'Got a code by text message?' },
  lead: { vi: 'Nhập mã 6 chữ số và chọn mật khẩu mới. Mọi phiên đăng nhập của tài khoản sẽ kết thúc.', en: 'Enter the 6-digit code and choose a new password. Every session of the account will end.' },
  submit: { vi: 'Đặt mật khẩu mới', en: 'Set the new password' },
} as const;
