-- IT training of officials (issue 14; docs/training.md): courses over the modules IU01–IU15 of Circular
-- 03/2014/TT-BTTTT (the module list is data: data/training/modules.json), classes, trainees, enrolments, exam results
-- per module (Joint Circular 17/2016: theory and practical, each 0–10) and certificates with a verifiable code.
-- Owned by src/modules/training.

create table training_courses (
  id bigint generated always as identity primary key,
  name text not null check (char_length(name) between 2 and 200),
  level text not null check (level in ('basic', 'advanced')),
  modules text[] not null check (cardinality(modules) between 1 and 15),
  hours int not null check (hours between 1 and 1000),
  created_by bigint references accounts (id),
  created_at timestamptz not null default now()
);

create table training_classes (
  id bigint generated always as identity primary key,
  course_id bigint not null references training_courses (id),
  name text not null check (char_length(name) between 2 and 200),
  starts_on date not null,
  ends_on date not null,
  place text not null default '' check (char_length(place) <= 200),
  capacity int not null check (capacity between 1 and 500),
  trainer text not null default '' check (char_length(trainer) <= 200),
  state text not null default 'planned' check (state in ('planned', 'running', 'finished')),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create index training_classes_course on training_classes (course_id);

-- Minimal personal data: name, date of birth, unit and position; no identity numbers.
create table training_trainees (
  id bigint generated always as identity primary key,
  full_name text not null check (char_length(full_name) between 2 and 120),
  birth_date date not null,
  agency_id bigint not null references agencies (id),
  position text not null default '' check (char_length(position) <= 150),
  account_id bigint references accounts (id) on delete set null,
  created_at timestamptz not null default now()
);
create index training_trainees_agency on training_trainees (agency_id);
create unique index training_trainees_person on training_trainees (agency_id, full_name, birth_date);

create table training_enrolments (
  id bigint generated always as identity primary key,
  class_id bigint not null references training_classes (id),
  trainee_id bigint not null references training_trainees (id),
  attended boolean not null default false,
  completed boolean not null default false,
  enrolled_at timestamptz not null default now(),
  unique (class_id, trainee_id)
);
create index training_enrolments_trainee on training_enrolments (trainee_id);

-- One row per sitting: a second sitting adds a row and keeps the first.
create table training_results (
  id bigint generated always as identity primary key,
  trainee_id bigint not null references training_trainees (id),
  class_id bigint references training_classes (id),
  module text not null check (module ~ '^IU(0[1-9]|1[0-5])$'),
  theory numeric(3, 1) not null check (theory between 0 and 10),
  practical numeric(3, 1) not null check (practical between 0 and 10),
  exam_date date not null,
  board text not null default '' check (char_length(board) <= 200),
  recorded_by bigint references accounts (id),
  recorded_at timestamptz not null default now()
);
create index training_results_trainee on training_results (trainee_id, module);
create index training_results_date on training_results (exam_date);

create table training_certificates (
  id bigint generated always as identity primary key,
  trainee_id bigint not null references training_trainees (id),
  kind text not null check (kind in ('basic', 'advanced')),
  issued_on date not null,
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{13}$'),
  revoked boolean not null default false,
  revoked_reason text check (char_length(revoked_reason) between 1 and 500),
  revoked_at timestamptz,
  issued_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  check (revoked = (revoked_reason is not null))
);
create index training_certificates_trainee on training_certificates (trainee_id, kind);
