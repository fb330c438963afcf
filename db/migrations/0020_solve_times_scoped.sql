DROP INDEX `solve_times_total`;--> statement-breakpoint
DROP INDEX `solve_times_unit`;--> statement-breakpoint
DROP INDEX `solve_times_category`;--> statement-breakpoint
CREATE INDEX `solve_times_total` ON `solve_times` (`campaign_id`,`days`,`at`,`unit_id`,`category_id`);--> statement-breakpoint
CREATE INDEX `solve_times_unit` ON `solve_times` (`campaign_id`,`unit_id`,`days`,`at`,`category_id`);--> statement-breakpoint
CREATE INDEX `solve_times_category` ON `solve_times` (`campaign_id`,`category_id`,`days`,`at`,`unit_id`);