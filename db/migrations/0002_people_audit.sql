PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`campaign_id` integer,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`event` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`payload` text NOT NULL,
	`version` integer NOT NULL,
	`unit_id` text,
	`category_id` integer,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("seq", "at", "actor_id", "campaign_id", "subject", "subject_id", "event", "from_state", "to_state", "payload", "version", "unit_id", "category_id", "prev_hash", "hash") SELECT "seq", "at", "actor_id", "campaign_id", "subject", "subject_id", "event", "from_state", "to_state", "payload", "version", "unit_id", "category_id", "prev_hash", "hash" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `audit_subject` ON `audit_log` (`subject`,`subject_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_campaign` ON `audit_log` (`campaign_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_report` ON `audit_log` (`campaign_id`,`event`,`at`,`subject`,`unit_id`,`category_id`);