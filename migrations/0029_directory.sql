-- The staff directory of every agency (danh bạ cán bộ, issue 12): officials' names, positions, official e-mail
-- addresses (thư điện tử công vụ, in the mail domain of EGOV_OFFICIAL_MAIL_DOMAIN; the app checks the domain, since
-- the setting may change) and office phones. An entry may be linked to one staff account: notifications to that
-- official go to the entry's address. A mobile number is kept for the agency's own use and never published.
create table directory_entries (
  id bigint generated always as identity primary key,
  agency_id bigint not null references agencies (id),
  account_id bigint references accounts (id) on delete set null,
  full_name text not null check (char_length(full_name) between 2 and 120),
  position text not null default '' check (char_length(position) <= 150),
  department text not null default '' check (char_length(department) <= 150),
  email text not null check (email = lower(email) and position('@' in email) > 1 and char_length(email) <= 254),
  office_phone text not null default '' check (char_length(office_phone) <= 40),
  mobile text not null default '' check (char_length(mobile) <= 40),
  sort_order int not null default 0 check (sort_order between 0 and 9999),
  public boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_key text generated always as (lower(f_unaccent(full_name || ' ' || position || ' ' || department))) stored
);
create unique index directory_entries_email on directory_entries (lower(email));
create unique index directory_entries_account on directory_entries (account_id) where account_id is not null;
create index directory_entries_agency on directory_entries (agency_id, sort_order);
create index directory_entries_search on directory_entries using gin (search_key gin_trgm_ops);
