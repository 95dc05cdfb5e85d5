-- Catalogue of administrative procedures (thủ tục hành chính, DOMAIN §3).
-- A procedure (national code like 1.001193, local variant like 1.012753.H19) has versions: an import of changed
-- content, or a change of its e-form or workflow, adds a version with its effective date and keeps the old ones,
-- so that a dossier can keep the version in force when it was received. `procedures` holds one row per code with a
-- pointer to its current (latest) version and the columns that search and filters need.
create table procedures (
  code text primary key check (code ~ '^[0-9]\.[0-9]{6}(\.[A-Za-z0-9]{1,12})?$'),
  current_version int not null check (current_version >= 1),
  name text not null,
  field text,                                   -- lĩnh vực
  issuing_agency text,                          -- cơ quan ban hành (the ministry)
  agencies text[] not null default '{}',        -- every agency named by the current version: issuing, implementing, competent
  levels text[] not null default '{}',          -- ministry | province | commune | other
  channels text[] not null default '{}',        -- direct | post | online
  online boolean generated always as ('online' = any (channels)) stored,
  online_level text check (online_level in ('full', 'partial')),
  processing_amount numeric,
  processing_unit text check (processing_unit in ('working_days', 'calendar_days', 'hours', 'within_day')),
  processing_text text,
  effective_from date not null,
  updated_at timestamptz not null default now(),
  search_key text generated always as (lower(f_unaccent(name || ' ' || code))) stored,
  search_tsv tsvector generated always as (
    setweight(to_tsvector('vn'::regconfig, name), 'A') || setweight(to_tsvector('vn'::regconfig, coalesce(field, '')), 'C')
  ) stored
);
create index procedures_search_key on procedures using gin (search_key gin_trgm_ops);
create index procedures_search_tsv on procedures using gin (search_tsv);
create index procedures_code_prefix on procedures (code text_pattern_ops);
create index procedures_field on procedures (field);
create index procedures_levels on procedures using gin (levels);
create index procedures_agencies on procedures using gin (agencies);

create table procedure_versions (
  code text not null references procedures (code),
  version int not null check (version >= 1),
  effective_from date not null,
  content_hash text not null,                   -- sha256 of the content taken from the source (not eform/workflow/online level)
  source text,                                  -- where the content came from: 'import:<file>', 'admin:<username>'
  created_at timestamptz not null default now(),
  name text not null,
  field text,
  procedure_type text,                          -- loại thủ tục
  levels text[] not null default '{}',
  issuing_agency text,
  implementing_agencies text[] not null default '{}',
  competent_agency text,
  receiving_address text,
  applicant_types text[] not null default '{}',
  channels text[] not null default '{}' check (channels <@ array['direct', 'post', 'online']),
  -- 'partial' (một phần) is derived when an online channel exists; 'full' (toàn trình, Decree 42/2022) is set by an
  -- administrator or the e-form configuration: the national data has no such field.
  online_level text check (online_level in ('full', 'partial')),
  processing_amount numeric,
  processing_unit text check (processing_unit in ('working_days', 'calendar_days', 'hours', 'within_day')),
  processing_text text,
  channel_details jsonb not null default '[]',  -- [{channel, time: {amount, unit, text}, fee_text, description}]
  fees jsonb not null default '[]',             -- [{label, amount_dong (integer đồng or null), text}]
  fees_text text,
  documents jsonb not null default '[]',        -- [{name, originals, copies, form_file, form_files}]
  documents_text text,
  steps jsonb not null default '[]',            -- ["Bước 1: …", …]
  conditions text,
  result jsonb not null default '[]',           -- [{name, code}]
  result_text text,
  legal_basis jsonb not null default '[]',      -- [{number, title}]
  legal_basis_text text,
  decision_number text,                         -- số quyết định công bố
  source_url text,
  eform jsonb,                                  -- JSON Schema 2020-12 + UI hints of the online form; null until configured
  workflow_ref text,                            -- the workflow definition dossiers of this version follow
  primary key (code, version)
);
create index procedure_versions_effective on procedure_versions (code, effective_from);

-- Everyday words mapped to the words the catalogue uses ('bằng lái' → 'giấy phép lái xe'); administrators edit them.
-- term_key is the term's search key (searchKey in src/platform/text: NFC, accents folded, lower case, single spaces).
create table procedure_synonyms (
  id bigint generated always as identity primary key,
  term text not null check (char_length(term) between 1 and 100),
  term_key text not null unique,
  expansion text not null check (char_length(expansion) between 1 and 200),
  created_by text,
  created_at timestamptz not null default now()
);
