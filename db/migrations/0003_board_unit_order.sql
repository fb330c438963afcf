DROP INDEX `clues_board_unit`;--> statement-breakpoint
CREATE INDEX `clues_board_unit` ON `clues` (`campaign_id`,`unit_id`,`state`,("due_at" IS NULL),`due_at`,`id`);--> statement-breakpoint
DROP INDEX `problems_board_unit`;--> statement-breakpoint
CREATE INDEX `problems_board_unit` ON `problems` (`campaign_id`,`unit_id`,`state`,("due_at" IS NULL),`due_at`,`id`);