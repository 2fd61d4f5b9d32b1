DROP INDEX `youth_program_status_idx`;--> statement-breakpoint
CREATE INDEX `youth_program_status_name_idx` ON `youth` (`program_id`,`case_status`,`last_name`,`first_name`);--> statement-breakpoint
DROP INDEX `placements_youth_current_idx`;--> statement-breakpoint
CREATE INDEX `placements_current_type_idx` ON `placements` (`type`,`youth_id`) WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX `placements_youth_current_idx` ON `placements` (`youth_id`,`ended_on`,`type`);--> statement-breakpoint
DROP INDEX `assignments_youth_kind_current_idx`;--> statement-breakpoint
CREATE INDEX `assignments_youth_kind_current_idx` ON `youth_assignments` (`youth_id`,`kind`,`ended_on`,`user_id`);