-- Each core role's latest contact among its current holders (CSW, attorney, CLC case manager), kept
-- on the youth by triggers on case_parties, so that a program's youth with a stale core contact are
-- counted from one index. Generated from db/youth-sort-keys.ts (db/youth-sort-keys.test.ts checks it).
DROP INDEX `youth_program_status_contact_idx`;--> statement-breakpoint
ALTER TABLE `youth` ADD `kept_csw_contact` text;--> statement-breakpoint
ALTER TABLE `youth` ADD `kept_attorney_contact` text;--> statement-breakpoint
ALTER TABLE `youth` ADD `kept_clc_contact` text;--> statement-breakpoint
CREATE INDEX `youth_program_status_contact_idx` ON `youth` (`program_id`,`case_status`,`last_youth_contact_at`,`kept_csw_contact`,`kept_attorney_contact`,`kept_clc_contact`);--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_case_parties_insert AFTER INSERT ON case_parties BEGIN
UPDATE youth SET kept_csw_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'csw' AND p.ended_on IS NULL),
  kept_attorney_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'attorney' AND p.ended_on IS NULL),
  kept_clc_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'clc_case_manager' AND p.ended_on IS NULL)
  WHERE youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_case_parties_update AFTER UPDATE OF youth_id, role, ended_on, last_contact_at ON case_parties BEGIN
UPDATE youth SET kept_csw_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'csw' AND p.ended_on IS NULL),
  kept_attorney_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'attorney' AND p.ended_on IS NULL),
  kept_clc_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'clc_case_manager' AND p.ended_on IS NULL)
  WHERE youth.id = old.youth_id OR youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_case_parties_delete AFTER DELETE ON case_parties BEGIN
UPDATE youth SET kept_csw_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'csw' AND p.ended_on IS NULL),
  kept_attorney_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'attorney' AND p.ended_on IS NULL),
  kept_clc_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'clc_case_manager' AND p.ended_on IS NULL)
  WHERE youth.id = old.youth_id;
END;
--> statement-breakpoint
UPDATE youth SET kept_csw_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'csw' AND p.ended_on IS NULL),
  kept_attorney_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'attorney' AND p.ended_on IS NULL),
  kept_clc_contact = (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE coalesce(max(p.last_contact_at), '') END FROM case_parties p
    WHERE p.youth_id = youth.id AND p.role = 'clc_case_manager' AND p.ended_on IS NULL);
