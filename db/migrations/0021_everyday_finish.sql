CREATE TABLE `contact_deletions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`party_ids` text NOT NULL,
	`with_youth` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`duration_minutes` integer,
	`summary` text NOT NULL,
	`logged_by_user_id` integer NOT NULL,
	`logged_at` text NOT NULL,
	`revisions` text NOT NULL,
	`reason` text,
	`deleted_by_user_id` integer NOT NULL,
	`deleted_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_deletions_youth_idx` ON `contact_deletions` (`youth_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `contact_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_parties_contact_party_uq` ON `contact_parties` (`contact_id`,`party_id`);--> statement-breakpoint
CREATE INDEX `contact_parties_party_idx` ON `contact_parties` (`party_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `court_report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`version` integer NOT NULL,
	`observations` text NOT NULL,
	`wishes` text NOT NULL,
	`recommendations` text NOT NULL,
	`next_hearing_on` text,
	`saved_by_user_id` integer NOT NULL,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `court_report_versions_youth_version_uq` ON `court_report_versions` (`youth_id`,`version`);--> statement-breakpoint
CREATE TABLE `court_reports` (
	`youth_id` integer PRIMARY KEY NOT NULL,
	`program_id` integer NOT NULL,
	`observations` text DEFAULT '' NOT NULL,
	`wishes` text DEFAULT '' NOT NULL,
	`recommendations` text DEFAULT '' NOT NULL,
	`next_hearing_on` text,
	`version` integer NOT NULL,
	`updated_by_user_id` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `court_text_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`passages_hash` text NOT NULL,
	`confirmed_by_user_id` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `court_text_confirmations_youth_idx` ON `court_text_confirmations` (`youth_id`,`passages_hash`);--> statement-breakpoint
ALTER TABLE `csec_concerns` ADD `next_review_on` text;--> statement-breakpoint
ALTER TABLE `csec_concerns` ADD `referral` text;--> statement-breakpoint
ALTER TABLE `csec_concerns` ADD `guidance` text;