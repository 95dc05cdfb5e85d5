// The demo seed's accounts (demo seed only, never in production).
export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_USERNAMES = [
  'demo.congdan',
  'demo.motcua',
  'demo.chuyenvien',
  'demo.lanhdao',
  'demo.vanthu',
  'demo.bientap',
  'demo.admin',
  'demo.stp.chuyenvien',
  'demo.stp.lanhdao',
  'demo.badinh.motcua',
  'demo.badinh.vanthu',
  'demo.truong',
  'demo.sogd',
  'demo.cntt',
  'demo.thamdinh',
  'demo.hoidong',
  'demo.daotao',
  'demo.truong.cntt',
  'demo.vetau',
  'demo.doisoat',
  'demo.hanhkhach1',
  'demo.hanhkhach2',
  'demo.hanhkhach3',
  'demo.hanhkhach4',
  'demo.gplx',
  'demo.tinhieu',
] as const;

/**
 * The TOTP secret (base32) the demo's leaders and administrators start with when two-step verification is mandatory
 * for them (EGOV_2FA_ROLES): add it to an authenticator app, or read the current code off the second-step page
 * (demo data only, never in production).
 */
export const DEMO_TOTP_SECRET = 'EGOVDEMOTOTPSECRETHANOI234567ABC';
