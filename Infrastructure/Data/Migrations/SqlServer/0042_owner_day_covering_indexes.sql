-- A rep's (or a team member's) rows of the activity and opportunity day rollups are read by owner and day range: the
-- planner's six months, a rep's activity, results and attainment. The owner indexes of 0014 held only (owner, day), so
-- each row read went back to the table by its (day, owner) key: a random seek per day, and a deeper one the more reps
-- the organisation has (large: 550,000 rows per rollup). These carry every column, so a rep's months are one range read.
DROP INDEX ix_activity_days_owner ON activity_days;
CREATE INDEX ix_activity_days_owner ON activity_days (owner_id, day)
    INCLUDE (outbound_calls, inbound_calls, connected_calls, emails_sent, email_replies, emails_received, meetings,
             meetings_held, notes, meetings_booked);
DROP INDEX ix_opportunity_days_owner ON opportunity_days;
CREATE INDEX ix_opportunity_days_owner ON opportunity_days (owner_id, day) INCLUDE (pipeline_id, created, won, won_amount, lost, opened, closed);
