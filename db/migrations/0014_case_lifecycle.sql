CREATE TABLE `case_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_status_changes_youth_idx` ON `case_status_changes` (`youth_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `memberships` ADD `supervisor_user_id` integer REFERENCES users(id);