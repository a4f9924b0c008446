-- Day rollups of opportunities, kept exact by triggers in the same transaction as every write to opportunities and
-- stage_moves (filled by the rebuild in Rollups/OpportunityDayRollup.cs after a migration and on a zone change).
-- opportunity_days, per local day, current owner and current pipeline, of live (not soft-deleted) opportunities:
--   created             opportunities created that day (created_at);
--   won, won_amount     opportunities whose current outcome is won, by the day of closed_at, and their current amounts;
--   lost                likewise for lost;
--   opened, closed      moves into an open stage from none or a closed one, and out of an open stage into won or lost,
--                       by the day of the move (or of the creation, if later): open at the start of day D is
--                       Σ over days before D of (opened - closed).
-- opportunity_open_totals: per current owner and pipeline, the live opportunities whose latest move entered an open
-- stage, i.e. Σ of (opened - closed) over all days; so open at D = total - Σ over days from D of (opened - closed),
-- whose cost follows the distance from now, not the history. Stage moves are append-only and in order (enforced by
-- the stage-move rules), so a new move only changes the history from its own day on.

CREATE TABLE opportunity_days (
    day TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    created INTEGER NOT NULL DEFAULT 0,
    won INTEGER NOT NULL DEFAULT 0,
    won_amount INTEGER NOT NULL DEFAULT 0,
    lost INTEGER NOT NULL DEFAULT 0,
    opened INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, owner_id, pipeline_id)
) WITHOUT ROWID;

CREATE INDEX ix_opportunity_days_owner ON opportunity_days (owner_id, day);

CREATE TABLE opportunity_open_totals (
    owner_id TEXT NOT NULL,
    pipeline_id TEXT NOT NULL,
    open_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (owner_id, pipeline_id)
) WITHOUT ROWID;

-- Medians of won deals and lost reasons read only the deals closed in the window, from these covering indexes (the
-- won one replaces 0011's narrower ix_opportunities_won_closed, which the planner would otherwise pick).
DROP INDEX ix_opportunities_won_closed;
CREATE INDEX ix_opportunities_won_deals ON opportunities (closed_at, owner_id, pipeline_id, amount, created_at)
    WHERE outcome = 'won' AND deleted_at IS NULL;
CREATE INDEX ix_opportunities_lost_deals ON opportunities (closed_at, owner_id, pipeline_id, lost_reason_id, competitor, amount)
    WHERE outcome = 'lost' AND deleted_at IS NULL;

CREATE TRIGGER tr_opportunities_days_insert AFTER INSERT ON opportunities
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, 1
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, won, won_amount, lost)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, CASE WHEN NEW.outcome = 'won' THEN 1 ELSE 0 END,
           CASE WHEN NEW.outcome = 'won' THEN NEW.amount ELSE 0 END, CASE WHEN NEW.outcome = 'lost' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.outcome IN ('won', 'lost')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, SUM(h.opened), SUM(h.closed)
    FROM (SELECT CASE WHEN m.occurred_at > NEW.created_at THEN m.occurred_at ELSE NEW.created_at END AS at,
                 CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM (SELECT sm.occurred_at, st.kind, LAG(st.kind) OVER (ORDER BY sm.move_number) AS previous_kind
                FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id WHERE sm.opportunity_id = NEW.id) m) h
    JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= h.at)
    WHERE NEW.deleted_at IS NULL AND (h.opened = 1 OR h.closed = 1)
    GROUP BY c.day
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed;
    INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
    SELECT NEW.owner_id, NEW.pipeline_id, 1
    FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
    WHERE NEW.deleted_at IS NULL AND sm.opportunity_id = NEW.id AND st.kind = 'open'
      AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = NEW.id)
    ON CONFLICT (owner_id, pipeline_id) DO UPDATE SET open_count = open_count + excluded.open_count;
END;

CREATE TRIGGER tr_opportunities_days_delete AFTER DELETE ON opportunities
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, -1
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, won, won_amount, lost)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, CASE WHEN OLD.outcome = 'won' THEN -1 ELSE 0 END,
           CASE WHEN OLD.outcome = 'won' THEN -OLD.amount ELSE 0 END, CASE WHEN OLD.outcome = 'lost' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.outcome IN ('won', 'lost')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, -SUM(h.opened), -SUM(h.closed)
    FROM (SELECT CASE WHEN m.occurred_at > OLD.created_at THEN m.occurred_at ELSE OLD.created_at END AS at,
                 CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM (SELECT sm.occurred_at, st.kind, LAG(st.kind) OVER (ORDER BY sm.move_number) AS previous_kind
                FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id WHERE sm.opportunity_id = OLD.id) m) h
    JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= h.at)
    WHERE OLD.deleted_at IS NULL AND (h.opened = 1 OR h.closed = 1)
    GROUP BY c.day
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed;
    INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
    SELECT OLD.owner_id, OLD.pipeline_id, -1
    FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
    WHERE OLD.deleted_at IS NULL AND sm.opportunity_id = OLD.id AND st.kind = 'open'
      AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = OLD.id)
    ON CONFLICT (owner_id, pipeline_id) DO UPDATE SET open_count = open_count + excluded.open_count;
END;

-- A new owner, pipeline, creation time or deletion moves the whole record: its creation and its open history.
CREATE TRIGGER tr_opportunities_days_place AFTER UPDATE OF owner_id, pipeline_id, created_at, deleted_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.created_at IS NOT NEW.created_at
     OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, -1
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.created_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, -SUM(h.opened), -SUM(h.closed)
    FROM (SELECT CASE WHEN m.occurred_at > OLD.created_at THEN m.occurred_at ELSE OLD.created_at END AS at,
                 CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM (SELECT sm.occurred_at, st.kind, LAG(st.kind) OVER (ORDER BY sm.move_number) AS previous_kind
                FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id WHERE sm.opportunity_id = OLD.id) m) h
    JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= h.at)
    WHERE OLD.deleted_at IS NULL AND (h.opened = 1 OR h.closed = 1)
    GROUP BY c.day
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed;
    INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
    SELECT OLD.owner_id, OLD.pipeline_id, -1
    FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
    WHERE OLD.deleted_at IS NULL AND sm.opportunity_id = OLD.id AND st.kind = 'open'
      AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = OLD.id)
    ON CONFLICT (owner_id, pipeline_id) DO UPDATE SET open_count = open_count + excluded.open_count;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, created)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, 1
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.created_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET created = created + excluded.created;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, SUM(h.opened), SUM(h.closed)
    FROM (SELECT CASE WHEN m.occurred_at > NEW.created_at THEN m.occurred_at ELSE NEW.created_at END AS at,
                 CASE WHEN m.kind = 'open' AND COALESCE(m.previous_kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN m.kind <> 'open' AND m.previous_kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM (SELECT sm.occurred_at, st.kind, LAG(st.kind) OVER (ORDER BY sm.move_number) AS previous_kind
                FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id WHERE sm.opportunity_id = NEW.id) m) h
    JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= h.at)
    WHERE NEW.deleted_at IS NULL AND (h.opened = 1 OR h.closed = 1)
    GROUP BY c.day
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed;
    INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
    SELECT NEW.owner_id, NEW.pipeline_id, 1
    FROM stage_moves sm JOIN stages st ON st.id = sm.to_stage_id
    WHERE NEW.deleted_at IS NULL AND sm.opportunity_id = NEW.id AND st.kind = 'open'
      AND sm.move_number = (SELECT MAX(m2.move_number) FROM stage_moves m2 WHERE m2.opportunity_id = NEW.id)
    ON CONFLICT (owner_id, pipeline_id) DO UPDATE SET open_count = open_count + excluded.open_count;
END;

-- A close, reopening, new amount (or a new owner, pipeline, deletion) moves the won / lost counts.
CREATE TRIGGER tr_opportunities_days_close AFTER UPDATE OF owner_id, pipeline_id, closed_at, outcome, amount, deleted_at ON opportunities
WHEN OLD.owner_id IS NOT NEW.owner_id OR OLD.pipeline_id IS NOT NEW.pipeline_id OR OLD.closed_at IS NOT NEW.closed_at
     OR OLD.outcome IS NOT NEW.outcome OR OLD.amount IS NOT NEW.amount OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, won, won_amount, lost)
    SELECT c.day, OLD.owner_id, OLD.pipeline_id, CASE WHEN OLD.outcome = 'won' THEN -1 ELSE 0 END,
           CASE WHEN OLD.outcome = 'won' THEN -OLD.amount ELSE 0 END, CASE WHEN OLD.outcome = 'lost' THEN -1 ELSE 0 END
    FROM metric_calendar c
    WHERE OLD.deleted_at IS NULL AND OLD.outcome IN ('won', 'lost')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= OLD.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost;
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, won, won_amount, lost)
    SELECT c.day, NEW.owner_id, NEW.pipeline_id, CASE WHEN NEW.outcome = 'won' THEN 1 ELSE 0 END,
           CASE WHEN NEW.outcome = 'won' THEN NEW.amount ELSE 0 END, CASE WHEN NEW.outcome = 'lost' THEN 1 ELSE 0 END
    FROM metric_calendar c
    WHERE NEW.deleted_at IS NULL AND NEW.outcome IN ('won', 'lost')
      AND c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc WHERE mc.starts_at <= NEW.closed_at)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET won = won + excluded.won, won_amount = won_amount + excluded.won_amount, lost = lost + excluded.lost;
END;

-- A new stage move (always the latest, at or after the one before) opens or closes the deal from its day on.
CREATE TRIGGER tr_stage_moves_days_insert AFTER INSERT ON stage_moves
BEGIN
    INSERT INTO opportunity_days (day, owner_id, pipeline_id, opened, closed)
    SELECT c.day, o.owner_id, o.pipeline_id, t.opened, t.closed
    FROM opportunities o
    JOIN (SELECT CASE WHEN st.kind = 'open' AND COALESCE(p.kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN st.kind <> 'open' AND p.kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM stages st
          LEFT JOIN stages p ON p.id = (SELECT pm.to_stage_id FROM stage_moves pm
                                        WHERE pm.opportunity_id = NEW.opportunity_id AND pm.move_number < NEW.move_number
                                        ORDER BY pm.move_number DESC LIMIT 1)
          WHERE st.id = NEW.to_stage_id) t
    JOIN metric_calendar c ON c.starts_at = (SELECT MAX(mc.starts_at) FROM metric_calendar mc
                                             WHERE mc.starts_at <= CASE WHEN NEW.occurred_at > o.created_at THEN NEW.occurred_at ELSE o.created_at END)
    WHERE o.id = NEW.opportunity_id AND o.deleted_at IS NULL AND (t.opened = 1 OR t.closed = 1)
    ON CONFLICT (day, owner_id, pipeline_id) DO UPDATE SET opened = opened + excluded.opened, closed = closed + excluded.closed;
    INSERT INTO opportunity_open_totals (owner_id, pipeline_id, open_count)
    SELECT o.owner_id, o.pipeline_id, t.opened - t.closed
    FROM opportunities o
    JOIN (SELECT CASE WHEN st.kind = 'open' AND COALESCE(p.kind, '') <> 'open' THEN 1 ELSE 0 END AS opened,
                 CASE WHEN st.kind <> 'open' AND p.kind = 'open' THEN 1 ELSE 0 END AS closed
          FROM stages st
          LEFT JOIN stages p ON p.id = (SELECT pm.to_stage_id FROM stage_moves pm
                                        WHERE pm.opportunity_id = NEW.opportunity_id AND pm.move_number < NEW.move_number
                                        ORDER BY pm.move_number DESC LIMIT 1)
          WHERE st.id = NEW.to_stage_id) t
    WHERE o.id = NEW.opportunity_id AND o.deleted_at IS NULL AND (t.opened = 1 OR t.closed = 1)
    ON CONFLICT (owner_id, pipeline_id) DO UPDATE SET open_count = open_count + excluded.open_count;
END;
