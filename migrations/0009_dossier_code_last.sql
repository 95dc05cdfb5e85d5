-- A dossier's code is taken LAST in the submitting transaction (src/modules/dossiers/submit.ts): the row is inserted
-- without a code, its files, timeline, payment and job follow, and one statement then bumps the agency's daily
-- number (dossier_sequences) and sets the code. The sequence row's lock, which serialises every submission to one
-- agency on one day, is so held for the last few statements only instead of the whole transaction.
-- The code is null only inside that transaction: no committed dossier lacks one. The format check and the unique
-- constraint still hold for every code (a null passes both; a code, once set, must be well-formed and unique).
alter table dossiers alter column code drop not null;
