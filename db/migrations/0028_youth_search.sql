-- Text search of youth by name or case number (the youth list, the request queue, the audit log):
-- an FTS5 index of trigrams, so "contains" reads the matching youth instead of testing every
-- youth of the program. Kept by triggers on `youth`; app/server/youth.server.ts `youthMatches`.
CREATE VIRTUAL TABLE `youth_search` USING fts5(`name`, `case_number`, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `youth_search_insert` AFTER INSERT ON `youth` BEGIN
  INSERT INTO `youth_search` (rowid, `name`, `case_number`) VALUES (new.`id`, new.`first_name` || ' ' || new.`last_name`, new.`case_number`);
END;
--> statement-breakpoint
CREATE TRIGGER `youth_search_delete` AFTER DELETE ON `youth` BEGIN
  DELETE FROM `youth_search` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `youth_search_update` AFTER UPDATE OF `first_name`, `last_name`, `case_number` ON `youth` BEGIN
  UPDATE `youth_search` SET `name` = new.`first_name` || ' ' || new.`last_name`, `case_number` = new.`case_number` WHERE rowid = new.`id`;
END;
--> statement-breakpoint
INSERT INTO `youth_search` (rowid, `name`, `case_number`) SELECT `id`, `first_name` || ' ' || `last_name`, `case_number` FROM `youth`;
