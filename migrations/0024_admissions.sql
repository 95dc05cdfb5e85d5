-- Online school admission (tuyển sinh đầu cấp, DOMAIN §8, issue 11): school years, rounds per level with exact
-- opening and closing instants, schools and their places per round, catchments (tuyến) versioned per school year,
-- children, the enrolment codes schools issue before the window, and the parents' applications.
-- Unit codes are the units module's GSO codes (text); they are not foreign keys so that a reform of the units never
-- blocks a running round (the admissions module reads units only through units/index.ts).
create table admission_school_years (
  code text primary key check (code ~ '^[0-9]{4}-[0-9]{4}$'),   -- '2026-2027'
  start_year int not null unique,                                  -- the calendar year the school year starts in
  name text not null
);

create table admission_rounds (
  id bigint generated always as identity primary key,
  school_year text not null references admission_school_years (code),
  level text not null check (level in ('kindergarten', 'grade1', 'grade6')),
  name text not null,
  name_en text not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  created_at timestamptz not null default now(),
  check (closes_at > opens_at),
  unique (school_year, level)
);

create table admission_schools (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Z0-9]{4,20}$'),
  name text not null,
  ownership text not null check (ownership in ('public', 'private')),
  level text not null check (level in ('kindergarten', 'grade1', 'grade6')),
  ward_code text not null,
  address text not null
);
create index admission_schools_ward on admission_schools (ward_code, level);
create index admission_schools_level on admission_schools (level);

create table admission_round_places (
  round_id bigint not null references admission_rounds (id),
  school_id bigint not null references admission_schools (id),
  places int not null check (places >= 0),
  primary key (round_id, school_id)
);

-- Which schools serve which units (or parts of units) in a school year; the education office edits them, and each
-- year has its own rows, so last year's catchment stays as it was published.
create table admission_catchments (
  id bigint generated always as identity primary key,
  school_year text not null references admission_school_years (code),
  school_id bigint not null references admission_schools (id),
  unit_code text not null,
  area text not null default '',          -- part of the unit ('' = the whole unit), e.g. 'Tổ dân phố 1–7'
  updated_at timestamptz not null default now(),
  unique (school_year, school_id, unit_code, area)
);
create index admission_catchments_unit on admission_catchments (school_year, unit_code);

create table admission_children (
  id bigint generated always as identity primary key,
  personal_id text not null unique check (personal_id ~ '^[0-9]{12}$'),
  full_name text not null,
  birth_date date not null,
  residence_unit text not null,
  residence_area text not null default '',
  finished_grade5 boolean not null default false,
  created_at timestamptz not null default now()
);

create table admission_enrolment_codes (
  code text primary key check (code ~ '^[A-Z0-9]{6,20}$'),
  round_id bigint not null references admission_rounds (id),
  child_id bigint not null references admission_children (id),
  school_id bigint not null references admission_schools (id),   -- the school that issued it
  issued_at timestamptz not null default now(),
  unique (round_id, child_id)
);

create sequence admission_application_seq;

create table admission_applications (
  id bigint generated always as identity primary key,
  application_no text not null unique,
  round_id bigint not null references admission_rounds (id),
  child_id bigint not null references admission_children (id),
  school_id bigint not null references admission_schools (id),
  ward_code text not null,                -- the chosen school's ward: the tenant key with round_id
  status text not null check (status in ('active', 'withdrawn', 'admitted', 'not_admitted', 'confirmed')),
  in_catchment boolean not null,
  priority_group smallint not null check (priority_group between 1 and 9),
  idempotency_key text not null unique,
  email text,
  result_note text,
  appointment_at timestamptz,
  appointment_place text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  withdrawn_at timestamptz
);
-- Issue 11: one active application per child per round, enforced by the database whatever code writes the rows.
create unique index admission_applications_one_active on admission_applications (round_id, child_id) where status <> 'withdrawn';
create index admission_applications_school on admission_applications (round_id, school_id) where status <> 'withdrawn';
create index admission_applications_child on admission_applications (child_id, round_id);
