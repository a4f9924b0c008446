-- The deals open at a past instant (a pipeline snapshot or its explain): the moves that were in their stage then,
-- entered at or before it and left after it. Read through the moves left after it (ix_stage_moves_left), that is every
-- move since, about 1.3 M of the large profile's 5 M a year back, 3.5 M at its start. Grouped by how long the stage was
-- held, a move of class k (held under 2^k hours; 17: longer than 2^16 hours, about 7.5 years, bounded by 87,000,000
-- hours, about the 9,925 years SQL Server's dates reach from the year 1) that was in its stage at the instant entered
-- it less than 2^k hours before, so each class is read from its own index range of entries: the moves held then, and at
-- most about as many again that were left before it (held at least 2^(k-1) hours, so those entered in the second half
-- of the range all count). move_span_classes lists the classes and their bounds for the join.
ALTER TABLE stage_moves ADD left_span_class AS (
    CASE WHEN left_at IS NULL THEN NULL
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 3600000 THEN 0
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 7200000 THEN 1
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 14400000 THEN 2
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 28800000 THEN 3
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 57600000 THEN 4
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 115200000 THEN 5
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 230400000 THEN 6
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 460800000 THEN 7
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 921600000 THEN 8
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 1843200000 THEN 9
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 3686400000 THEN 10
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 7372800000 THEN 11
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 14745600000 THEN 12
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 29491200000 THEN 13
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 58982400000 THEN 14
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 117964800000 THEN 15
         WHEN DATEDIFF_BIG(millisecond, occurred_at, left_at) < 235929600000 THEN 16
         ELSE 17 END) PERSISTED;
GO

CREATE INDEX ix_stage_moves_span ON stage_moves (left_span_class, occurred_at) INCLUDE (left_at, to_stage_id, opportunity_id);

CREATE TABLE move_span_classes (
    class INT NOT NULL CONSTRAINT pk_move_span_classes PRIMARY KEY,
    max_hours INT NOT NULL
);

INSERT INTO move_span_classes (class, max_hours) VALUES (0, 1), (1, 2), (2, 4), (3, 8), (4, 16), (5, 32), (6, 64), (7, 128), (8, 256), (9, 512), (10, 1024), (11, 2048), (12, 4096), (13, 8192), (14, 16384), (15, 32768), (16, 65536), (17, 87000000);
