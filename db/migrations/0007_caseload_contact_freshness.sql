DROP INDEX `parties_youth_role_current_idx`;--> statement-breakpoint
ALTER TABLE `case_parties` ADD `last_contact_at` text;--> statement-breakpoint
CREATE INDEX `parties_program_role_contact_idx` ON `case_parties` (`program_id`,`role`,`ended_on`,`last_contact_at`,`youth_id`);--> statement-breakpoint
CREATE INDEX `parties_youth_role_current_idx` ON `case_parties` (`youth_id`,`role`,`ended_on`,`last_contact_at`);--> statement-breakpoint
ALTER TABLE `youth` ADD `last_youth_contact_at` text;--> statement-breakpoint
CREATE INDEX `youth_program_status_contact_idx` ON `youth` (`program_id`,`case_status`,`last_youth_contact_at`);--> statement-breakpoint
CREATE INDEX `contacts_youth_party_occurred_idx` ON `contacts` (`youth_id`,`party_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `concerns_program_review_idx` ON `csec_concerns` (`program_id`,`review_status`,`raised_at`);--> statement-breakpoint
CREATE INDEX `requests_requester_idx` ON `resource_requests` (`requested_by_user_id`,`requested_at`);--> statement-breakpoint
-- Backfill the derived last-contact columns from the contacts they summarise.
UPDATE `youth` SET `last_youth_contact_at` = (SELECT max(`occurred_at`) FROM `contacts` WHERE `contacts`.`youth_id` = `youth`.`id` AND `contacts`.`party_id` IS NULL);--> statement-breakpoint
UPDATE `case_parties` SET `last_contact_at` = (SELECT max(`occurred_at`) FROM `contacts` WHERE `contacts`.`party_id` = `case_parties`.`id`);
