-- Ramp time's first reached quota: a rep's live quotas in period order (end, then start), so the read walks them from the
-- rep's start and stops at the first whose target was reached, instead of measuring every quota of the history.
CREATE INDEX ix_quotas_user_end ON quotas (user_id, period_end, period_start) WHERE deleted_at IS NULL;
