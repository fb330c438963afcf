PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_webhook_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`escalation_id` integer,
	`url` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`delivered_at` text,
	`last_error` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Every delivery so far was an escalation's: its campaign is the escalation's.
INSERT INTO `__new_webhook_outbox`("id", "campaign_id", "escalation_id", "url", "body", "attempts", "next_attempt_at", "delivered_at", "last_error") SELECT o."id", e."campaign_id", o."escalation_id", o."url", o."body", o."attempts", o."next_attempt_at", o."delivered_at", o."last_error" FROM `webhook_outbox` o JOIN `escalations` e ON e."id" = o."escalation_id";--> statement-breakpoint
DROP TABLE `webhook_outbox`;--> statement-breakpoint
ALTER TABLE `__new_webhook_outbox` RENAME TO `webhook_outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `webhook_outbox_due` ON `webhook_outbox` (`delivered_at`,`next_attempt_at`);