CREATE TABLE `runaway_episode_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`episode_id` integer NOT NULL,
	`step` text NOT NULL,
	`recorded_by_user_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`episode_id`) REFERENCES `runaway_episodes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episode_steps_episode_idx` ON `runaway_episode_steps` (`episode_id`,`step`,`recorded_at`);--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `noticed_by` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `circumstances` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `law_enforcement_agency` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `csw_notified_at` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `caregiver_notified_at` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `found_at` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `found_by` text;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `return_questions` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `runaway_episodes` ADD `version` integer DEFAULT 1 NOT NULL;