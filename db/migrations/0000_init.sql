CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`meeting_id` integer,
	`description` text NOT NULL,
	`owner_party_role` text,
	`owner_user_id` integer,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` text,
	`drop_reason` text,
	`csec_sensitive` integer DEFAULT false NOT NULL,
	`created_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "actions_owner_ck" CHECK(("action_items"."owner_party_role" is null) <> ("action_items"."owner_user_id" is null))
);
--> statement-breakpoint
CREATE INDEX `actions_youth_status_idx` ON `action_items` (`youth_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_owner_user_status_idx` ON `action_items` (`owner_user_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_program_status_due_idx` ON `action_items` (`program_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `actions_meeting_idx` ON `action_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`program_id` integer,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`entity_type` text,
	`entity_id` text,
	`youth_id` integer,
	`details` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_program_at_idx` ON `audit_events` (`program_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_youth_at_idx` ON `audit_events` (`youth_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_actor_at_idx` ON `audit_events` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`organization` text,
	`phone` text,
	`email` text,
	`started_on` text NOT NULL,
	`ended_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parties_youth_role_current_idx` ON `case_parties` (`youth_id`,`role`,`ended_on`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`party_id` integer,
	`occurred_at` text NOT NULL,
	`method` text NOT NULL,
	`summary` text NOT NULL,
	`logged_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_youth_occurred_idx` ON `contacts` (`youth_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `contacts_party_occurred_idx` ON `contacts` (`party_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `contacts_program_occurred_idx` ON `contacts` (`program_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `csec_concerns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`raised_by_user_id` integer NOT NULL,
	`raised_at` text NOT NULL,
	`note` text,
	`review_status` text DEFAULT 'under_review' NOT NULL,
	`reviewed_by_user_id` integer,
	`reviewed_at` text,
	`review_note` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `concerns_youth_idx` ON `csec_concerns` (`youth_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `concerns_raised_by_idx` ON `csec_concerns` (`raised_by_user_id`,`youth_id`);--> statement-breakpoint
CREATE TABLE `csec_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`basis` text,
	`basis_on` text,
	`note` text,
	`concern_id` integer,
	`actor_user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concern_id`) REFERENCES `csec_concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `csec_events_youth_idx` ON `csec_status_events` (`youth_id`,`at`);--> statement-breakpoint
CREATE TABLE `mdt_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`type` text NOT NULL,
	`scheduled_at` text NOT NULL,
	`location` text,
	`video_link` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`notes` text,
	`decisions` text,
	`created_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_youth_scheduled_idx` ON `mdt_meetings` (`youth_id`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `meetings_program_scheduled_idx` ON `mdt_meetings` (`program_id`,`scheduled_at`);--> statement-breakpoint
CREATE TABLE `meeting_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`text` text NOT NULL,
	`csec_sensitive` integer DEFAULT false NOT NULL,
	`added_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `meeting_agenda_items` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`party_id` integer,
	`user_id` integer,
	`attended` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `mdt_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendees_one_person_ck" CHECK(("meeting_attendees"."party_id" is null) <> ("meeting_attendees"."user_id" is null))
);
--> statement-breakpoint
CREATE INDEX `attendees_meeting_idx` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "memberships_role_ck" CHECK("memberships"."role" in ('advocate','supervisor','program_lead','admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_program_uq` ON `memberships` (`user_id`,`program_id`);--> statement-breakpoint
CREATE INDEX `memberships_program_role_idx` ON `memberships` (`program_id`,`role`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`type` text NOT NULL,
	`description` text,
	`started_on` text NOT NULL,
	`ended_on` text,
	`end_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_youth_current_idx` ON `placements` (`youth_id`,`ended_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_one_current_uq` ON `placements` (`youth_id`) WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX `placements_program_type_idx` ON `placements` (`program_id`,`type`);--> statement-breakpoint
CREATE TABLE `programs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`time_zone` text DEFAULT 'America/Los_Angeles' NOT NULL,
	`stale_youth_contact_days` integer DEFAULT 30 NOT NULL,
	`stale_party_contact_days` integer DEFAULT 45 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programs_slug_unique` ON `programs` (`slug`);--> statement-breakpoint
CREATE TABLE `red_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`concern_id` integer,
	`indicator` text NOT NULL,
	`observed_by_user_id` integer NOT NULL,
	`observed_on` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`concern_id`) REFERENCES `csec_concerns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`observed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `red_flags_youth_idx` ON `red_flags` (`youth_id`,`observed_on`);--> statement-breakpoint
CREATE INDEX `red_flags_concern_idx` ON `red_flags` (`concern_id`);--> statement-breakpoint
CREATE TABLE `request_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`request_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	`actor_user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `resource_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_status_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `resource_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`type` text NOT NULL,
	`subtype` text,
	`description` text,
	`addressed_to_party_id` integer,
	`addressed_to_agency` text,
	`amount_cents` integer,
	`due_on` text,
	`status` text NOT NULL,
	`requested_by_user_id` integer NOT NULL,
	`requested_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`addressed_to_party_id`) REFERENCES `case_parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_program_status_idx` ON `resource_requests` (`program_id`,`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `requests_program_type_idx` ON `resource_requests` (`program_id`,`type`,`status`);--> statement-breakpoint
CREATE INDEX `requests_youth_idx` ON `resource_requests` (`youth_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `requests_program_due_idx` ON `resource_requests` (`program_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `runaway_episodes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`left_at` text NOT NULL,
	`left_from` text,
	`reported_to_law_enforcement_at` text,
	`law_enforcement_report_number` text,
	`reported_to_ncmec_at` text,
	`ncmec_case_number` text,
	`attorney_notified_at` text,
	`casa_notified_at` text,
	`court_notified_at` text,
	`returned_at` text,
	`return_conversation_at` text,
	`return_conversation_notes` text,
	`health_resources_offered_at` text,
	`safety_plan_reviewed_at` text,
	`notes` text,
	`created_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `episodes_youth_left_idx` ON `runaway_episodes` (`youth_id`,`left_at`);--> statement-breakpoint
CREATE INDEX `episodes_program_open_idx` ON `runaway_episodes` (`program_id`,`returned_at`);--> statement-breakpoint
CREATE TABLE `safety_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`version` integer NOT NULL,
	`support_people` text DEFAULT '[]' NOT NULL,
	`hotlines_memorized` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`reviewed_on` text NOT NULL,
	`reviewed_by_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safety_plans_youth_version_uq` ON `safety_plans` (`youth_id`,`version`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`program_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`absolute_expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `youth` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`date_of_birth` text NOT NULL,
	`case_number` text NOT NULL,
	`case_status` text DEFAULT 'open' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youth_program_case_number_uq` ON `youth` (`program_id`,`case_number`);--> statement-breakpoint
CREATE INDEX `youth_program_last_name_idx` ON `youth` (`program_id`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `youth_program_dob_idx` ON `youth` (`program_id`,`date_of_birth`);--> statement-breakpoint
CREATE INDEX `youth_program_status_idx` ON `youth` (`program_id`,`case_status`);--> statement-breakpoint
CREATE TABLE `youth_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` integer NOT NULL,
	`youth_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`started_on` text NOT NULL,
	`ended_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_user_kind_current_idx` ON `youth_assignments` (`user_id`,`kind`,`ended_on`,`youth_id`);--> statement-breakpoint
CREATE INDEX `assignments_youth_kind_current_idx` ON `youth_assignments` (`youth_id`,`kind`,`ended_on`);--> statement-breakpoint
CREATE TABLE `youth_csec_status` (
	`youth_id` integer PRIMARY KEY NOT NULL,
	`program_id` integer NOT NULL,
	`status` text NOT NULL,
	`basis` text,
	`basis_on` text,
	`changed_at` text NOT NULL,
	`changed_by_user_id` integer NOT NULL,
	FOREIGN KEY (`youth_id`) REFERENCES `youth`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "csec_status_basis_ck" CHECK(("youth_csec_status"."status" = 'confirmed') = ("youth_csec_status"."basis" is not null and "youth_csec_status"."basis_on" is not null))
);
--> statement-breakpoint
CREATE INDEX `csec_status_program_status_idx` ON `youth_csec_status` (`program_id`,`status`);