-- Administrative units after the 1 July 2025 reform (two tiers: 34 provinces, 3,321 commune-level units),
-- their history (pre-2025 wards → today's), and the agencies that sit on them.
create table units (
  code text primary key,                 -- GSO code: 2 digits for a province, 5 for a commune-level unit
  parent_code text references units (code),
  level text not null check (level in ('province', 'commune')),
  unit_type text not null,               -- Thành phố, Tỉnh, Phường, Xã, Đặc khu
  name text not null,
  full_name text not null,
  name_en text,
  full_name_en text,
  codename text,
  formed_from text,
  notes text,
  effective_from date not null default '2025-07-01',
  effective_to date,
  search_key text generated always as (lower(f_unaccent(full_name))) stored
);
create index units_parent on units (parent_code);
create index units_search on units using gin (search_key gin_trgm_ops);

-- Old → new mapping (merge_type 'full': the whole old unit went into the new one; 'partial': part of it).
create table unit_history (
  old_code text not null,
  old_name text not null,
  old_district_code text,
  old_district_name text,
  old_province_code text not null,
  old_province_name text,
  merge_type text not null check (merge_type in ('full', 'partial')),
  new_code text not null references units (code),
  effective_date date not null default '2025-07-01',
  search_key text generated always as (lower(f_unaccent(old_name))) stored,
  primary key (old_code, new_code)
);
create index unit_history_new on unit_history (new_code);
create index unit_history_search on unit_history using gin (search_key gin_trgm_ops);

-- Agencies (cơ quan): UBND of the city and of each unit, city departments, the public administration
-- service centre and its branches. `code` is the 13-character agency identifier (QCVN 102:2016), kept as
-- configurable data because each province assigns its own.
create table agencies (
  id bigint generated always as identity primary key,
  code text not null unique check (char_length(code) = 13),
  kind text not null check (kind in ('city_committee', 'commune_committee', 'department', 'service_centre', 'service_centre_branch', 'other')),
  name text not null,
  name_en text,
  short_name text,
  unit_code text not null references units (code),
  parent_id bigint references agencies (id),
  address text,
  phone text,
  email text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_key text generated always as (lower(f_unaccent(name))) stored
);
create index agencies_unit on agencies (unit_code);
create index agencies_search on agencies using gin (search_key gin_trgm_ops);
