-- Dossiers (hồ sơ) submitted online or at the counter (DOMAIN §4), their attachments, timeline and payments.

-- Attachments are stored once per content (content-addressed by SHA-256) under EGOV_VAR_DIR/files/ab/cd/<sha256>;
-- a row here says the bytes are in the store. Several dossiers may share one stored file.
create table stored_files (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint not null check (size >= 0),
  mime text not null,
  created_at timestamptz not null default now()
);

create table dossiers (
  id bigint generated always as identity primary key,
  -- <13-character agency identifier>-YYMMDD-XXXX (Circular 01/2018 Art. 19): unique, never reused.
  code text not null unique check (code ~ '^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}$'),
  agency_id bigint not null references agencies (id),
  procedure_code text not null,
  procedure_version int not null,
  channel text not null check (channel in ('online', 'counter')),
  applicant_account_id bigint references accounts (id),
  applicant jsonb not null,            -- {name, personal_id, phone, email, address}
  form_data jsonb not null default '{}',
  -- 'received' at submission; the back office adds its own states (supplement, processing, …), hence no CHECK.
  status text not null default 'received',
  received_at timestamptz not null,
  due_at timestamptz,                  -- null when the procedure states no processing time
  due_date date,
  deadline jsonb,                      -- {explanation: {vi, en}, provisional, amount, unit}
  fee_total_dong bigint not null default 0 check (fee_total_dong >= 0),
  payment_status text not null default 'none' check (payment_status in ('none', 'unpaid', 'paid')),
  -- Scoped by the submitter ('a<account id>:<key>'), so two clients never share a key.
  idempotency_key text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index dossiers_applicant on dossiers (applicant_account_id, received_at);
create index dossiers_agency_received on dossiers (agency_id, received_at);

-- The last number handed out per agency and Vietnam day. Incremented inside the submission transaction: the row
-- lock serialises concurrent submissions of one agency and day, and a rollback gives the number back (no gaps).
create table dossier_sequences (
  agency_id bigint not null references agencies (id),
  day date not null,
  last int not null check (last between 1 and 9999),
  primary key (agency_id, day)
);

create table dossier_files (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  doc_key text not null,               -- which required document (thành phần hồ sơ) the file is for
  original_name text not null,
  mime text not null check (mime in ('application/pdf', 'image/jpeg', 'image/png')),
  size bigint not null check (size > 0),
  sha256 text not null references stored_files (sha256),
  created_at timestamptz not null default now()
);
create index dossier_files_dossier on dossier_files (dossier_id);

-- The timeline a citizen and officers see: one row per event (received, paid, handed over, …).
create table dossier_events (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  at timestamptz not null default now(),
  actor_id bigint,
  actor text not null,
  kind text not null,
  note jsonb not null default '{}'
);
create index dossier_events_dossier on dossier_events (dossier_id, at);

create table payments (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  amount_dong bigint not null check (amount_dong > 0),
  method text not null check (method in ('vietqr', 'gateway', 'counter')),
  status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'cancelled')),
  provider_ref text,
  created_at timestamptz not null default now(),
  paid_at timestamptz
);
create index payments_dossier on payments (dossier_id);

-- A citizen's unfinished form, one per procedure, so it can be resumed on another device.
create table dossier_drafts (
  account_id bigint not null references accounts (id),
  procedure_code text not null,
  data jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (account_id, procedure_code)
);
