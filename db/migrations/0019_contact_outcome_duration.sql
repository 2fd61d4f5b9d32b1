ALTER TABLE `contacts` ADD `outcome` text DEFAULT 'made' NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `duration_minutes` integer;