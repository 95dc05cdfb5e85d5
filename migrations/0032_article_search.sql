-- The portal's one search box (issue 12 "Search"): an article's plain text (its sanitised body without markup, written
-- by the app with the body), a full-text vector over title, summary and text in the `vn` configuration (accents
-- folded) and the accent-folded title for trigram matching of mistyped words. Both indexes hold published rows only:
-- readers search nothing else.
alter table articles add column body_text text not null default '';

alter table articles add column search_tsv tsvector generated always as (
  setweight(to_tsvector('vn'::regconfig, title), 'A')
    || setweight(to_tsvector('vn'::regconfig, summary), 'B')
    || setweight(to_tsvector('vn'::regconfig, body_text), 'C')
) stored;

alter table articles add column title_key text generated always as (lower(f_unaccent(title))) stored;

create index articles_search_tsv on articles using gin (search_tsv) where status = 'published';

create index articles_title_key on articles using gin (title_key gin_trgm_ops) where status = 'published';
