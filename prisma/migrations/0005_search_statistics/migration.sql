-- Full-text search picks its plan from the planner's estimate of how many tickets match. With
-- the default statistics target, a word outside the 1,000 most common ones was estimated at
-- ~0.5 % of the table, so a rare term walked the last-activity index and rechecked ~84k
-- vectors (1.9 s at 1M tickets, 8 s p95 under load) instead of asking the GIN index for its
-- 586 matches (9 ms). A larger sample of the vector's elements (most_common_elems) makes
-- rare words look rare and common words stay on the ordered index scan (2 ms).
ALTER TABLE "tickets" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ANALYZE "tickets";
