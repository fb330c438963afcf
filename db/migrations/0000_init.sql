CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`map_feature_id` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text NOT NULL,
	`password_hash` text NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`state` text NOT NULL,
	`context` text NOT NULL,
	`version` integer NOT NULL,
	`config` text NOT NULL,
	`map_geojson` text,
	`import_mapping` text,
	`webhook_url` text,
	`webhook_secret` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_code_unique` ON `campaigns` (`code`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`code` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`retired_at` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_campaign_code` ON `categories` (`campaign_id`,`code`);--> statement-breakpoint
CREATE INDEX `categories_campaign` ON `categories` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `clue_identifiers` (
	`clue_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	FOREIGN KEY (`clue_id`) REFERENCES `clues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clue_identifiers_lookup` ON `clue_identifiers` (`campaign_id`,`kind`,`value`);--> statement-breakpoint
CREATE INDEX `clue_identifiers_clue` ON `clue_identifiers` (`clue_id`);--> statement-breakpoint
CREATE TABLE `clues` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`unit_id` text NOT NULL,
	`category_id` integer,
	`assignee_id` integer,
	`title` text NOT NULL,
	`found_at` text NOT NULL,
	`entered_at` text NOT NULL,
	`due_at` text,
	`context` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clues_board` ON `clues` (`campaign_id`,`state`,("due_at" IS NULL),`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `clues_board_unit` ON `clues` (`campaign_id`,`unit_id`,`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `clues_category` ON `clues` (`campaign_id`,`category_id`);--> statement-breakpoint
CREATE INDEX `clues_standing` ON `clues` (`campaign_id`,`state`,`unit_id`,`category_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `clues_assignee` ON `clues` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `clues_due` ON `clues` (`campaign_id`,`due_at`) WHERE "clues"."due_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `imported_clues` (
	`campaign_id` integer NOT NULL,
	`source_ref` text NOT NULL,
	`clue_id` integer NOT NULL,
	`batch_id` text NOT NULL,
	FOREIGN KEY (`clue_id`) REFERENCES `clues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imported_clues_ref` ON `imported_clues` (`campaign_id`,`source_ref`);--> statement-breakpoint
CREATE TABLE `problems` (
	`id` integer PRIMARY KEY NOT NULL,
	`campaign_id` integer NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`unit_id` text NOT NULL,
	`category_id` integer,
	`assignee_id` integer,
	`title` text NOT NULL,
	`found_at` text NOT NULL,
	`entered_at` text NOT NULL,
	`due_at` text,
	`context` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `problems_board` ON `problems` (`campaign_id`,`state`,("due_at" IS NULL),`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `problems_board_unit` ON `problems` (`campaign_id`,`unit_id`,`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `problems_assignee` ON `problems` (`assignee_id`);--> statement-breakpoint
CREATE INDEX `problems_standing` ON `problems` (`campaign_id`,`state`,`unit_id`,`category_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `problems_due` ON `problems` (`campaign_id`,`due_at`) WHERE "problems"."due_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`campaign_id` integer NOT NULL,
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
CREATE INDEX `audit_subject` ON `audit_log` (`subject`,`subject_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_campaign` ON `audit_log` (`campaign_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_report` ON `audit_log` (`campaign_id`,`event`,`at`,`subject`,`unit_id`,`category_id`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`subject` text NOT NULL,
	`subject_id` integer NOT NULL,
	`entered_at` text NOT NULL,
	`state` text NOT NULL,
	`level` integer NOT NULL,
	`recipient` text NOT NULL,
	`recipient_user_id` integer,
	`unit_id` text,
	`due_at` text NOT NULL,
	`raised_at` text NOT NULL,
	`status` text NOT NULL,
	`acknowledged_by` integer,
	`acknowledged_at` text,
	`note` text,
	`resolved_at` text,
	`detail` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_once` ON `escalations` (`subject`,`subject_id`,`entered_at`,`level`);--> statement-breakpoint
CREATE INDEX `escalations_open` ON `escalations` (`status`,`campaign_id`);--> statement-breakpoint
CREATE INDEX `escalations_recipient` ON `escalations` (`recipient_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `escalations_unit` ON `escalations` (`unit_id`,`status`);--> statement-breakpoint
CREATE TABLE `webhook_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`escalation_id` integer NOT NULL,
	`url` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`delivered_at` text,
	`last_error` text,
	FOREIGN KEY (`escalation_id`) REFERENCES `escalations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_outbox_due` ON `webhook_outbox` (`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `frozen_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`phase` text NOT NULL,
	`frozen_at` text NOT NULL,
	`frozen_by` integer,
	`report` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frozen_reports_phase` ON `frozen_reports` (`campaign_id`,`phase`);