CREATE INDEX `contacts_youth_party_occurred_idx` ON `contacts` (`youth_id`,`party_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `concerns_program_review_idx` ON `csec_concerns` (`program_id`,`review_status`,`raised_at`);--> statement-breakpoint
CREATE INDEX `requests_requester_idx` ON `resource_requests` (`requested_by_user_id`,`requested_at`);