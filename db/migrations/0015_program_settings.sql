CREATE TABLE `program_request_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`type` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`label` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `program_request_types_uq` ON `program_request_types` (`program_id`,`type`);--> statement-breakpoint
ALTER TABLE `programs` ADD `stale_csw_contact_days` integer DEFAULT 45 NOT NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `stale_attorney_contact_days` integer DEFAULT 45 NOT NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `stale_clc_contact_days` integer DEFAULT 45 NOT NULL;--> statement-breakpoint
ALTER TABLE `programs` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE `programs` SET `stale_csw_contact_days` = `stale_party_contact_days`, `stale_attorney_contact_days` = `stale_party_contact_days`, `stale_clc_contact_days` = `stale_party_contact_days`;
