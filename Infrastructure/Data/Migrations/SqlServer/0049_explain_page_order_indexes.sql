-- Explain pages in the order of an index on SQL Server. Every explain statement pages its records ORDER BY <instant>, <id>
-- with the cursor as a range on the instant (MetricStore.ExplainSeek, Keyset.Ascending) and stops after {limit} rows. Every
-- table here is a heap with a nonclustered primary key, so a nonclustered index's rows are in key order and then by RID,
-- not by id: an index keyed (instant) or (instant, owner, ...) still leaves SQL Server to read and sort the whole rest of
-- the window for each page. The indexes below put id in the key right after the instant (after the owner, for a member's
-- own range) and carry the columns the statement filters on, so a page is read from the cursor on and the read stops after
-- it. A rep's or team's page named as an owner list (MetricSql.MemberOwners) still sorts the members' rows of the rest of
-- the window (one ordered range per member, and no LATERAL to cut each): there the gain is that those rows are read from
-- the index alone instead of the table; the correlated member pages (MetricStore.ExplainRecords) stop after the page.
-- All but one replace an index of the same name that read the same range: the columns that followed the instant in its key
-- only ever served as a residual filter (no statement seeks an instant by equality), so they are carried instead. Filtered
-- ones carry the column of an IS NULL filter: SQL Server otherwise goes back to the row to test it.
-- Worked out from the keys and the statements' SQL Server text; no plan was measured (no SQL Server where this was written).
-- Already served before this script: meetings booked (0045's booked indexes), opportunities created for a rep or team
-- (0045), follow-ups completed for a rep or team and the organisation's overdue ones (0045), the deals open now (0047),
-- stale deals (0032's stage-entry indexes).

-- Activity explains of the organisation (ActivityMetricsStore.ExplainActivities: every figure counted at an activity's start)
-- and selling time's (SellingTimeMetricsStore.Explain): live activities from the cursor in (occurred_at, id) order. Both
-- statements say a.deleted_at IS NULL, which this filter needs; the figures' conditions (type, direction, outcome, reply,
-- duration) are carried, so a figure's rows are picked from the index and only the page's rows are read from the table.
-- ix_activities_occurred (occurred_at) stays as it was for the statements that read deleted activities too.
DROP INDEX ix_activities_selling_time ON activities;
CREATE INDEX ix_activities_selling_time ON activities (occurred_at, id)
    INCLUDE (type, owner_id, duration_seconds, outcome, direction, replied_at, deleted_at) WHERE deleted_at IS NULL;

-- The same explains for a rep or team: each member's page in (occurred_at, id) order from the member's range (the correlated
-- member page of MetricStore.ExplainRecords), the figures' conditions carried. Lists by owner keep their (owner, instant) seek.
DROP INDEX ix_activities_owner ON activities;
CREATE INDEX ix_activities_owner ON activities (owner_id, occurred_at, id)
    INCLUDE (type, direction, outcome, replied_at, duration_seconds, deleted_at);

-- Opportunities created, the organisation's (ActivityMetricsStore.ExplainOpportunities): in (created_at, id) order. The
-- opportunity list, newest first by (created_at, id), reads it backwards.
DROP INDEX ix_opportunities_created ON opportunities;
CREATE INDEX ix_opportunities_created ON opportunities (created_at, id) INCLUDE (deleted_at);

-- Won deals closed in the window, the organisation's: results' won_deals (ResultMetricsStore.ExplainWonDeals), the funnel's and
-- a quota's deals won (AttainmentMetricsStore.ExplainWon), follow-ups' won_deals (FollowUpMetricsStore.ExplainWonDeals, whose
-- o.outcome = 'won' implies the filter). The medians' and forecasts' reads of a window's won deals read the same range.
DROP INDEX ix_opportunities_won_deals ON opportunities;
CREATE INDEX ix_opportunities_won_deals ON opportunities (closed_at, id) INCLUDE (owner_id, pipeline_id, amount, created_at, deleted_at)
    WHERE outcome = 'won' AND deleted_at IS NULL;

-- Lost deals closed in the window, the organisation's: results' lost_deals, follow-ups' lost_deals and early_give_ups.
DROP INDEX ix_opportunities_lost_deals ON opportunities;
CREATE INDEX ix_opportunities_lost_deals ON opportunities (closed_at, id)
    INCLUDE (owner_id, pipeline_id, lost_reason_id, competitor, amount, deleted_at) WHERE outcome = 'lost' AND deleted_at IS NULL;

-- Closed deals (won or lost) in the window, the organisation's: results' closed_deals (ResultMetricsStore.ExplainClosedDeals).
DROP INDEX ix_opportunities_closed_follow_ups ON opportunities;
CREATE INDEX ix_opportunities_closed_follow_ups ON opportunities (closed_at, id)
    INCLUDE (outcome, deleted_at, owner_id, pipeline_id, follow_ups_at_close);

-- A rep's or team's won deals (the members forms of the won-deal explains above, owner lists): each member's range in
-- (closed_at, id) order with the id and pipeline carried, so the members' rows are sorted from the index alone. A rep's
-- statement (commission, now in its own order), first win (people) and the forecast's member pages keep their seek on owner
-- and close time; the creation time is carried for the forecast's.
DROP INDEX ix_opportunities_owner_won ON opportunities;
CREATE INDEX ix_opportunities_owner_won ON opportunities (owner_id, closed_at, id) INCLUDE (amount, name, pipeline_id, created_at, deleted_at)
    WHERE outcome = 'won' AND deleted_at IS NULL;

-- A rep's or team's lost and closed deals (results' lost_deals and closed_deals, follow-ups' lost_deals and early_give_ups),
-- and the results explain's open-deal candidates of a rep or team (each member's deals with no close or closed since the
-- window's end, by creation); owner lists, so the members' rows are still sorted, but with id in the key and the creation time
-- carried from the index alone.
DROP INDEX ix_opportunities_owner_closed_follow_ups ON opportunities;
CREATE INDEX ix_opportunities_owner_closed_follow_ups ON opportunities (owner_id, closed_at, id)
    INCLUDE (outcome, deleted_at, pipeline_id, follow_ups_at_close, created_at);

-- Follow-ups completed in the window, the organisation's (ActivityMetricsStore.ExplainFollowUpsCompleted, and follow-ups'
-- completed / late explains, FollowUpMetricsStore.ExplainCompletedFollowUps / ExplainLateFollowUps): in (completed_at, id)
-- order, the owner, due time (late) and opportunity (a pipeline) carried. The day rollup's reads by completion read the same
-- range. A rep's or team's come from 0045's ix_follow_ups_owner_completed.
DROP INDEX ix_follow_ups_completed_due ON follow_ups;
CREATE INDEX ix_follow_ups_completed_due ON follow_ups (completed_at, id) INCLUDE (status, owner_id, deleted_at, due_at, opportunity_id);

-- Follow-ups due in the window (open or completed), the organisation's (ActivityMetricsStore.ExplainFollowUpsDue): in
-- (due_at, id) order. The follow-up list, ordered (due_at, id), reads it in its order too.
DROP INDEX ix_follow_ups_due ON follow_ups;
CREATE INDEX ix_follow_ups_due ON follow_ups (due_at, id) INCLUDE (status, owner_id, deleted_at);

-- A rep's or team's overdue follow-ups (ExplainFollowUpsOverdue's member page: status = 'open', a due range): the member's
-- open range in (due_at, id) order. The list's seek on owner and status is kept.
DROP INDEX ix_follow_ups_owner ON follow_ups;
CREATE INDEX ix_follow_ups_owner ON follow_ups (owner_id, status, due_at, id) INCLUDE (deleted_at);

-- A rep's or team's follow-ups due (ExplainFollowUpsDue's member page: status IN ('open', 'completed')): two statuses cannot be
-- read in due order from the owner-status index above, so each member's live follow-ups by due time, the status carried.
CREATE INDEX ix_follow_ups_owner_due ON follow_ups (owner_id, due_at, id) INCLUDE (status, deleted_at) WHERE deleted_at IS NULL;

-- Leads created, the organisation's: results' leads_created / converted / responded (ResultMetricsStore.ExplainLeads*, whose
-- l.deleted_at IS NULL matches the filter) and lead scoring's created / converted (LeadScoringMetricsStore.ExplainCreated): in
-- (created_at, id) order, owner, status and conversion carried. Conversion by score band reads the same range.
DROP INDEX ix_leads_created_score ON leads;
CREATE INDEX ix_leads_created_score ON leads (created_at, id) INCLUDE (owner_id, score, status, converted_opportunity_id, deleted_at)
    WHERE deleted_at IS NULL;

-- The same explains for a rep or team: lead scoring's correlated member page reads each member's range in (created_at, id)
-- order and stops; results' owner list sorts the members' rows from the index alone (the figures' conditions carried). The
-- lead list's (owner, creation) seek is kept.
DROP INDEX ix_leads_owner ON leads;
CREATE INDEX ix_leads_owner ON leads (owner_id, created_at, id) INCLUDE (deleted_at, status, converted_opportunity_id);

-- Sales-qualified and responded leads (LeadScoringMetricsStore.ExplainQualified), every subject: in (sales_qualified_at, id)
-- order with the owner carried (a rep's or team's are the organisation's range with the owner as a filter).
DROP INDEX ix_leads_sales_qualified ON leads;
CREATE INDEX ix_leads_sales_qualified ON leads (sales_qualified_at, id) INCLUDE (owner_id, deleted_at)
    WHERE sales_qualified_at IS NOT NULL AND deleted_at IS NULL;

-- Stage moves of the organisation in (occurred_at, id) order: follow-ups' stage_advances (FollowUpMetricsStore.ExplainAdvances),
-- the pipeline's stage exits and entries (PipelineMetricsStore.ExplainExits / ExplainEntries), with what they join and
-- filter on carried (the deal, both stages, the move number the previous or next move is found by).
DROP INDEX ix_stage_moves_occurred_follow_ups ON stage_moves;
CREATE INDEX ix_stage_moves_occurred_follow_ups ON stage_moves (occurred_at, id)
    INCLUDE (opportunity_id, from_stage_id, to_stage_id, follow_ups_in_stage, move_number);

-- The same explains for a rep or team, through the owner each move carries (owner lists): each member's range in
-- (occurred_at, id) order with the id, deal and move number carried, which were read from the table for every move of the
-- members' window before it was sorted.
DROP INDEX ix_stage_moves_owner_window ON stage_moves;
CREATE INDEX ix_stage_moves_owner_window ON stage_moves (owner_id, occurred_at, id)
    INCLUDE (opportunity_deleted, from_stage_id, from_entered_at, to_stage_id, next_stage_id, opportunity_id, move_number);
