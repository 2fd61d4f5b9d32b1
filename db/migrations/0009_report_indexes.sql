DROP INDEX `contacts_program_occurred_idx`;--> statement-breakpoint
CREATE INDEX `contacts_program_occurred_youth_idx` ON `contacts` (`program_id`,`occurred_at`,`youth_id`);--> statement-breakpoint
DROP INDEX `meetings_program_scheduled_idx`;--> statement-breakpoint
CREATE INDEX `meetings_program_scheduled_idx` ON `mdt_meetings` (`program_id`,`scheduled_at`,`status`);--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `submitted_at` text;--> statement-breakpoint
CREATE INDEX `requests_program_requested_report_idx` ON `resource_requests` (`program_id`,`requested_at`,`status`,`type`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `requests_program_status_fulfilled_idx` ON `resource_requests` (`program_id`,`status`,`fulfilled_on`,`type`,`submitted_at`,`paid_amount_cents`);--> statement-breakpoint
CREATE INDEX `actions_program_created_idx` ON `action_items` (`program_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `actions_program_done_idx` ON `action_items` (`program_id`,`done_at`);--> statement-breakpoint
CREATE INDEX `actions_program_due_idx` ON `action_items` (`program_id`,`due_on`,`done_at`);--> statement-breakpoint
CREATE INDEX `request_events_program_status_at_idx` ON `request_status_events` (`program_id`,`to_status`,`at`,`amount_cents`);--> statement-breakpoint
CREATE INDEX `episodes_program_left_idx` ON `runaway_episodes` (`program_id`,`left_at`);--> statement-breakpoint
-- When each request was first submitted, from its history (requests created as drafts were submitted later, if at all).
UPDATE `resource_requests` SET `submitted_at` = (SELECT min(e.`at`) FROM `request_status_events` e WHERE e.`request_id` = `resource_requests`.`id` AND e.`to_status` = 'submitted');
