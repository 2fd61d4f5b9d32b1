ALTER TABLE `request_status_events` ADD `amount_cents` integer;--> statement-breakpoint
ALTER TABLE `request_status_events` ADD `on_date` text;--> statement-breakpoint
ALTER TABLE `request_status_events` ADD `provider` text;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `approved_amount_cents` integer;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `fulfilled_on` text;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `fulfilled_by` text;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `paid_amount_cents` integer;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `outcome_note` text;--> statement-breakpoint
-- Requests approved before amounts were recorded were approved as requested; those fulfilled before
-- the day was recorded were fulfilled on the day they closed (in UTC: the time zone is not known here).
UPDATE `resource_requests` SET `approved_amount_cents` = `amount_cents` WHERE `amount_cents` IS NOT NULL AND `status` IN ('approved', 'fulfilled');--> statement-breakpoint
UPDATE `resource_requests` SET `fulfilled_on` = substr(`closed_at`, 1, 10) WHERE `status` = 'fulfilled' AND `closed_at` IS NOT NULL;
