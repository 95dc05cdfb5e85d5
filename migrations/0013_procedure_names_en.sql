-- English names of procedures (our reviewed translations, data/procedures/names-en.csv), shown on English pages and
-- in the API, and searched beside the Vietnamese names.
-- procedure_names_en holds them by code, loaded with the reference data; it may name a code the catalogue does not
-- hold yet (no foreign key), so that a procedure imported later gets its English name at import.
create table procedure_names_en (
  code text primary key check (code ~ '^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]{1,12})?$'),
  name text not null check (char_length(name) between 1 and 1000),
  -- the name as searched: accent-free lower-case words in the light English form of src/modules/procedures/english.ts
  search_key text not null,
  note text,
  updated_at timestamptz not null default now()
);

-- Copied onto each procedure (kept in step by the loader and the import), as search needs them in the row.
alter table procedures add column name_en text;
alter table procedures add column name_en_key text;

-- The full-text vector now holds the English words too (a generated column's expression cannot be altered on
-- PostgreSQL 15: drop and add it again; its index goes with it).
alter table procedures drop column search_tsv;
alter table procedures add column search_tsv tsvector generated always as (
  setweight(to_tsvector('vn'::regconfig, name), 'A')
    || setweight(to_tsvector('vn'::regconfig, coalesce(name_en_key, '')), 'A')
    || setweight(to_tsvector('vn'::regconfig, coalesce(field, '')), 'C')
) stored;
create index procedures_search_tsv on procedures using gin (search_tsv);
create index procedures_name_en_key on procedures using gin (name_en_key gin_trgm_ops);
