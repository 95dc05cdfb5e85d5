-- The city portal (issue 12 "Content"): one site for the city and one for every agency and ward (made at every
-- start for agencies that have none), its categories, its articles (news, pages, announcements, direction and
-- administration documents) with the editorial workflow draft → review → published (a publication time in the future
-- is a scheduled publication), and every saved revision of an article for its history and diff.
create table sites (
  id bigserial primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  agency_id bigint unique references agencies (id),
  kind text not null check (kind in ('city', 'agency', 'ward')),
  name text not null,
  name_en text not null default '',
  -- Comments wait for a moderator before they show (issue 12 "Comments": pre-moderation by default).
  pre_moderation boolean not null default true,
  created_at timestamptz not null default now()
);

create table site_categories (
  id bigserial primary key,
  site_id bigint not null references sites (id),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  name_en text not null default '',
  position int not null default 0,
  unique (site_id, slug)
);

create table articles (
  id bigserial primary key,
  site_id bigint not null references sites (id),
  kind text not null check (kind in ('news', 'page', 'announcement', 'direction')),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null,
  summary text not null default '',
  -- Stored sanitised (platform/text/rich-text.ts): no script can reach a reader.
  body_html text not null default '',
  category_id bigint references site_categories (id),
  tags text[] not null default '{}',
  featured boolean not null default false,
  status text not null check (status in ('draft', 'review', 'published', 'unpublished')),
  -- When a published article shows (now or later: scheduled publishing).
  publish_at timestamptz,
  -- A direction or administration document (văn bản chỉ đạo điều hành): its number and notation, date and signer.
  document_no text,
  document_date date,
  signer text,
  version int not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (site_id, slug)
);

create index articles_published on articles (site_id, publish_at desc) where status = 'published';
create index articles_city_published on articles (publish_at desc) where status = 'published';

create table article_revisions (
  id bigserial primary key,
  article_id bigint not null references articles (id),
  version int not null,
  title text not null,
  summary text not null,
  body_html text not null,
  status text not null,
  actor_id bigint,
  actor_label text not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  unique (article_id, version)
);
