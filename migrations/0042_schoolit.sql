-- Schools' IT equipment (issue 14; docs/schoolit.md): per school and school year, what the school's IT officer
-- (role school_it) enters — computers for teaching and for administration, computer rooms and how many are networked,
-- projectors, interactive screens/TVs, Internet and its bandwidth, pupils — submitted to the education office, which
-- checks (accepts) the report or returns it with a comment. Owned by src/modules/schoolit. The schools are the
-- admissions module's (admission_schools); this module reads them only through admissions/index.ts.

-- Which schools a school IT officer reports for. Not admissions' admission_school_staff: that link gives a
-- school admissions officer (role school_admissions) the school's applicants; an IT officer must not inherit it.
create table schoolit_staff (
  account_id bigint not null references accounts (id) on delete cascade,
  school_id bigint not null references admission_schools (id),
  primary key (account_id, school_id)
);
create index schoolit_staff_school on schoolit_staff (school_id);

-- One report per school and school year. A count left empty is "not entered yet" (null); submission needs every
-- value. `version` is the optimistic lock; `office_comment` is the office's reason when it returns the report.
create table schoolit_reports (
  id bigint generated always as identity primary key,
  school_id bigint not null references admission_schools (id),
  school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'checked', 'returned')),
  computers_teaching int check (computers_teaching between 0 and 10000),
  computers_admin int check (computers_admin between 0 and 10000),
  computer_rooms int check (computer_rooms between 0 and 10000),
  networked_rooms int check (networked_rooms between 0 and 10000),
  projectors int check (projectors between 0 and 10000),
  screens int check (screens between 0 and 10000),
  internet boolean,
  bandwidth_mbps double precision check (bandwidth_mbps >= 0 and bandwidth_mbps <= 100000),
  pupils int check (pupils between 0 and 10000),
  office_comment text check (length(office_comment) <= 2000),
  version int not null default 1,
  submitted_at timestamptz,
  submitted_by bigint references accounts (id),
  decided_at timestamptz,
  decided_by bigint references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (school_id, school_year),
  check (networked_rooms <= computer_rooms),
  check ((state = 'returned') = (office_comment is not null))
);
create index schoolit_reports_year on schoolit_reports (school_year, state);
