-- The rung raised for each item moves out of the item rows into clue_rungs and problem_rungs (a row only while one
-- is raised): a sweep raising 10,000 rungs rewrote a page of the items for each (most of a second at 1,000,000).
CREATE TABLE `clue_rungs` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`level` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `problem_rungs` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`level` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `clue_rungs` (item_id, level) SELECT id, escalated_level FROM `clues` WHERE escalated_level > 0;
--> statement-breakpoint
INSERT INTO `problem_rungs` (item_id, level) SELECT id, escalated_level FROM `problems` WHERE escalated_level > 0;
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_insert`;
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_update`;
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_delete`;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_insert`;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_update`;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_delete`;
--> statement-breakpoint
DROP INDEX `clues_escalation_due`;--> statement-breakpoint
DROP INDEX `clues_due`;--> statement-breakpoint
CREATE INDEX `clues_due` ON `clues` (`campaign_id`,`due_at`,`state`,`unit_id`,`category_id`,`assignee_id`,`entered_at`) WHERE "clues"."due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `clues` DROP COLUMN `escalated_level`;--> statement-breakpoint
DROP INDEX `problems_escalation_due`;--> statement-breakpoint
DROP INDEX `problems_due`;--> statement-breakpoint
CREATE INDEX `problems_due` ON `problems` (`campaign_id`,`due_at`,`state`,`unit_id`,`category_id`,`assignee_id`,`entered_at`) WHERE "problems"."due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `problems` DROP COLUMN `escalated_level`;
--> statement-breakpoint
-- An item counts where it stands, and as escalated while it has a row in clue_rungs: added when inserted, moved when
-- its state, unit or category changes, removed when deleted. Entering another state ends its rung: the same
-- statement deletes the row and takes it off the escalated count.
CREATE TRIGGER `board_counts_clues_insert` AFTER INSERT ON `clues` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1, EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = new.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, entered_at ON `clues`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR (old.entered_at IS NOT new.entered_at AND EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id))
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1, old.entered_at IS new.entered_at AND EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
	DELETE FROM clue_rungs WHERE item_id = old.id AND old.entered_at IS NOT new.entered_at;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_delete` AFTER DELETE ON `clues` BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	DELETE FROM clue_rungs WHERE item_id = old.id;
END;
--> statement-breakpoint
-- An item counts where it stands, and as escalated while it has a row in problem_rungs: added when inserted, moved when
-- its state, unit or category changes, removed when deleted. Entering another state ends its rung: the same
-- statement deletes the row and takes it off the escalated count.
CREATE TRIGGER `board_counts_problems_insert` AFTER INSERT ON `problems` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1, EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = new.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, entered_at ON `problems`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR (old.entered_at IS NOT new.entered_at AND EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id))
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1, old.entered_at IS new.entered_at AND EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
	DELETE FROM problem_rungs WHERE item_id = old.id AND old.entered_at IS NOT new.entered_at;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_delete` AFTER DELETE ON `problems` BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	DELETE FROM problem_rungs WHERE item_id = old.id;
END;
