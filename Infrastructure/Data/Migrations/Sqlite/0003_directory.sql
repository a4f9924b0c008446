-- Directory and lead lists: newest first is the default order of the account and contact lists, and leads are
-- often listed by status (keyset on created_at, id).
CREATE INDEX ix_accounts_created ON accounts (created_at, id);
CREATE INDEX ix_contacts_created ON contacts (created_at, id);
CREATE INDEX ix_leads_status ON leads (status, created_at);
