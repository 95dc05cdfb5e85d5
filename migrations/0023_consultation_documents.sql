-- Least privilege over personal data (Decree 13/2023/NĐ-CP Art. 3, data minimisation; issue 10): a consulted agency
-- reads only what it was sent. The officer asking chooses the dossier's attachments to send (their dossier_files ids)
-- and whether the e-form's answers go too; consultations asked before this were sent nothing.
alter table dossier_consultations add column documents jsonb not null default '[]';
alter table dossier_consultations add column include_answers boolean not null default false;
