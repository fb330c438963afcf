CREATE TABLE `password_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`password_hash` text NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `password_history_user` ON `password_history` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `password_policy` (
	`id` integer PRIMARY KEY NOT NULL,
	`min_length` integer NOT NULL,
	`reuse_history` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_leads` (
	`unit_id` text NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `user_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_leads_user` ON `unit_leads` (`user_id`);--> statement-breakpoint
ALTER TABLE `units` ADD `retired_at` text;