CREATE INDEX `clues_title` ON `clues` (`campaign_id`,`title`);--> statement-breakpoint
CREATE INDEX `problems_title` ON `problems` (`campaign_id`,`title`);