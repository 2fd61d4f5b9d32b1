DROP INDEX `requests_program_requested_idx`;--> statement-breakpoint
CREATE INDEX `requests_program_status_due_idx` ON `resource_requests` (`program_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `requests_program_amount_idx` ON `resource_requests` (`program_id`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `requests_program_requested_idx` ON `resource_requests` (`program_id`,`requested_at`,`closed_at`);