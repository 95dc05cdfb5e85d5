-- Public-transport network of Hà Nội (issue 15; /work/shared/docs/TRANSPORT.md §1–2): operators (Tramoc's bus and
-- BRT operators, Hanoi Metro HMC), networks, routes, stops and stations, GTFS-Fares v2 areas (metro stations, Ring
-- Road 1), each route's stop pattern with the distance from its start (metro distance fares, the distance ridden
-- inside Ring Road 1) and the validators on vehicles and at gates. Loaded from a GTFS feed
-- (egov transit import-gtfs); ids are the feed's own. Owned by src/modules/transit/network.

create table transit_operators (
  code text primary key,
  name text not null,
  url text not null default '',
  constraint transit_operators_code_format check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  constraint transit_operators_name_length check (char_length(name) between 1 and 200)
);

create table transit_networks (
  code text primary key,
  name text not null,
  constraint transit_networks_code_format check (code ~ '^[A-Za-z0-9_.-]{1,40}$'),
  constraint transit_networks_name_length check (char_length(name) between 1 and 200)
);

create table transit_routes (
  id text primary key,
  network_code text not null,
  operator_code text not null,
  short_name text not null default '',
  long_name text not null default '',
  route_type int not null,
  length_km numeric(8, 3) not null,
  updated_at timestamptz not null default now(),
  constraint transit_routes_id_format check (id ~ '^[A-Za-z0-9_.-]{1,40}$'),
  constraint transit_routes_network_fk foreign key (network_code) references transit_networks (code),
  constraint transit_routes_operator_fk foreign key (operator_code) references transit_operators (code),
  constraint transit_routes_has_name check (short_name <> '' or long_name <> ''),
  constraint transit_routes_length_positive check (length_km >= 0 and length_km < 1000),
  constraint transit_routes_type_range check (route_type between 0 and 1702)
);
create index transit_routes_network on transit_routes (network_code);
create index transit_routes_operator on transit_routes (operator_code);

create table transit_stops (
  id text primary key,
  name text not null,
  lat double precision not null,
  lon double precision not null,
  kind text not null default 'stop',
  parent_station text,
  updated_at timestamptz not null default now(),
  constraint transit_stops_id_format check (id ~ '^[A-Za-z0-9_.-]{1,40}$'),
  constraint transit_stops_name_length check (char_length(name) between 1 and 200),
  -- Việt Nam's bounding box, as the importer checks it.
  constraint transit_stops_in_vietnam check (lat between 8.1 and 23.4 and lon between 102.1 and 109.5),
  constraint transit_stops_kind check (kind in ('stop', 'station')),
  constraint transit_stops_parent_fk foreign key (parent_station) references transit_stops (id),
  constraint transit_stops_station_no_parent check (kind = 'stop' or parent_station is null)
);
create index transit_stops_parent on transit_stops (parent_station) where parent_station is not null;

create table transit_areas (
  id text primary key,
  name text not null default '',
  constraint transit_areas_id_format check (id ~ '^[A-Za-z0-9_.-]{1,40}$')
);

create table transit_stop_areas (
  area_id text not null,
  stop_id text not null,
  constraint transit_stop_areas_pk primary key (area_id, stop_id),
  constraint transit_stop_areas_area_fk foreign key (area_id) references transit_areas (id) on delete cascade,
  constraint transit_stop_areas_stop_fk foreign key (stop_id) references transit_stops (id)
);
create index transit_stop_areas_stop on transit_stop_areas (stop_id);

-- One stop pattern per route (the feed's longest trip in direction 0); a stop may come twice on a loop route.
create table transit_route_stops (
  route_id text not null,
  sequence int not null,
  stop_id text not null,
  distance_km numeric(8, 3) not null,
  constraint transit_route_stops_pk primary key (route_id, sequence),
  constraint transit_route_stops_route_fk foreign key (route_id) references transit_routes (id) on delete cascade,
  constraint transit_route_stops_stop_fk foreign key (stop_id) references transit_stops (id),
  constraint transit_route_stops_sequence_positive check (sequence >= 0),
  constraint transit_route_stops_distance_positive check (distance_km >= 0)
);
create index transit_route_stops_stop on transit_route_stops (stop_id, route_id);

-- The secret a validator signs its taps with (HMAC) must be read back to check them: it is sealed (AES-256-GCM under
-- the configured key, platform/auth/sealed.ts) with the validator's id as context, never stored plain.
create table transit_validators (
  id text primary key,
  kind text not null,
  operator_code text not null,
  route_id text,
  station_id text,
  vehicle text not null default '',
  status text not null default 'active',
  secret_sealed text not null,
  last_seen_at timestamptz,
  clock_skew_ms int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint transit_validators_id_format check (id ~ '^[A-Za-z0-9_.-]{1,60}$'),
  constraint transit_validators_kind check (kind in ('vehicle', 'gate')),
  constraint transit_validators_status check (status in ('active', 'blocked')),
  constraint transit_validators_operator_fk foreign key (operator_code) references transit_operators (code),
  constraint transit_validators_route_fk foreign key (route_id) references transit_routes (id),
  constraint transit_validators_station_fk foreign key (station_id) references transit_stops (id),
  -- A vehicle validator rides one route; a gate stands in one station.
  constraint transit_validators_place check (
    (kind = 'vehicle' and route_id is not null and station_id is null)
    or (kind = 'gate' and station_id is not null and route_id is null)
  ),
  constraint transit_validators_sealed check (secret_sealed like 'v1:%')
);
create index transit_validators_route on transit_validators (route_id) where route_id is not null;
create index transit_validators_station on transit_validators (station_id) where station_id is not null;
