-- Official documents (văn thư, issue 13; DOMAIN §7, Decree 30/2020/NĐ-CP): the incoming and outgoing documents of
-- every agency, their numbers and arrival numbers, files, assignments, history, work files and exchange packets.
-- Owned by src/modules/documents.

-- Gap-free numbers: one row per agency, year and series, taken with `update … returning` in the transaction that
-- issues (or registers) the document, so a rolled-back issue returns its number and two clerks never get the same one
-- (Decree 30 Art. 15: numbered per agency from 01 every 1 January; legal normative documents have their own series).
create table document_counters (
  agency_id bigint not null references agencies (id),
  year int not null check (year between 2000 and 2100),
  series text not null check (series in ('admin', 'legal', 'incoming')),
  last_number int not null default 0 check (last_number >= 0),
  primary key (agency_id, year, series)
);

create table documents (
  id bigint generated always as identity primary key,
  agency_id bigint not null references agencies (id),
  direction text not null check (direction in ('in', 'out')),
  state text not null check (state in ('draft', 'review', 'approved', 'issued', 'recalled', 'cancelled',
                                       'registered', 'assigned', 'handling', 'done')),
  type_code text not null,
  series text not null default 'admin' check (series in ('admin', 'legal')),
  year int,
  number int check (number > 0),
  -- `QĐ-UBND`, `UBND-VP`: what follows the number.
  notation text,
  arrival_number int check (arrival_number > 0),
  summary text not null check (length(summary) between 1 and 1000),
  body text not null default '',
  -- Incoming: the issuing agency (author) and its code when known; outgoing: empty.
  author text not null default '',
  author_code text,
  document_date date,
  arrived_on date,
  signer_name text not null default '',
  signer_position text not null default '',
  signer_competence text not null default '',
  urgency text not null default 'normal' check (urgency in ('normal', 'urgent', 'very_urgent', 'flash')),
  secrecy text not null default 'normal' check (secrecy in ('normal', 'confidential')),
  page_count int check (page_count between 1 and 10000),
  copies int not null default 1 check (copies between 1 and 10000),
  -- The date the document itself asks an answer by (incoming), or the handling deadline the leader set.
  due_date date,
  handling_deadline date,
  recipients text not null default '',
  -- Outgoing official letters: the drafting unit's abbreviation in the notation (`UBND-VP`).
  drafting_unit text not null default '',
  file_copy_holder text not null default '',
  notes text not null default '',
  reply_to bigint references documents (id),
  -- Outgoing documents delivered inside the platform: the outgoing document an incoming one came from.
  source_id bigint references documents (id),
  exchange_id text,
  drafted_by bigint references accounts (id),
  registered_by bigint references accounts (id),
  approved_by bigint references accounts (id),
  approved_at timestamptz,
  issued_by bigint references accounts (id),
  issued_at timestamptz,
  done_at timestamptz,
  recalled_at timestamptz,
  recall_reason text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_tsv tsvector generated always as (
    to_tsvector('vn'::regconfig, summary || ' ' || author || ' ' || coalesce(notation, '') || ' ' || signer_name || ' ' || body)
  ) stored,
  check ((direction = 'out' and state in ('draft', 'review', 'approved', 'issued', 'recalled', 'cancelled'))
      or (direction = 'in' and state in ('registered', 'assigned', 'handling', 'done', 'recalled'))),
  check (number is null or (year is not null and notation is not null))
);
create unique index documents_number on documents (agency_id, year, series, number) where direction = 'out' and number is not null;
create unique index documents_arrival on documents (agency_id, year, arrival_number) where direction = 'in' and arrival_number is not null;
-- Duplicate incoming registrations (same issuer + number and notation + date) are refused; the index settles a race.
create unique index documents_incoming_once on documents (agency_id, lower(author), number, lower(notation), document_date)
  where direction = 'in' and state <> 'recalled';
create unique index documents_exchange_once on documents (agency_id, exchange_id) where exchange_id is not null;
create index documents_inbox on documents (agency_id, direction, state, created_at desc);
create index documents_register_out on documents (agency_id, issued_at) where direction = 'out' and issued_at is not null;
create index documents_register_in on documents (agency_id, arrived_on, arrival_number) where direction = 'in';
create index documents_search on documents using gin (search_tsv);

-- A number taken and then cancelled stays taken; the register shows it with its reason.
create table document_cancelled_numbers (
  id bigint generated always as identity primary key,
  agency_id bigint not null references agencies (id),
  year int not null,
  series text not null,
  number int not null,
  document_id bigint references documents (id),
  reason text not null check (length(reason) between 1 and 1000),
  cancelled_by bigint references accounts (id),
  cancelled_at timestamptz not null default now(),
  unique (agency_id, year, series, number)
);

create table document_files (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents (id),
  kind text not null check (kind in ('main', 'attachment', 'signed', 'scan')),
  name text not null,
  mime text not null,
  size int not null,
  sha256 text not null,
  content bytea not null,
  -- Signature checks of a signed PDF as shown to readers (JSON array), null when not a PDF.
  signatures jsonb,
  added_by bigint references accounts (id),
  added_at timestamptz not null default now()
);
create index document_files_of on document_files (document_id);

-- Who handles an incoming document: one lead, any co-handlers and readers for information (Decree 30 Art. 24).
create table document_assignments (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents (id),
  account_id bigint not null references accounts (id),
  role text not null check (role in ('lead', 'co', 'info')),
  instruction text not null default '',
  deadline date,
  assigned_by bigint references accounts (id),
  assigned_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  reminded_at timestamptz,
  escalated_at timestamptz,
  unique (document_id, account_id)
);
create index document_assignments_of on document_assignments (account_id, document_id);

-- Everything that happened to a document, in the order it happened: review comments, progress notes, state changes.
create table document_events (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents (id),
  kind text not null,
  note text not null default '',
  actor_id bigint references accounts (id),
  actor_label text not null default '',
  at timestamptz not null default now()
);
create index document_events_of on document_events (document_id, at);

-- The people who may see a confidential document (besides those it is assigned to).
create table document_readers (
  document_id bigint not null references documents (id),
  account_id bigint not null references accounts (id),
  primary key (document_id, account_id)
);

-- Where an outgoing document goes: an agency on the platform (delivered into its incoming book), an agency over the
-- exchange axis, or an address by e-mail; the status the receiver reported back.
create table document_recipients (
  id bigint generated always as identity primary key,
  document_id bigint not null references documents (id),
  kind text not null check (kind in ('internal', 'exchange', 'email')),
  agency_id bigint references agencies (id),
  organ_code text,
  name text not null,
  email text,
  sent_at timestamptz,
  status text,
  status_at timestamptz,
  incoming_id bigint references documents (id)
);
create index document_recipients_of on document_recipients (document_id);

-- Work files (hồ sơ công việc, Decree 30 Chapter IV): a code, a title, a retention period, dates and their documents.
create table work_files (
  id bigint generated always as identity primary key,
  agency_id bigint not null references agencies (id),
  code text not null check (length(code) between 1 and 50),
  title text not null check (length(title) between 1 and 500),
  retention text not null check (retention ~ '^(permanent|[0-9]{1,2})$'),
  opened_on date not null,
  closed_on date,
  keeper_id bigint references accounts (id),
  notes text not null default '',
  created_at timestamptz not null default now(),
  unique (agency_id, code)
);
create table work_file_documents (
  work_file_id bigint not null references work_files (id),
  document_id bigint not null references documents (id),
  added_at timestamptz not null default now(),
  primary key (work_file_id, document_id)
);

-- Exchange packets in and out (QCVN 102:2016 edXML); one that does not parse is kept with its reason, never dropped.
create table exchange_packets (
  id bigint generated always as identity primary key,
  agency_id bigint not null references agencies (id),
  direction text not null check (direction in ('in', 'out')),
  packet_id text not null,
  kind text not null check (kind in ('document', 'status', 'unknown')),
  document_id bigint references documents (id),
  status text not null check (status in ('ok', 'failed')),
  reason text,
  xml text not null,
  at timestamptz not null default now(),
  unique (agency_id, direction, packet_id)
);
