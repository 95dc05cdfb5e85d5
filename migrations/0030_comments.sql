-- Readers' comments on the portal's articles (issue 12 "Comments", the form of the old portal): name, an optional
-- phone number, a title and plain text, sent with a proof of work. Pre-moderation by default (sites.pre_moderation);
-- readers report a published comment, and at the site's threshold it is hidden until a moderator looks at it
-- (reports → threshold auto-hide → moderator queue → logged decision). A reader's address is never stored: only a
-- keyed hash of it (HMAC with a server secret), enough to count, to refuse a second report and to block.
alter table sites add column comment_report_threshold int not null default 3 check (comment_report_threshold between 1 and 100);

create table comments (
  id bigint generated always as identity primary key,
  site_id bigint not null references sites (id),
  article_id bigint not null references articles (id),
  name text not null check (char_length(name) between 1 and 100),
  -- E.164 (+84…); shown to moderators only, never on a public page.
  phone text check (phone ~ '^\+84[0-9]{9,10}$'),
  title text not null check (char_length(title) between 1 and 200),
  body text not null check (char_length(body) between 1 and 4000),
  status text not null check (status in ('pending', 'published', 'rejected', 'hidden')),
  -- Why a moderator rejected it (required then).
  reason text,
  -- Reports since it was last approved; at the site's threshold a published comment is hidden.
  reports int not null default 0,
  ip_hash text not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  decided_by bigint,
  decided_at timestamptz,
  check (status <> 'rejected' or reason is not null)
);
create index comments_article_published on comments (article_id, published_at) where status = 'published';
create index comments_site_queue on comments (site_id, created_at) where status in ('pending', 'hidden');
create index comments_site_recent on comments (site_id, published_at desc) where status = 'published';
create index comments_ip_recent on comments (ip_hash, created_at);
create index comments_phone_recent on comments (phone, created_at) where phone is not null;

-- One report per address per comment.
create table comment_reports (
  comment_id bigint not null references comments (id),
  ip_hash text not null,
  created_at timestamptz not null default now(),
  primary key (comment_id, ip_hash)
);

-- Senders whose new comments are refused: on one site, or on every site (site_id null, administrators only); by phone
-- number, by address hash, or both. Lifting a block keeps the row (who lifted it, when).
create table comment_blocks (
  id bigint generated always as identity primary key,
  site_id bigint references sites (id),
  phone text,
  ip_hash text,
  reason text not null check (char_length(reason) between 1 and 500),
  created_by bigint,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  lifted_at timestamptz,
  lifted_by bigint,
  check (phone is not null or ip_hash is not null)
);
create index comment_blocks_active on comment_blocks (site_id) where lifted_at is null;
