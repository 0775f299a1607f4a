-- Queue counters: the slot a write lands in is now its transaction id mod 32 instead of its
-- backend's pid mod 16. The counter row stays locked until the writing transaction commits,
-- and a ticket's creation goes on after the INSERT (history, outbox, staff notifications): two
-- backends whose pids shared a slot queued behind each other on every single write, for good
-- (create ticket p95 1.06 s, mostly Lock:transactionid, at 16 writers). Transactions that run
-- at the same time have neighbouring ids, so they land in different slots; one transaction still
-- uses one slot for all its statements. The counts read sums the slots as before.
CREATE OR REPLACE FUNCTION ticket_counters_apply() RETURNS trigger AS $$
DECLARE
  v_slot SMALLINT := (txid_current() % 32)::smallint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT status_id, coalesce(assignee_id, 0), v_slot, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT status_id, coalesce(assignee_id, 0), v_slot, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  ELSE
    INSERT INTO ticket_counters AS c (status_id, assignee_id, slot, n)
      SELECT s, a, v_slot, sum(d) FROM (
        SELECT status_id AS s, coalesce(assignee_id, 0) AS a, 1 AS d FROM new_rows
        UNION ALL
        SELECT status_id, coalesce(assignee_id, 0), -1 FROM old_rows
      ) x GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (status_id, assignee_id, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
