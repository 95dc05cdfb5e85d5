-- "Online" in the catalogue (the badge, the search filter, the counts) means what onlineSubmission()
-- (src/modules/procedures/online.ts) means: an online channel AND a processing time the calendar can count, so that
-- the receipt of an online dossier gives its return date (Decree 61/2018 Art. 19 as amended by Decree 107/2021).
-- It meant "the portal publishes an online channel", so 278 procedures had the badge but refused online dossiers.
alter table procedures drop column online;
alter table procedures add column online boolean generated always as (
  coalesce('online' = any (channels) and (processing_unit = 'within_day' or (processing_unit is not null and processing_amount > 0)), false)
) stored;
