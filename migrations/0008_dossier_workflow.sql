-- The one-stop back office (DOMAIN §4): workflows as data, each dossier's place in its workflow and its clock,
-- the process history, requests to supplement, consultations of other agencies (liên thông), ratings, feedback.

-- A workflow definition (data/workflows/*.json, validated by the app): its steps, the actions between them, who may
-- take each action (roles, and which agency: receiving, handling or consulted) and each step's share of the time.
create table workflows (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,40}$'),
  name jsonb not null,
  definition jsonb not null,
  updated_at timestamptz not null default now()
);

-- status (already there) is the workflow state: received → processing → (consulting) → approval → approved →
-- result_ready → returned; supplement (waiting for the applicant, clock stopped); refused (final at receipt).
alter table dossiers add column workflow_code text not null default 'standard';
alter table dossiers add column online_level text check (online_level in ('full', 'partial', 'none'));
-- The agency that appraises and decides: the receiving agency itself, or the competent department when the city's
-- service centre received the dossier.
alter table dossiers add column handling_agency_id bigint references agencies (id);
alter table dossiers add column assignee_id bigint references accounts (id);
-- Incremented by every transition: an officer acting on what they saw loses to one who acted first.
alter table dossiers add column row_version int not null default 1;
-- When the legal clock started (receipt, or the day the complete dossier came back after a supplement: it restarts
-- from zero, Decree 61/2018 Art. 15–16), and when it stopped for the applicant.
alter table dossiers add column clock_started_at timestamptz;
alter table dossiers add column paused_at timestamptz;
alter table dossiers add column step_due_at timestamptz;
-- A late dossier's apology (Form 04) resets the return date once: the first due date is kept here.
alter table dossiers add column original_due_at timestamptz;
alter table dossiers add column apologized_at timestamptz;
alter table dossiers add column decision text check (decision in ('approved', 'rejected'));
alter table dossiers add column decided_at timestamptz;
alter table dossiers add column result_at timestamptz;
alter table dossiers add column outcome text check (outcome in ('early', 'on_time', 'late'));
alter table dossiers add column return_method text check (return_method in ('counter', 'post', 'online'));
alter table dossiers add column finished_at timestamptz;
alter table dossiers add column due_soon_at timestamptz;
alter table dossiers add column overdue_at timestamptz;

-- What a file is to the dossier: the applicant's documents, a supplement, a scan made at the counter, the result.
alter table dossier_files add column kind text not null default 'applicant'
  check (kind in ('applicant', 'supplement', 'scan', 'result'));

-- The process history (Form 05's hand-overs): who did what, where, from which state to which, with what comment.
alter table dossier_events add column agency_id bigint references agencies (id);
alter table dossier_events add column from_status text;
alter table dossier_events add column to_status text;
alter table dossier_events add column comment text;

create table dossier_supplements (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  stage text not null check (stage in ('receipt', 'appraisal')),
  -- Every missing item at once (DOMAIN §4): [{ "doc_key": …|null, "text": … }]
  items jsonb not null,
  reason text,
  requested_by bigint references accounts (id),
  requested_at timestamptz not null,
  completed_at timestamptz,
  unique (dossier_id, stage)
);

create table dossier_consultations (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  agency_id bigint not null references agencies (id),
  question text not null,
  requested_by bigint references accounts (id),
  requested_at timestamptz not null,
  due_at timestamptz not null,
  replied_at timestamptz,
  replied_by bigint references accounts (id),
  reply text,
  unique (dossier_id, agency_id, requested_at)
);
create index dossier_consultations_open on dossier_consultations (agency_id, due_at) where replied_at is null;

-- The applicant's rating: overall and the criteria of Circular 01/2018 (each 1 = not satisfied … 3 = very satisfied).
create table dossier_ratings (
  dossier_id bigint primary key references dossiers (id),
  account_id bigint references accounts (id),
  overall smallint not null check (overall between 1 and 3),
  criteria jsonb not null default '{}',
  comment text,
  rated_at timestamptz not null default now()
);

create table dossier_feedback (
  id bigint generated always as identity primary key,
  dossier_id bigint not null references dossiers (id),
  account_id bigint references accounts (id),
  message text not null check (char_length(message) between 1 and 4000),
  created_at timestamptz not null default now(),
  answer text,
  answered_by bigint references accounts (id),
  answered_at timestamptz
);
create index dossier_feedback_dossier on dossier_feedback (dossier_id);

-- Text messages through the SMS adapter (a log-only provider by default): kept so they can be shown and retried.
create table outbox_sms (
  id bigint generated always as identity primary key,
  to_phone text not null check (to_phone ~ '^\+84[0-9]{9,10}$'),
  body text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  attempts int not null default 0,
  last_error text
);
create index outbox_sms_unsent on outbox_sms (id) where sent_at is null;

-- Inboxes: the in-progress dossiers of an agency by state and due date.
create index dossiers_handling_open on dossiers (handling_agency_id, status, due_at) where finished_at is null;
create index dossiers_receiving_open on dossiers (agency_id, status, due_at) where finished_at is null;
create index dossiers_assignee_open on dossiers (assignee_id, due_at) where finished_at is null;

-- Dossiers submitted before this migration start their clock at receipt and are handled where they were received.
update dossiers set clock_started_at = received_at where clock_started_at is null;
