CREATE TABLE `meeting_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_scheduled_at` text NOT NULL,
	`to_scheduled_at` text,
	`reason` text NOT NULL,
	`by_user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_changes_meeting_idx` ON `meeting_changes` (`meeting_id`,`at`);