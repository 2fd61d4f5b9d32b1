CREATE TABLE `report_denial_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`type` text NOT NULL,
	`reason` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `type`, `reason`)
);
--> statement-breakpoint
CREATE TABLE `report_meeting_counts` (
	`program_id` integer NOT NULL,
	`grain` text NOT NULL,
	`bucket` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`program_id`, `grain`, `bucket`, `status`)
);
--> statement-breakpoint
-- The report counts are kept by triggers, and counted once from the records here (db/report-rollups.ts).
CREATE TRIGGER report_meeting_counts_insert AFTER INSERT ON mdt_meetings BEGIN
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT new.program_id, 'h', substr(new.scheduled_at, 1, 13), new.status, 1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT new.program_id, 'd', substr(new.scheduled_at, 1, 10), new.status, 1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_meeting_counts_delete AFTER DELETE ON mdt_meetings BEGIN
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT old.program_id, 'h', substr(old.scheduled_at, 1, 13), old.status, -1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT old.program_id, 'd', substr(old.scheduled_at, 1, 10), old.status, -1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_meeting_counts_update AFTER UPDATE OF program_id, scheduled_at, status ON mdt_meetings
  WHEN old.program_id IS NOT new.program_id OR old.scheduled_at IS NOT new.scheduled_at OR old.status IS NOT new.status BEGIN
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT old.program_id, 'h', substr(old.scheduled_at, 1, 13), old.status, -1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT old.program_id, 'd', substr(old.scheduled_at, 1, 10), old.status, -1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT new.program_id, 'h', substr(new.scheduled_at, 1, 13), new.status, 1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
    SELECT new.program_id, 'd', substr(new.scheduled_at, 1, 10), new.status, 1
    WHERE 1
    ON CONFLICT (program_id, grain, bucket, status) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_denial_counts_insert AFTER INSERT ON request_status_events BEGIN
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT new.program_id, 'h', substr(new.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), trim(coalesce(new.note, '')), 1
    WHERE new.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT new.program_id, 'd', substr(new.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), trim(coalesce(new.note, '')), 1
    WHERE new.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_denial_counts_delete AFTER DELETE ON request_status_events BEGIN
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT old.program_id, 'h', substr(old.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), trim(coalesce(old.note, '')), -1
    WHERE old.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT old.program_id, 'd', substr(old.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), trim(coalesce(old.note, '')), -1
    WHERE old.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_denial_counts_update AFTER UPDATE OF program_id, at, to_status, note ON request_status_events
  WHEN old.program_id IS NOT new.program_id OR old.at IS NOT new.at OR old.to_status IS NOT new.to_status OR old.note IS NOT new.note BEGIN
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT old.program_id, 'h', substr(old.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), trim(coalesce(old.note, '')), -1
    WHERE old.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT old.program_id, 'd', substr(old.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = old.request_id), ''), trim(coalesce(old.note, '')), -1
    WHERE old.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT new.program_id, 'h', substr(new.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), trim(coalesce(new.note, '')), 1
    WHERE new.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT new.program_id, 'd', substr(new.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = new.request_id), ''), trim(coalesce(new.note, '')), 1
    WHERE new.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER report_denial_counts_request_type AFTER UPDATE OF type ON resource_requests
  WHEN old.type IS NOT new.type BEGIN
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT e.program_id, 'h', substr(e.at, 1, 13), old.type, trim(coalesce(e.note, '')), -1
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT e.program_id, 'd', substr(e.at, 1, 10), old.type, trim(coalesce(e.note, '')), -1
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT e.program_id, 'h', substr(e.at, 1, 13), new.type, trim(coalesce(e.note, '')), 1
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
  INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
    SELECT e.program_id, 'd', substr(e.at, 1, 10), new.type, trim(coalesce(e.note, '')), 1
    FROM request_status_events e WHERE e.request_id = new.id AND e.to_status = 'denied'
    ON CONFLICT (program_id, grain, bucket, type, reason) DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
  SELECT r.program_id, 'h', substr(r.scheduled_at, 1, 13), r.status, count(*)
  FROM mdt_meetings r WHERE 1
  GROUP BY 1, 3, 4;
--> statement-breakpoint
INSERT INTO report_meeting_counts (program_id, grain, bucket, status, n)
  SELECT r.program_id, 'd', substr(r.scheduled_at, 1, 10), r.status, count(*)
  FROM mdt_meetings r WHERE 1
  GROUP BY 1, 3, 4;
--> statement-breakpoint
INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
  SELECT r.program_id, 'h', substr(r.at, 1, 13), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = r.request_id), ''), trim(coalesce(r.note, '')), count(*)
  FROM request_status_events r WHERE r.to_status = 'denied'
  GROUP BY 1, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_denial_counts (program_id, grain, bucket, type, reason, n)
  SELECT r.program_id, 'd', substr(r.at, 1, 10), coalesce((SELECT q.type FROM resource_requests q WHERE q.id = r.request_id), ''), trim(coalesce(r.note, '')), count(*)
  FROM request_status_events r WHERE r.to_status = 'denied'
  GROUP BY 1, 3, 4, 5;
