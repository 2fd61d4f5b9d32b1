CREATE TABLE `report_hourly_counts` (
	`program_id` integer NOT NULL,
	`kind` text NOT NULL,
	`hour` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`program_id`, `kind`, `hour`)
);
--> statement-breakpoint
DROP INDEX `requests_program_status_fulfilled_idx`;--> statement-breakpoint
ALTER TABLE `resource_requests` ADD `fulfil_days` integer;--> statement-breakpoint
CREATE INDEX `requests_program_status_fulfilled_idx` ON `resource_requests` (`program_id`,`status`,`fulfilled_on`,`type`,`fulfil_days`,`submitted_at`,`requested_at`,`paid_amount_cents`);--> statement-breakpoint
-- The hourly counts are kept by triggers, so no write path (the app, the seed, a fixture) can miss them.
CREATE TRIGGER `contacts_hourly_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`) VALUES (new.`program_id`, 'contact', substr(new.`occurred_at`, 1, 13), 1)
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_hourly_delete` AFTER DELETE ON `contacts` BEGIN
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE `program_id` = old.`program_id` AND `kind` = 'contact' AND `hour` = substr(old.`occurred_at`, 1, 13);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_hourly_update` AFTER UPDATE OF `occurred_at`, `program_id` ON `contacts`
  WHEN old.`occurred_at` IS NOT new.`occurred_at` OR old.`program_id` IS NOT new.`program_id` BEGIN
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE `program_id` = old.`program_id` AND `kind` = 'contact' AND `hour` = substr(old.`occurred_at`, 1, 13);
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`) VALUES (new.`program_id`, 'contact', substr(new.`occurred_at`, 1, 13), 1)
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_hourly_insert` AFTER INSERT ON `action_items` BEGIN
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`) VALUES (new.`program_id`, 'action_opened', substr(new.`created_at`, 1, 13), 1)
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`)
    SELECT new.`program_id`, 'action_closed', substr(new.`done_at`, 1, 13), 1 WHERE new.`done_at` IS NOT NULL
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_hourly_delete` AFTER DELETE ON `action_items` BEGIN
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE `program_id` = old.`program_id` AND `kind` = 'action_opened' AND `hour` = substr(old.`created_at`, 1, 13);
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE old.`done_at` IS NOT NULL AND `program_id` = old.`program_id` AND `kind` = 'action_closed' AND `hour` = substr(old.`done_at`, 1, 13);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_hourly_update` AFTER UPDATE OF `created_at`, `done_at`, `program_id` ON `action_items`
  WHEN old.`created_at` IS NOT new.`created_at` OR old.`done_at` IS NOT new.`done_at` OR old.`program_id` IS NOT new.`program_id` BEGIN
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE `program_id` = old.`program_id` AND `kind` = 'action_opened' AND `hour` = substr(old.`created_at`, 1, 13);
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`) VALUES (new.`program_id`, 'action_opened', substr(new.`created_at`, 1, 13), 1)
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
  UPDATE `report_hourly_counts` SET `n` = `n` - 1
    WHERE old.`done_at` IS NOT NULL AND `program_id` = old.`program_id` AND `kind` = 'action_closed' AND `hour` = substr(old.`done_at`, 1, 13);
  INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`)
    SELECT new.`program_id`, 'action_closed', substr(new.`done_at`, 1, 13), 1 WHERE new.`done_at` IS NOT NULL
    ON CONFLICT (`program_id`, `kind`, `hour`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`)
  SELECT `program_id`, 'contact', substr(`occurred_at`, 1, 13), count(*) FROM `contacts` GROUP BY 1, 3;
--> statement-breakpoint
INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`)
  SELECT `program_id`, 'action_opened', substr(`created_at`, 1, 13), count(*) FROM `action_items` GROUP BY 1, 3;
--> statement-breakpoint
INSERT INTO `report_hourly_counts` (`program_id`, `kind`, `hour`, `n`)
  SELECT `program_id`, 'action_closed', substr(`done_at`, 1, 13), count(*) FROM `action_items` WHERE `done_at` IS NOT NULL GROUP BY 1, 3;
