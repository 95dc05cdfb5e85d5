-- The working-day calendar (DOMAIN §5): the official yearly schedules of holidays, days off and make-up working
-- Saturdays are dated data that administrators edit. Weekends need no row; a row records a departure from the
-- Mon–Fri week. Years without a row in calendar_years are generated from the Labour Code when needed.

-- Which years the table holds, and whether each year's schedule is the announced one or a provisional guess.
create table calendar_years (
  year int primary key check (year between 1900 and 2199),
  status text not null check (status in ('official', 'provisional')),
  -- The decision the schedule comes from once confirmed, e.g. "Thông báo 6150/TB-BLĐTBXH".
  source text not null default '',
  -- True once an administrator changed anything in the year: seeding never overwrites such a year.
  edited boolean not null default false,
  confirmed_by text,
  confirmed_at timestamptz,
  updated_at timestamptz not null default now()
);

create table calendar_days (
  id bigint generated always as identity primary key,
  date date not null,
  kind text not null check (kind in ('holiday', 'compensatory_day_off', 'swapped_day_off', 'working_saturday')),
  name text not null check (btrim(name) <> ''),
  source text not null default '',
  provisional boolean not null default false,
  note text not null default '',
  updated_by text,                        -- username of the administrator; null for seeded rows
  updated_at timestamptz not null default now(),
  unique (date, kind)
);
