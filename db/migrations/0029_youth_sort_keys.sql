-- The youth list's sort keys (the first advocate's and supervisor's names, the placement type, the
-- CSEC status rank), kept by triggers so that a program sorts by an index instead of a subquery
-- per youth. Generated from db/youth-sort-keys.ts (db/youth-sort-keys.test.ts checks it).
ALTER TABLE `youth` ADD `sort_advocate` text;--> statement-breakpoint
ALTER TABLE `youth` ADD `sort_supervisor` text;--> statement-breakpoint
ALTER TABLE `youth` ADD `sort_placement` text;--> statement-breakpoint
ALTER TABLE `youth` ADD `sort_csec` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `youth_program_status_advocate_idx` ON `youth` (`program_id`,`case_status`,`sort_advocate`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `youth_program_status_supervisor_idx` ON `youth` (`program_id`,`case_status`,`sort_supervisor`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `youth_program_status_placement_idx` ON `youth` (`program_id`,`case_status`,`sort_placement`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `youth_program_status_csec_idx` ON `youth` (`program_id`,`case_status`,`sort_csec`,`last_name`,`first_name`);--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_assignments_insert AFTER INSERT ON youth_assignments BEGIN
UPDATE youth SET sort_advocate = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'advocate' AND a.ended_on IS NULL),
  sort_supervisor = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'supervisor' AND a.ended_on IS NULL)
  WHERE youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_assignments_update AFTER UPDATE OF youth_id, user_id, kind, ended_on ON youth_assignments BEGIN
UPDATE youth SET sort_advocate = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'advocate' AND a.ended_on IS NULL),
  sort_supervisor = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'supervisor' AND a.ended_on IS NULL)
  WHERE youth.id = old.youth_id OR youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_assignments_delete AFTER DELETE ON youth_assignments BEGIN
UPDATE youth SET sort_advocate = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'advocate' AND a.ended_on IS NULL),
  sort_supervisor = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'supervisor' AND a.ended_on IS NULL)
  WHERE youth.id = old.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_users_update AFTER UPDATE OF name ON users BEGIN
UPDATE youth SET sort_advocate = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'advocate' AND a.ended_on IS NULL),
  sort_supervisor = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'supervisor' AND a.ended_on IS NULL)
  WHERE youth.id IN (SELECT a.youth_id FROM youth_assignments a WHERE a.user_id = new.id AND a.ended_on IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_placements_insert AFTER INSERT ON placements BEGIN
UPDATE youth SET sort_placement = (SELECT p.type FROM placements p WHERE p.youth_id = youth.id AND p.ended_on IS NULL)
  WHERE youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_placements_update AFTER UPDATE OF youth_id, type, ended_on ON placements BEGIN
UPDATE youth SET sort_placement = (SELECT p.type FROM placements p WHERE p.youth_id = youth.id AND p.ended_on IS NULL)
  WHERE youth.id = old.youth_id OR youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_placements_delete AFTER DELETE ON placements BEGIN
UPDATE youth SET sort_placement = (SELECT p.type FROM placements p WHERE p.youth_id = youth.id AND p.ended_on IS NULL)
  WHERE youth.id = old.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_csec_status_insert AFTER INSERT ON youth_csec_status BEGIN
UPDATE youth SET sort_csec = coalesce((SELECT CASE s.status WHEN 'none' THEN 0 WHEN 'concern' THEN 1 ELSE 2 END
    FROM youth_csec_status s WHERE s.youth_id = youth.id), 0)
  WHERE youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_csec_status_update AFTER UPDATE OF youth_id, status ON youth_csec_status BEGIN
UPDATE youth SET sort_csec = coalesce((SELECT CASE s.status WHEN 'none' THEN 0 WHEN 'concern' THEN 1 ELSE 2 END
    FROM youth_csec_status s WHERE s.youth_id = youth.id), 0)
  WHERE youth.id = old.youth_id OR youth.id = new.youth_id;
END;
--> statement-breakpoint
CREATE TRIGGER youth_sort_keys_youth_csec_status_delete AFTER DELETE ON youth_csec_status BEGIN
UPDATE youth SET sort_csec = coalesce((SELECT CASE s.status WHEN 'none' THEN 0 WHEN 'concern' THEN 1 ELSE 2 END
    FROM youth_csec_status s WHERE s.youth_id = youth.id), 0)
  WHERE youth.id = old.youth_id;
END;
--> statement-breakpoint
UPDATE youth SET sort_advocate = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'advocate' AND a.ended_on IS NULL),
  sort_supervisor = (SELECT min(u.name) FROM youth_assignments a JOIN users u ON u.id = a.user_id
    WHERE a.youth_id = youth.id AND a.kind = 'supervisor' AND a.ended_on IS NULL),
  sort_placement = (SELECT p.type FROM placements p WHERE p.youth_id = youth.id AND p.ended_on IS NULL),
  sort_csec = coalesce((SELECT CASE s.status WHEN 'none' THEN 0 WHEN 'concern' THEN 1 ELSE 2 END
    FROM youth_csec_status s WHERE s.youth_id = youth.id), 0);
