-- SQLite adds no column whose default is not a constant, so the table is rebuilt: each row copied gets its own random delivery id from the default.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_webhook_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`escalation_id` integer,
	`delivery_id` text DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) NOT NULL,
	`url` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`delivered_at` text,
	`last_error` text,
	`last_failed_at` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_webhook_outbox`("id", "campaign_id", "escalation_id", "url", "body", "attempts", "next_attempt_at", "delivered_at", "last_error") SELECT "id", "campaign_id", "escalation_id", "url", "body", "attempts", "next_attempt_at", "delivered_at", "last_error" FROM `webhook_outbox`;--> statement-breakpoint
DROP TABLE `webhook_outbox`;--> statement-breakpoint
ALTER TABLE `__new_webhook_outbox` RENAME TO `webhook_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `webhook_outbox_due` ON `webhook_outbox` (`delivered_at`,`next_attempt_at`);
