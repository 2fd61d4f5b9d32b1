DROP INDEX `episodes_program_left_idx`;--> statement-breakpoint
CREATE INDEX `episodes_program_left_reported_idx` ON `runaway_episodes` (`program_id`,`left_at`,`reported_to_law_enforcement_at`,`reported_to_ncmec_at`);--> statement-breakpoint
CREATE INDEX `request_events_denied_idx` ON `request_status_events` (`program_id`,`at`,`note`) WHERE to_status = 'denied';--> statement-breakpoint
CREATE INDEX `request_events_funds_approved_idx` ON `request_status_events` (`program_id`,`at`,`amount_cents`,`request_id`) WHERE to_status = 'approved' and amount_cents is not null;