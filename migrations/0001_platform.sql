-- Platform: extensions, accent-insensitive search helpers, settings, audit trail, sessions, mail outbox.
create extension if not exists unaccent;
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;

-- unaccent() is only STABLE (it reads a dictionary), so it cannot back an index; this wrapper pins the
-- dictionary and is declared IMMUTABLE. unaccent's rules fold đ/Đ to d/D as Vietnamese search needs.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Full-text configuration for Vietnamese: words as they are (no stemming), accents folded.
create text search configuration vn (copy = simple);
alter text search configuration vn alter mapping for hword, hword_part, word with unaccent, simple;

create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id bigint,
  actor_label text,
  action text not null,
  entity text not null,
  entity_id text,
  agency_id bigint,
  ip text,
  data jsonb not null default '{}'
);
create index audit_log_entity on audit_log (entity, entity_id);
create index audit_log_at on audit_log (at);

create table sessions (
  id text primary key,               -- sha256 of the cookie token; the token itself is never stored
  user_id bigint not null,
  data jsonb not null,               -- snapshot of the signed-in user (name, kind, roles, agency)
  second_factor_pending boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);
create index sessions_expires on sessions (expires_at);

create table outbox_mail (
  id bigint generated always as identity primary key,
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'logged')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_mail_pending on outbox_mail (created_at) where status = 'pending';
