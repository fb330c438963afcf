ALTER TABLE `clues` ADD `escalated_level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `clues_escalation_due` ON `clues` (`campaign_id`,`escalated_level`,`due_at`) WHERE "clues"."due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `problems` ADD `escalated_level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `problems_escalation_due` ON `problems` (`campaign_id`,`escalated_level`,`due_at`) WHERE "problems"."due_at" IS NOT NULL;--> statement-breakpoint
-- Items already escalated in the state they are in keep the highest rung raised for it.
UPDATE `clues` SET `escalated_level` = (
	SELECT max(e.level) FROM escalations e WHERE e.subject = 'clue' AND e.subject_id = clues.id AND e.entered_at = clues.entered_at
) WHERE EXISTS (SELECT 1 FROM escalations e WHERE e.subject = 'clue' AND e.subject_id = clues.id AND e.entered_at = clues.entered_at);
--> statement-breakpoint
UPDATE `problems` SET `escalated_level` = (
	SELECT max(e.level) FROM escalations e WHERE e.subject = 'problem' AND e.subject_id = problems.id AND e.entered_at = problems.entered_at
) WHERE EXISTS (SELECT 1 FROM escalations e WHERE e.subject = 'problem' AND e.subject_id = problems.id AND e.entered_at = problems.entered_at);
