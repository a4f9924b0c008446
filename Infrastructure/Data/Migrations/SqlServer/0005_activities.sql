-- Activities: the link indexes only hold rows that have the link (filtered indexes). Most activities link one or two
-- of the four record kinds, so NULL entries made up most of these indexes and cost every insert (the recording hot
-- path). Lookups by a link (`lead_id = @Id`) imply NOT NULL and still use them.
DROP INDEX ix_activities_lead ON activities;
DROP INDEX ix_activities_contact ON activities;
DROP INDEX ix_activities_account ON activities;
DROP INDEX ix_activities_opportunity ON activities;
CREATE INDEX ix_activities_lead ON activities (lead_id, occurred_at) WHERE lead_id IS NOT NULL;
CREATE INDEX ix_activities_contact ON activities (contact_id, occurred_at) WHERE contact_id IS NOT NULL;
CREATE INDEX ix_activities_account ON activities (account_id, occurred_at) WHERE account_id IS NOT NULL;
CREATE INDEX ix_activities_opportunity ON activities (opportunity_id, occurred_at) WHERE opportunity_id IS NOT NULL;
