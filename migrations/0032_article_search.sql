-- The portal's one search box (issue 12 "Search"): an article's plain text (its sanitised body without markup, written
-- by the app with the body); a full-text vector over title, summary and text in the `vn` configuration (accents
-- folded) for matching, stripped of positions and kept in the row (small: a search that checks it row by row reads no
-- TOAST), indexed for published rows only: readers search nothing else; and a small vector of title (weight A) and
-- summary (B) with positions, for ranking. And the words of published articles (accents
-- folded, as the vector holds them): the vocabulary a mistyped query word is corrected against ("chnug" → chung);
-- Vietnamese words are syllables, so it stays a few thousand rows.
alter table articles add column body_text text not null default '';

alter table articles add column search_tsv tsvector generated always as (
  strip(to_tsvector('vn'::regconfig, title || ' ' || summary || ' ' || body_text))
) stored;

alter table articles alter column search_tsv set storage main;

alter table articles add column rank_tsv tsvector generated always as (
  setweight(to_tsvector('vn'::regconfig, title), 'A') || setweight(to_tsvector('vn'::regconfig, summary), 'B')
) stored;

alter table articles alter column rank_tsv set storage main;

create index articles_search_tsv on articles using gin (search_tsv) where status = 'published';

create table article_words (
  word text primary key,
  articles int not null default 1
);

insert into article_words (word, articles)
  select word, count(*) from (select unnest(tsvector_to_array(search_tsv)) as word from articles where status = 'published') w
  group by word;
