-- Official documents (issue 13): distribution by e-mail to recipients outside the platform and the exchange axis.
-- Each such recipient gets a mail with the document's particulars and a link of its own to the signed document; only
-- the SHA-256 of the link's token is kept, with its expiry. Owned by src/modules/documents.
alter table document_recipients add column token_hash text;
alter table document_recipients add column expires_at timestamptz;
alter table document_recipients add column opened_at timestamptz;
create unique index document_recipients_token on document_recipients (token_hash) where token_hash is not null;
