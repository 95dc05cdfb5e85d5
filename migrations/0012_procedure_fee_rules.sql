-- Fees as rules and processing times with their basis (issue 9).
-- A version's fees were lines of đồng that a dossier added up: 3.000347 charged its 135.000 đồng fee plus the
-- 115.000 đồng online rate that ended on 31/12/2025. They are now rules (alternatives by channel, case and period,
-- src/modules/procedures/schema.ts FeeRule) that src/modules/procedures/fees.ts evaluates for a date and a channel.
-- The published text stays where it was (fees_text, channel_details[].fee_text). Versions written before this
-- migration have no rules stored (null): they are read from that text when the version is read, as an import would.
alter table procedure_versions add column fee_rules jsonb;
alter table procedure_versions drop column fees;
-- Where a processing time's unit comes from when the published time text has none ("1"): the sentence of the
-- procedure's own text, or the row of data/procedures/processing-time-overrides.csv. Null: the text states it.
alter table procedure_versions add column processing_basis text;
