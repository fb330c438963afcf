DROP INDEX `clues_standing`;--> statement-breakpoint
CREATE INDEX `clues_standing` ON `clues` (`campaign_id`,`state`,`unit_id`,`category_id`,`due_at`,`assignee_id`);--> statement-breakpoint
DROP INDEX `problems_standing`;--> statement-breakpoint
CREATE INDEX `problems_standing` ON `problems` (`campaign_id`,`state`,`unit_id`,`category_id`,`due_at`,`assignee_id`);