-- Issue 15, account-based e-tickets (TRANSPORT.md §1–2): one transit account per person, the media that identify it,
-- an append-only balance ledger, passes, concessions (a category per person, never a document) and versioned
-- deny/allow lists that validators fetch whole or as a delta. Routes are named by their GTFS route_id text only.

-- The centre's staff (accounts, media, disputes) and an operator's clearing staff. Every existing role is kept.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office',
                  'readiness_reporter', 'readiness_reviewer', 'readiness_council', 'training_manager', 'school_it',
                  'transit_officer', 'transit_operator'));

-- One account per person (TRANSPORT.md §1): the citizen's account in `accounts`, at most once.
create table transit_accounts (
  id bigint generated always as identity primary key,
  citizen_account_id bigint not null unique references accounts (id),
  status text not null default 'active' check (status in ('active', 'blocked')),
  rider_category text not null default 'regular' check (rider_category ~ '^[a-z][a-z0-9_]{1,39}$'),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now()
);

-- A medium only identifies the account (§2). media_key is what a validator reads: the operator card's UID, the app's
-- virtual-card id, the bank card's token (never the PAN: 13–19 digits are refused), the e-wallet's id, or for a CCCD a
-- keyed hash (HMAC-SHA-256, 64 hex digits) of the citizen-ID number, never the number itself.
create table transit_media (
  id bigint generated always as identity primary key,
  account_id bigint not null references transit_accounts (id),
  kind text not null check (kind in ('operator_card', 'app_qr', 'bank_card', 'ewallet_qr', 'cccd')),
  media_key text not null check (char_length(media_key) between 4 and 128),
  last4 text,
  status text not null default 'active' check (status in ('active', 'blocked', 'lost')),
  replaced_by bigint references transit_media (id),
  created_at timestamptz not null default now(),
  status_changed_at timestamptz,
  unique (kind, media_key),
  constraint transit_media_last4 check ((kind = 'bank_card') = (last4 is not null) and (last4 is null or last4 ~ '^[0-9]{4}$')),
  constraint transit_media_no_pan check (kind <> 'bank_card' or media_key !~ '^[0-9 -]{13,23}$'),
  constraint transit_media_cccd_hash check (kind <> 'cccd' or media_key ~ '^[0-9a-f]{64}$')
);
create index transit_media_account on transit_media (account_id);
-- Only one of the virtual or the physical operator card is active at a time (§1).
create unique index transit_media_one_card on transit_media (account_id) where status = 'active' and kind in ('operator_card', 'app_qr');

-- Balance movements, append-only. The trigger computes balance_after from the account's previous row (holding the
-- account's row lock, so two movements never read the same previous balance); the check refuses a negative balance.
create table transit_ledger (
  id bigint generated always as identity primary key,
  account_id bigint not null references transit_accounts (id),
  medium_id bigint references transit_media (id),
  kind text not null check (kind in ('top_up', 'charge', 'refund', 'transfer_in', 'transfer_out')),
  amount bigint not null,
  balance_after bigint not null default 0 check (balance_after >= 0),
  reference text check (char_length(reference) <= 200),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  constraint transit_ledger_sign check (case when kind in ('top_up', 'refund', 'transfer_in') then amount > 0 else amount < 0 end)
);
create index transit_ledger_account on transit_ledger (account_id, id);

create function transit_ledger_balance() returns trigger language plpgsql as $$
begin
  perform 1 from transit_accounts where id = new.account_id for update;
  new.balance_after := coalesce((select balance_after from transit_ledger where account_id = new.account_id order by id desc limit 1), 0) + new.amount;
  return new;
end;
$$;
create trigger transit_ledger_balance before insert on transit_ledger
  for each row execute function transit_ledger_balance();

create function transit_ledger_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'transit_ledger is append-only: record a refund or a transfer instead';
end;
$$;
create trigger transit_ledger_frozen before update or delete on transit_ledger
  for each row execute function transit_ledger_frozen();

create table transit_passes (
  id bigint generated always as identity primary key,
  account_id bigint not null references transit_accounts (id),
  product_id text not null check (product_id ~ '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$'),
  route_id text check (char_length(route_id) between 1 and 64),
  valid_from date not null,
  valid_to date not null,
  price_paid bigint not null check (price_paid >= 0),
  ledger_id bigint references transit_ledger (id),
  status text not null default 'active' check (status in ('active', 'cancelled', 'expired')),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  check (valid_to >= valid_from)
);
create index transit_passes_account on transit_passes (account_id);

-- Free riders (§1): the category and how it was proven, nothing else — no document, no number, no birth date (§2).
create table transit_concessions (
  id bigint generated always as identity primary key,
  account_id bigint not null references transit_accounts (id),
  category text not null check (category in ('meritorious', 'senior_60', 'disability', 'under_6', 'poor_household')),
  source text not null check (source ~ '^[a-z][a-z0-9_]{1,39}$'),
  verified_at timestamptz not null default now(),
  expires_at date,
  granted_by bigint references accounts (id),
  revoked_at timestamptz
);
create unique index transit_concessions_one on transit_concessions (account_id, category) where revoked_at is null;

-- Deny and allow lists, versioned per list. An entry is added in one version and removed in a later one, so a
-- validator at version N gets the delta (added and removed keys since N) or the full list at the latest version.
create table transit_list_versions (
  id bigint generated always as identity primary key,
  list text not null check (list in ('deny', 'allow')),
  version int not null check (version > 0),
  note text check (char_length(note) <= 200),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  unique (list, version)
);

create table transit_list_entries (
  id bigint generated always as identity primary key,
  list text not null check (list in ('deny', 'allow')),
  media_kind text not null,
  media_key text not null,
  reason text not null check (reason in ('lost', 'blocked', 'debt', 'account_blocked', 'concession')),
  added_version int not null,
  removed_version int,
  foreign key (list, added_version) references transit_list_versions (list, version),
  foreign key (list, removed_version) references transit_list_versions (list, version),
  check (removed_version is null or removed_version > added_version)
);
create unique index transit_list_entries_current on transit_list_entries (list, media_kind, media_key) where removed_version is null;
create index transit_list_entries_added on transit_list_entries (list, added_version);
create index transit_list_entries_removed on transit_list_entries (list, removed_version);
