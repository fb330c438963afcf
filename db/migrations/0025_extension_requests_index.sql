-- The board's "asking for time" filter (延期申请) reads the few items with a request waiting from an index of them alone.
CREATE INDEX `clues_asked` ON `clues` (`campaign_id`,`state`,`unit_id`) WHERE "clues"."extension_asked_until" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `problems_asked` ON `problems` (`campaign_id`,`state`,`unit_id`) WHERE "problems"."extension_asked_until" IS NOT NULL;