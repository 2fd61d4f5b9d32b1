CREATE TABLE `report_action_due_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`state` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `state`)
);
--> statement-breakpoint
CREATE TABLE `report_decision_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`type` text NOT NULL,
	`to_status` text NOT NULL,
	`n` integer NOT NULL,
	`amount_n` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `type`, `to_status`)
);
--> statement-breakpoint
CREATE TABLE `report_fulfilled_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`type` text NOT NULL,
	`fulfil_days` integer NOT NULL,
	`n` integer NOT NULL,
	`paid_n` integer NOT NULL,
	`paid_cents` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `type`, `fulfil_days`)
);
--> statement-breakpoint
CREATE TABLE `report_request_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	`amount_n` integer NOT NULL,
	`amount_cents` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `type`, `status`)
);
--> statement-breakpoint
ALTER TABLE `action_items` ADD `done_on` text;--> statement-breakpoint
-- The report counts are kept by triggers, and counted once from the records here (db/report-rollups.ts).
CREATE TRIGGER report_request_counts_insert AFTER INSERT ON resource_requests BEGIN
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT new.program_id, 'h', substr(new.requested_at, 1, 13), new.type, new.status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT new.program_id, 'd', substr(new.requested_at, 1, 10), new.type, new.status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_request_counts_delete AFTER DELETE ON resource_requests BEGIN
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT old.program_id, 'h', substr(old.requested_at, 1, 13), old.type, old.status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT old.program_id, 'd', substr(old.requested_at, 1, 10), old.type, old.status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_request_counts_update AFTER UPDATE OF program_id, requested_at, type, status, amount_cents ON resource_requests
  WHEN old.program_id IS NOT new.program_id OR old.requested_at IS NOT new.requested_at OR old.type IS NOT new.type OR old.status IS NOT new.status OR old.amount_cents IS NOT new.amount_cents BEGIN
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT old.program_id, 'h', substr(old.requested_at, 1, 13), old.type, old.status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT old.program_id, 'd', substr(old.requested_at, 1, 10), old.type, old.status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT new.program_id, 'h', substr(new.requested_at, 1, 13), new.type, new.status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
    SELECT new.program_id, 'd', substr(new.requested_at, 1, 10), new.type, new.status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, type, status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_decision_counts_insert AFTER INSERT ON request_status_events BEGIN
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT new.program_id, 'h', substr(new.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), new.to_status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE new.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT new.program_id, 'd', substr(new.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), new.to_status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE new.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_decision_counts_delete AFTER DELETE ON request_status_events BEGIN
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT old.program_id, 'h', substr(old.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), old.to_status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE old.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT old.program_id, 'd', substr(old.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), old.to_status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE old.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_decision_counts_update AFTER UPDATE OF program_id, request_id, at, to_status, amount_cents ON request_status_events
  WHEN old.program_id IS NOT new.program_id OR old.request_id IS NOT new.request_id OR old.at IS NOT new.at OR old.to_status IS NOT new.to_status OR old.amount_cents IS NOT new.amount_cents BEGIN
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT old.program_id, 'h', substr(old.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), old.to_status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE old.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT old.program_id, 'd', substr(old.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), old.to_status, -1, -(old.amount_cents IS NOT NULL), -coalesce(old.amount_cents, 0)
    WHERE old.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT new.program_id, 'h', substr(new.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), new.to_status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE new.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT new.program_id, 'd', substr(new.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), new.to_status, 1, (new.amount_cents IS NOT NULL), coalesce(new.amount_cents, 0)
    WHERE new.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_fulfilled_counts_insert AFTER INSERT ON resource_requests BEGIN
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT new.program_id, 'd', substr(new.fulfilled_on, 1, 10), new.type, coalesce(new.fulfil_days, -1), 1, (new.paid_amount_cents IS NOT NULL), coalesce(new.paid_amount_cents, 0)
    WHERE new.status = 'fulfilled' AND new.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT new.program_id, 'm', substr(new.fulfilled_on, 1, 7), new.type, coalesce(new.fulfil_days, -1), 1, (new.paid_amount_cents IS NOT NULL), coalesce(new.paid_amount_cents, 0)
    WHERE new.status = 'fulfilled' AND new.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_fulfilled_counts_delete AFTER DELETE ON resource_requests BEGIN
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT old.program_id, 'd', substr(old.fulfilled_on, 1, 10), old.type, coalesce(old.fulfil_days, -1), -1, -(old.paid_amount_cents IS NOT NULL), -coalesce(old.paid_amount_cents, 0)
    WHERE old.status = 'fulfilled' AND old.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT old.program_id, 'm', substr(old.fulfilled_on, 1, 7), old.type, coalesce(old.fulfil_days, -1), -1, -(old.paid_amount_cents IS NOT NULL), -coalesce(old.paid_amount_cents, 0)
    WHERE old.status = 'fulfilled' AND old.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_fulfilled_counts_update AFTER UPDATE OF program_id, status, fulfilled_on, type, fulfil_days, paid_amount_cents ON resource_requests
  WHEN old.program_id IS NOT new.program_id OR old.status IS NOT new.status OR old.fulfilled_on IS NOT new.fulfilled_on OR old.type IS NOT new.type OR old.fulfil_days IS NOT new.fulfil_days OR old.paid_amount_cents IS NOT new.paid_amount_cents BEGIN
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT old.program_id, 'd', substr(old.fulfilled_on, 1, 10), old.type, coalesce(old.fulfil_days, -1), -1, -(old.paid_amount_cents IS NOT NULL), -coalesce(old.paid_amount_cents, 0)
    WHERE old.status = 'fulfilled' AND old.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT old.program_id, 'm', substr(old.fulfilled_on, 1, 7), old.type, coalesce(old.fulfil_days, -1), -1, -(old.paid_amount_cents IS NOT NULL), -coalesce(old.paid_amount_cents, 0)
    WHERE old.status = 'fulfilled' AND old.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT new.program_id, 'd', substr(new.fulfilled_on, 1, 10), new.type, coalesce(new.fulfil_days, -1), 1, (new.paid_amount_cents IS NOT NULL), coalesce(new.paid_amount_cents, 0)
    WHERE new.status = 'fulfilled' AND new.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
  INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
    SELECT new.program_id, 'm', substr(new.fulfilled_on, 1, 7), new.type, coalesce(new.fulfil_days, -1), 1, (new.paid_amount_cents IS NOT NULL), coalesce(new.paid_amount_cents, 0)
    WHERE new.status = 'fulfilled' AND new.fulfilled_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, type, fulfil_days) DO UPDATE SET n = n + excluded.n, paid_n = paid_n + excluded.paid_n, paid_cents = paid_cents + excluded.paid_cents;
END;
--> statement-breakpoint
CREATE TRIGGER report_action_due_counts_insert AFTER INSERT ON action_items BEGIN
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT new.program_id, 'd', substr(new.due_on, 1, 10), CASE WHEN new.done_at IS NULL THEN 'open' WHEN new.done_on IS NULL THEN 'undated' WHEN new.done_on > new.due_on THEN 'late' ELSE 'on_time' END, 1
    WHERE new.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT new.program_id, 'm', substr(new.due_on, 1, 7), CASE WHEN new.done_at IS NULL THEN 'open' WHEN new.done_on IS NULL THEN 'undated' WHEN new.done_on > new.due_on THEN 'late' ELSE 'on_time' END, 1
    WHERE new.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_action_due_counts_delete AFTER DELETE ON action_items BEGIN
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT old.program_id, 'd', substr(old.due_on, 1, 10), CASE WHEN old.done_at IS NULL THEN 'open' WHEN old.done_on IS NULL THEN 'undated' WHEN old.done_on > old.due_on THEN 'late' ELSE 'on_time' END, -1
    WHERE old.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT old.program_id, 'm', substr(old.due_on, 1, 7), CASE WHEN old.done_at IS NULL THEN 'open' WHEN old.done_on IS NULL THEN 'undated' WHEN old.done_on > old.due_on THEN 'late' ELSE 'on_time' END, -1
    WHERE old.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_action_due_counts_update AFTER UPDATE OF program_id, due_on, done_at, done_on ON action_items
  WHEN old.program_id IS NOT new.program_id OR old.due_on IS NOT new.due_on OR old.done_at IS NOT new.done_at OR old.done_on IS NOT new.done_on BEGIN
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT old.program_id, 'd', substr(old.due_on, 1, 10), CASE WHEN old.done_at IS NULL THEN 'open' WHEN old.done_on IS NULL THEN 'undated' WHEN old.done_on > old.due_on THEN 'late' ELSE 'on_time' END, -1
    WHERE old.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT old.program_id, 'm', substr(old.due_on, 1, 7), CASE WHEN old.done_at IS NULL THEN 'open' WHEN old.done_on IS NULL THEN 'undated' WHEN old.done_on > old.due_on THEN 'late' ELSE 'on_time' END, -1
    WHERE old.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT new.program_id, 'd', substr(new.due_on, 1, 10), CASE WHEN new.done_at IS NULL THEN 'open' WHEN new.done_on IS NULL THEN 'undated' WHEN new.done_on > new.due_on THEN 'late' ELSE 'on_time' END, 1
    WHERE new.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
    SELECT new.program_id, 'm', substr(new.due_on, 1, 7), CASE WHEN new.done_at IS NULL THEN 'open' WHEN new.done_on IS NULL THEN 'undated' WHEN new.done_on > new.due_on THEN 'late' ELSE 'on_time' END, 1
    WHERE new.due_on IS NOT NULL
    ON CONFLICT (program_id, grain, bucket, state) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_decision_counts_request_type AFTER UPDATE OF type ON resource_requests
  WHEN old.type IS NOT new.type BEGIN
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT e.program_id, 'h', substr(e.at, 1, 13), old.type, e.to_status, -1, -(e.amount_cents IS NOT NULL), -coalesce(e.amount_cents, 0)
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT e.program_id, 'd', substr(e.at, 1, 10), old.type, e.to_status, -1, -(e.amount_cents IS NOT NULL), -coalesce(e.amount_cents, 0)
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT e.program_id, 'h', substr(e.at, 1, 13), new.type, e.to_status, 1, (e.amount_cents IS NOT NULL), coalesce(e.amount_cents, 0)
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
  INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
    SELECT e.program_id, 'd', substr(e.at, 1, 10), new.type, e.to_status, 1, (e.amount_cents IS NOT NULL), coalesce(e.amount_cents, 0)
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status IN ('approved', 'denied')
    ON CONFLICT (program_id, grain, bucket, type, to_status) DO UPDATE SET n = n + excluded.n, amount_n = amount_n + excluded.amount_n, amount_cents = amount_cents + excluded.amount_cents;
END;
--> statement-breakpoint
INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
  SELECT r.program_id, 'h', substr(r.requested_at, 1, 13), r.type, r.status, count(*), sum((r.amount_cents IS NOT NULL)), sum(coalesce(r.amount_cents, 0))
  FROM resource_requests r WHERE 1
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_request_counts (program_id, grain, bucket, type, status, n, amount_n, amount_cents)
  SELECT r.program_id, 'd', substr(r.requested_at, 1, 10), r.type, r.status, count(*), sum((r.amount_cents IS NOT NULL)), sum(coalesce(r.amount_cents, 0))
  FROM resource_requests r WHERE 1
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
  SELECT r.program_id, 'h', substr(r.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = r.request_id), ''), r.to_status, count(*), sum((r.amount_cents IS NOT NULL)), sum(coalesce(r.amount_cents, 0))
  FROM request_status_events r WHERE r.to_status IN ('approved', 'denied')
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_decision_counts (program_id, grain, bucket, type, to_status, n, amount_n, amount_cents)
  SELECT r.program_id, 'd', substr(r.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = r.request_id), ''), r.to_status, count(*), sum((r.amount_cents IS NOT NULL)), sum(coalesce(r.amount_cents, 0))
  FROM request_status_events r WHERE r.to_status IN ('approved', 'denied')
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
  SELECT r.program_id, 'd', substr(r.fulfilled_on, 1, 10), r.type, coalesce(r.fulfil_days, -1), count(*), sum((r.paid_amount_cents IS NOT NULL)), sum(coalesce(r.paid_amount_cents, 0))
  FROM resource_requests r WHERE r.status = 'fulfilled' AND r.fulfilled_on IS NOT NULL
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_fulfilled_counts (program_id, grain, bucket, type, fulfil_days, n, paid_n, paid_cents)
  SELECT r.program_id, 'm', substr(r.fulfilled_on, 1, 7), r.type, coalesce(r.fulfil_days, -1), count(*), sum((r.paid_amount_cents IS NOT NULL)), sum(coalesce(r.paid_amount_cents, 0))
  FROM resource_requests r WHERE r.status = 'fulfilled' AND r.fulfilled_on IS NOT NULL
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
  SELECT r.program_id, 'd', substr(r.due_on, 1, 10), CASE WHEN r.done_at IS NULL THEN 'open' WHEN r.done_on IS NULL THEN 'undated' WHEN r.done_on > r.due_on THEN 'late' ELSE 'on_time' END, count(*)
  FROM action_items r WHERE r.due_on IS NOT NULL
  GROUP BY 1, 3, 4;
--> statement-breakpoint
INSERT INTO report_action_due_counts (program_id, grain, bucket, state, n)
  SELECT r.program_id, 'm', substr(r.due_on, 1, 7), CASE WHEN r.done_at IS NULL THEN 'open' WHEN r.done_on IS NULL THEN 'undated' WHEN r.done_on > r.due_on THEN 'late' ELSE 'on_time' END, count(*)
  FROM action_items r WHERE r.due_on IS NOT NULL
  GROUP BY 1, 3, 4;
