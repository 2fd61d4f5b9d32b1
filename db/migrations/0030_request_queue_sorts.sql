DROP INDEX `requests_program_requested_idx`;--> statement-breakpoint
CREATE INDEX `requests_program_open_requested_idx` ON `resource_requests` (`program_id`,`requested_at`) WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX `requests_program_closed_days_idx` ON `resource_requests` (`program_id`,(julianday(closed_at) - julianday(requested_at))) WHERE closed_at is not null;--> statement-breakpoint
CREATE INDEX `requests_program_requested_idx` ON `resource_requests` (`program_id`,`requested_at`,`closed_at`,`status`,`due_on`);