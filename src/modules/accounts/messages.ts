// Texts of the account pages and their errors, Vietnamese first. Pages of the administration are in
// messages-admin.ts.

/** Field errors. */
export const invalid = {
  nameRequired: { vi: 'Nhập họ và tên.', en: 'Enter your full name.' },
  nameTooLong: { vi: 'Họ và tên dài tối đa 150 ký tự.', en: 'The full name must be 150 characters or fewer.' },
  personalIdRequired: { vi: 'Nhập số định danh cá nhân (12 chữ số trên thẻ căn cước).', en: 'Enter your personal identification number (the 12 digits on your ID card).' },
  personalIdTaken: { vi: 'Số định danh cá nhân này đã được đăng ký tài khoản.', en: 'An account is already registered with this personal identification number.' },
  phoneInvalid: {
    vi: 'Số điện thoại không hợp lệ. Nhập số Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.',
    en: 'The phone number is not valid. Enter a Vietnamese number such as 0912 345 678 or +84 912 345 678.',
  },
  phoneTaken: { vi: 'Số điện thoại này đã được dùng cho một tài khoản khác.', en: 'This phone number is already used by another account.' },
  emailInvalid: { vi: 'Địa chỉ thư điện tử không hợp lệ, ví dụ ten@vidu.vn.', en: 'The e-mail address is not valid, for example name@example.vn.' },
  passwordForContacts: {
    vi: 'Nhập mật khẩu hiện tại để đổi số điện thoại hoặc thư điện tử.',
    en: 'Enter your current password to change the phone number or e-mail.',
  },
  emailTaken: { vi: 'Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.', en: 'This e-mail address is already used by another account.' },
  contactRequired: {
    vi: 'Nhập số điện thoại hoặc địa chỉ thư điện tử (ít nhất một trong hai).',
    en: 'Enter a phone number or an e-mail address (at least one of them).',
  },
  passwordRequired: { vi: 'Nhập mật khẩu.', en: 'Enter the password.' },
  passwordWeak: {
    vi: 'Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ cái và chữ số.',
    en: 'The password must be at least 8 characters long and contain both letters and digits.',
  },
  passwordMismatch: { vi: 'Mật khẩu nhập lại không khớp.', en: 'The passwords do not match.' },
  identifierRequired: { vi: 'Nhập tên đăng nhập, số điện thoại hoặc thư điện tử.', en: 'Enter your username, phone number or e-mail address.' },
  usernameRequired: { vi: 'Nhập tên đăng nhập.', en: 'Enter a username.' },
  usernameInvalid: {
    vi: 'Tên đăng nhập gồm 3–64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
    en: 'A username has 3–64 characters: unaccented letters, digits, dots, dashes or underscores.',
  },
  usernameTaken: { vi: 'Tên đăng nhập này đã có người dùng.', en: 'This username is already taken.' },
  rolesRequired: { vi: 'Chọn ít nhất một vai trò.', en: 'Choose at least one role.' },
  roleUnknown: { vi: 'Vai trò không tồn tại', en: 'Unknown role' },
  agencyUnknown: { vi: 'Chọn một cơ quan có trong danh sách.', en: 'Choose an agency from the list.' },
  codeRequired: { vi: 'Nhập mã xác thực 6 chữ số.', en: 'Enter the 6-digit code.' },
} as const;

export const resetMail = {
  subject: { vi: 'Đặt lại mật khẩu Cổng Dịch vụ công Hà Nội', en: 'Reset your Hà Nội Public Service Portal password' },
  body: {
    vi: 'Kính gửi {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản {username}. Để đặt mật khẩu mới, mở liên kết sau (dùng được một lần, trong vòng 1 giờ):\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.',
    en: 'Dear {name},\n\nSomeone asked to reset the password of the account {username}. To choose a new password, open this link (it works once, within 1 hour):\n\n{link}\n\nIf you did not ask for this, ignore this e-mail; your password has not changed.',
  },
} as const;

export const common = {
  password: { vi: 'Mật khẩu', en: 'Password' },
  passwordConfirm: { vi: 'Nhập lại mật khẩu', en: 'Confirm the password' },
  passwordHint: { vi: 'Ít nhất 8 ký tự, gồm cả chữ cái và chữ số.', en: 'At least 8 characters, with letters and digits.' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  none: { vi: '(chưa có)', en: '(none)' },
} as const;

export const signInPage = {
  title: { vi: 'Đăng nhập', en: 'Sign in' },
  identifier: { vi: 'Tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử', en: 'Username, personal ID number, phone or e-mail' },
  submit: { vi: 'Đăng nhập', en: 'Sign in' },
  forgot: { vi: 'Quên mật khẩu?', en: 'Forgot your password?' },
  noAccount: { vi: 'Chưa có tài khoản? Đăng ký tài khoản công dân', en: 'No account yet? Register as a citizen' },
  resetDone: { vi: 'Mật khẩu đã được đặt lại. Hãy đăng nhập bằng mật khẩu mới.', en: 'Your password has been reset. Sign in with the new password.' },
  demoTitle: { vi: 'Tài khoản trình diễn', en: 'Demo accounts' },
  demoLead: { vi: 'Dữ liệu trình diễn. Mọi tài khoản dùng mật khẩu {password}.', en: 'Demo data. Every account uses the password {password}.' },
  demoUser: { vi: 'Tên đăng nhập', en: 'Username' },
  demoWho: { vi: 'Vai trò', en: 'Role' },
  demoCitizen: { vi: 'Công dân', en: 'Citizen' },
  demoAll: { vi: 'Cán bộ một cửa, chuyên viên và lãnh đạo của mọi cơ quan', en: 'One-stop officers, specialists and leaders of every agency' },
} as const;

/** The line above the sign-in form saying why the visitor was sent there (landing.ts). */
export const signInReasons = {
  submit: { vi: 'Đăng nhập để nộp hồ sơ.', en: 'Sign in to submit your application.' },
  dossiers: { vi: 'Đăng nhập để xem hồ sơ của bạn.', en: 'Sign in to see your dossiers.' },
  oneStop: { vi: 'Đăng nhập để vào Bộ phận Một cửa.', en: 'Sign in to open the one-stop desk.' },
  admin: { vi: 'Đăng nhập để vào trang quản trị.', en: 'Sign in to open the administration pages.' },
  account: { vi: 'Đăng nhập để xem tài khoản của bạn.', en: 'Sign in to see your account.' },
  other: { vi: 'Trang bạn vừa mở cần đăng nhập.', en: 'The page you opened needs you to sign in.' },
} as const;

export const secondFactorPage = {
  title: { vi: 'Xác thực hai bước', en: 'Two-step verification' },
  lead: {
    vi: 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiển thị cho tài khoản này.',
    en: 'Open the authenticator app on your phone and enter the 6-digit code it shows for this account.',
  },
  code: { vi: 'Mã xác thực', en: 'Verification code' },
  submit: { vi: 'Xác nhận', en: 'Verify' },
  restart: { vi: 'Đăng nhập lại từ đầu', en: 'Start signing in again' },
} as const;

export const registerPage = {
  title: { vi: 'Đăng ký tài khoản công dân', en: 'Register a citizen account' },
  lead: {
    vi: 'Tài khoản dùng để nộp và theo dõi hồ sơ trực tuyến. Bạn có thể đăng nhập bằng số định danh cá nhân, số điện thoại hoặc thư điện tử.',
    en: 'The account lets you submit and track applications online. You can sign in with your personal identification number, phone number or e-mail.',
  },
  personalIdHint: { vi: '12 chữ số trên thẻ căn cước (CCCD).', en: 'The 12 digits on your citizen identity card (CCCD).' },
  contactLegend: { vi: 'Liên hệ (nhập ít nhất một)', en: 'Contact (enter at least one)' },
  contactHint: {
    vi: 'Chúng tôi gửi mã xác minh qua tin nhắn đến số di động, hoặc đến thư điện tử nếu bạn không nhập số di động.',
    en: 'We send a code by text message to the mobile number, or to the e-mail address if you enter no mobile number.',
  },
  phoneHint: { vi: 'Ví dụ: 0912 345 678', en: 'For example: 0912 345 678' },
  submit: { vi: 'Đăng ký', en: 'Register' },
  haveAccount: { vi: 'Đã có tài khoản? Đăng nhập', en: 'Already have an account? Sign in' },
} as const;

export const forgotPage = {
  title: { vi: 'Quên mật khẩu', en: 'Forgotten password' },
  lead: {
    vi: 'Nhập tên đăng nhập, số định danh, số điện thoại hoặc thư điện tử của tài khoản. Chúng tôi gửi liên kết đặt lại mật khẩu đến thư điện tử của tài khoản; tài khoản không có thư điện tử, hoặc khi bạn nhập số điện thoại, nhận mã qua tin nhắn.',
    en: 'Enter the username, personal ID number, phone number or e-mail of your account. We send a password reset link to the account’s e-mail; an account without e-mail, or when you enter the phone number, gets a code by text message.',
  },
  submit: { vi: 'Gửi liên kết hoặc mã', en: 'Send the link or code' },
  sent: {
    vi: 'Nếu thông tin trên khớp với một tài khoản, chúng tôi đã gửi liên kết đặt lại mật khẩu đến thư điện tử của tài khoản (dùng được một lần trong vòng 1 giờ), hoặc mã 6 chữ số qua tin nhắn đến số điện thoại của tài khoản (hiệu lực 10 phút).',
    en: 'If this matches an account, we have sent a password reset link to its e-mail (it works once, within 1 hour), or a 6-digit code by text message to its phone number (valid 10 minutes).',
  },
} as const;

export const resetPage = {
  title: { vi: 'Đặt lại mật khẩu', en: 'Reset your password' },
  lead: { vi: 'Chọn mật khẩu mới. Mọi phiên đăng nhập khác của tài khoản sẽ kết thúc.', en: 'Choose a new password. Every other session of the account will end.' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  submit: { vi: 'Đặt mật khẩu mới', en: 'Set the new password' },
  askAgain: { vi: 'Yêu cầu liên kết mới', en: 'Ask for a new link' },
} as const;

export const accountPage = {
  title: { vi: 'Tài khoản của tôi', en: 'My account' },
  profile: { vi: 'Thông tin tài khoản', en: 'Account details' },
  kind: { vi: 'Loại tài khoản', en: 'Account type' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
  staff: { vi: 'Cán bộ, công chức', en: 'Staff' },
  changePassword: { vi: 'Đổi mật khẩu', en: 'Change the password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  changeSubmit: { vi: 'Đổi mật khẩu', en: 'Change the password' },
  passwordChanged: { vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.', en: 'The password has been changed. Every other session has ended.' },
  twoStep: { vi: 'Xác thực hai bước', en: 'Two-step verification' },
  twoStepOn: { vi: 'Đang bật: khi đăng nhập cần thêm mã từ ứng dụng xác thực.', en: 'On: signing in also needs a code from your authenticator app.' },
  twoStepOff: {
    vi: 'Chưa bật. Cán bộ nên bật xác thực hai bước bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…).',
    en: 'Off. Staff should turn on two-step verification with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…).',
  },
  twoStepStart: { vi: 'Bật xác thực hai bước', en: 'Turn on two-step verification' },
  twoStepEnabled: { vi: 'Đã bật xác thực hai bước.', en: 'Two-step verification is on.' },
  admin: { vi: 'Quản trị tài khoản cán bộ', en: 'Manage staff accounts' },
  adminHome: { vi: 'Trang quản trị', en: 'Administration' },
  myData: { vi: 'Dữ liệu Cổng đang lưu về tôi', en: 'What the portal holds about me' },
  editProfile: { vi: 'Sửa thông tin cá nhân', en: 'Edit your details' },
  editProfileLead: {
    vi: 'Số định danh cá nhân không sửa được ở đây. Số điện thoại và thư điện tử dùng để đăng nhập và nhận thông báo về hồ sơ.',
    en: 'The personal identification number cannot be changed here. The phone and e-mail are used to sign in and for notices about your dossiers.',
  },
  profilePassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  profilePasswordHint: { vi: 'Chỉ cần khi đổi số điện thoại hoặc thư điện tử.', en: 'Needed only to change the phone number or e-mail.' },
  saveProfile: { vi: 'Lưu thông tin', en: 'Save the details' },
  profileSaved: { vi: 'Đã lưu thông tin cá nhân.', en: 'Your details have been saved.' },
} as const;

export const totpPage = {
  title: { vi: 'Thiết lập xác thực hai bước', en: 'Set up two-step verification' },
  step1: { vi: '1. Quét mã QR bằng ứng dụng xác thực, hoặc nhập khóa bí mật bên dưới.', en: '1. Scan the QR code with your authenticator app, or enter the secret key below.' },
  qrAlt: { vi: 'Mã QR để thêm tài khoản vào ứng dụng xác thực', en: 'QR code to add the account to an authenticator app' },
  secret: { vi: 'Khóa bí mật', en: 'Secret key' },
  uri: { vi: 'Địa chỉ otpauth', en: 'otpauth address' },
  step2: { vi: '2. Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.', en: '2. Enter the 6-digit code the app shows to confirm.' },
  code: { vi: 'Mã xác thực', en: 'Verification code' },
  submit: { vi: 'Xác nhận và bật', en: 'Confirm and turn on' },
} as const;
