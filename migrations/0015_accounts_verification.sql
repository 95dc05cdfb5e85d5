-- Accounts people can trust (issue 9): contacts proven by a one-time code, one-time codes themselves, and the consent
-- to the processing of personal data given at registration (Decree 13/2023/NĐ-CP Art. 11: consent is recorded so that
-- it can be proven, with what was agreed to and when).

-- When the phone number and the e-mail address were last proven to belong to the account's owner (a code sent there
-- was typed back). Null: not proven. A citizen may submit dossiers once one of the two is proven.
alter table accounts add column phone_verified_at timestamptz;
alter table accounts add column email_verified_at timestamptz;
-- Accounts that existed before verification was introduced are trusted as they are: their contacts count as proven
-- from the account's creation.
update accounts set phone_verified_at = created_at where phone is not null;
update accounts set email_verified_at = created_at where email is not null;

-- One-time codes and the short journeys around them: a registration waiting for its code (the account is created only
-- when the code comes back), a signed-in person proving a new contact, a password reset by SMS code, and notices sent
-- to the owner of details someone tried to register with (kept to count messages per address). The browser holds a
-- random flow token (cookie); only its SHA-256 is stored, and the code is stored as the SHA-256 of token and code, so
-- the table alone gives away neither.
create table account_codes (
  id bigint generated always as identity primary key,
  purpose text not null check (purpose in ('register', 'contact', 'reset', 'notice')),
  flow_hash text not null unique,
  account_id bigint references accounts (id) on delete cascade,
  channel text not null check (channel in ('sms', 'email')),
  destination text not null,           -- '+84…' or a lowercase e-mail address
  code_hash text,                      -- null: no code was sent (the details were taken; the page answers the same)
  payload jsonb not null default '{}', -- registration: the form, the password as its argon2 hash, the consent given
  attempts int not null default 0,
  sends int not null default 1,
  last_sent_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index account_codes_destination on account_codes (destination, last_sent_at);
create index account_codes_account on account_codes (account_id);
create index account_codes_created on account_codes (created_at);

create table account_consents (
  id bigint generated always as identity primary key,
  account_id bigint not null references accounts (id) on delete cascade,
  document text not null check (document in ('privacy_notice')),
  version text not null,
  given_at timestamptz not null,
  ip text,
  withdrawn_at timestamptz
);
create index account_consents_account on account_consents (account_id);
