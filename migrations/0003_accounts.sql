-- Accounts: citizens (who register themselves) and staff (created by an administrator, belong to an agency).
-- Conventions, enforced by the app and checked here where SQL can:
--   username     lowercase; a self-registered citizen's username is their 12-digit personal identification number
--   email        lowercase
--   phone        E.164 with the country code: '+84' followed by the national number without its leading 0
--                (0912 345 678 → +84912345678); the app accepts 0…, 84… and +84… with spaces, dots or dashes
--   personal_id  12 digits (số định danh cá nhân), unique among citizens
create table accounts (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('citizen', 'staff')),
  username text not null unique check (username = lower(username) and char_length(username) between 3 and 64),
  email text unique check (email = lower(email) and position('@' in email) > 1),
  phone text unique check (phone ~ '^\+84[0-9]{9,10}$'),
  personal_id text check (personal_id ~ '^[0-9]{12}$'),
  full_name text not null check (char_length(full_name) between 1 and 150),
  password_hash text not null,
  agency_id bigint references agencies (id),
  totp_secret text,                      -- base32; set when enrolment starts, used once totp_enabled
  totp_enabled boolean not null default false,
  totp_last_step bigint,                 -- last accepted 30-second step: a code is never accepted twice
  failed_logins int not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint accounts_staff_agency check (kind = 'citizen' or agency_id is not null),
  constraint accounts_citizen_pid check (kind = 'staff' or personal_id is not null)
);
create unique index accounts_citizen_personal_id on accounts (personal_id) where kind = 'citizen';
create index accounts_agency on accounts (agency_id);

create table account_roles (
  account_id bigint not null references accounts (id) on delete cascade,
  role text not null check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin')),
  primary key (account_id, role)
);
create index account_roles_role on account_roles (role);

-- Password reset links: only the SHA-256 of the token is kept; single use, short-lived.
create table password_resets (
  id bigint generated always as identity primary key,
  account_id bigint not null references accounts (id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_resets_account on password_resets (account_id);
