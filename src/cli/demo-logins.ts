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
] as const;
