-- IT readiness self-assessment (issue 14; docs/readiness.md): the yearly cycle of a peer group (guidance with a
-- deadline, open → closed → published), each unit's form (values, explanations, evidence files; drafts, submission,
-- questions back to the unit, the council's adjustments with reasons) and the published scores and ranks.
-- Owned by src/modules/readiness. The indicator sets stay data (data/readiness/*.json); a cycle names its set by id.

-- Three staff roles: the unit's IT officer fills and submits its own unit's form; the city's office opens cycles,
-- reviews, asks questions, reopens a late form and publishes; the appraisal council adjusts scores with a reason.
alter table account_roles drop constraint if exists account_roles_role_check;
alter table account_roles add constraint account_roles_role_check
  check (role in ('one_stop_officer', 'specialist', 'leader', 'registry_clerk', 'editor', 'moderator', 'admin', 'intake', 'school_admissions', 'education_office',
                  'readiness_reporter', 'readiness_reviewer', 'readiness_council'));

-- One cycle per indicator set (a set is one year and one peer group).
create table readiness_cycles (
  id bigint generated always as identity primary key,
  set_id text not null unique check (set_id ~ '^[a-z0-9][a-z0-9-]*$'),
  year int not null check (year between 2000 and 2100),
  peer_group text not null check (peer_group in ('department', 'commune')),
  guidance text not null default '' check (length(guidance) <= 20000),
  deadline date not null,
  state text not null default 'open' check (state in ('open', 'closed', 'published')),
  opened_by bigint references accounts (id),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  published_at timestamptz,
  published_by bigint references accounts (id),
  unique (year, peer_group),
  check ((state = 'published') = (published_at is not null))
);

-- A unit's form: the values it entered (figure and indicator codes → number, yes/no or category), its explanations
-- where a value is missing, and which values the platform filled (code → source). `version` is the optimistic lock.
-- The published score (the scorecard as JSON), total and rank are written when the cycle is published.
create table readiness_forms (
  id bigint generated always as identity primary key,
  cycle_id bigint not null references readiness_cycles (id),
  agency_id bigint not null references agencies (id),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'returned', 'reviewed', 'adjusted', 'published')),
  form_values jsonb not null default '{}',
  explanations jsonb not null default '{}',
  sources jsonb not null default '{}',
  version int not null default 1,
  submitted_at timestamptz,
  submitted_by bigint references accounts (id),
  late boolean not null default false,
  reopened_by bigint references accounts (id),
  reopened_at timestamptz,
  reopen_reason text,
  reviewed_by bigint references accounts (id),
  reviewed_at timestamptz,
  score jsonb,
  total double precision,
  rank int check (rank > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cycle_id, agency_id),
  check ((reopened_at is null) = (reopen_reason is null))
);
create index readiness_forms_state on readiness_forms (cycle_id, state);

-- Evidence files, kept in the database as the documents module keeps its files, checked from their bytes.
create table readiness_evidence (
  id bigint generated always as identity primary key,
  form_id bigint not null references readiness_forms (id),
  code text not null,
  name text not null check (length(name) between 1 and 200),
  mime text not null,
  size int not null check (size > 0),
  sha256 text not null,
  content bytea not null,
  added_by bigint references accounts (id),
  added_at timestamptz not null default now()
);
create index readiness_evidence_of on readiness_evidence (form_id, code);

-- Questions back to the unit (the form returns to it) and the unit's answers.
create table readiness_questions (
  id bigint generated always as identity primary key,
  form_id bigint not null references readiness_forms (id),
  code text,
  question text not null check (length(question) between 1 and 2000),
  asked_by bigint references accounts (id),
  asked_at timestamptz not null default now(),
  answer text check (length(answer) between 1 and 2000),
  answered_by bigint references accounts (id),
  answered_at timestamptz,
  check ((answer is null) = (answered_at is null))
);
create index readiness_questions_of on readiness_questions (form_id, asked_at);

-- The council's adjustments of an indicator's points, with the reason; the latest one per indicator counts.
create table readiness_adjustments (
  id bigint generated always as identity primary key,
  form_id bigint not null references readiness_forms (id),
  code text not null,
  points_before double precision not null,
  points_after double precision not null check (points_after >= 0),
  reason text not null check (length(reason) between 1 and 2000),
  adjusted_by bigint references accounts (id),
  adjusted_at timestamptz not null default now()
);
create index readiness_adjustments_of on readiness_adjustments (form_id, code, id);
