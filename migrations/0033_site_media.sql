-- Images and attachments of the portal's articles (issue 12 "Content": images resized and served in modern formats;
-- direction documents with attachments). Kept in the database, not on a disk of one app process, so every process
-- serves them; an image is kept only as its resized WebP variants and one JPEG for link previews (its metadata, GPS
-- position included, is dropped), a file as uploaded.
create table site_media (
  id bigserial primary key,
  site_id bigint not null references sites (id),
  article_id bigint references articles (id),
  kind text not null check (kind in ('image', 'file')),
  name text not null,
  mime text not null,
  size int not null,
  alt text not null default '',
  width int,
  height int,
  created_by bigint,
  created_at timestamptz not null default now()
);

create index site_media_article on site_media (article_id);

create table site_media_blobs (
  media_id bigint not null references site_media (id),
  -- '480.webp', '960.webp', '1600.webp', '1200.jpg' for an image; 'file' for an attachment.
  variant text not null,
  mime text not null,
  bytes bytea not null,
  primary key (media_id, variant)
);
