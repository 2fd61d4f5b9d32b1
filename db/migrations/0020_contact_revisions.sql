CREATE TABLE `contact_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`duration_minutes` integer,
	`summary` text NOT NULL,
	`revised_by_user_id` integer NOT NULL,
	`revised_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revised_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_revisions_contact_idx` ON `contact_revisions` (`contact_id`,`revised_at`);