-- An extended deadline (延期) is a new due time for the same entry into a state: the escalations of each are their own
-- (escalations_once above), and the item's rung ends with its due time as it ends with its state, in the statement that
-- changes it, taking the item off the escalated count.
DROP INDEX `escalations_once`;--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_once` ON `escalations` (`subject`,`subject_id`,`entered_at`,`due_at`,`level`);
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_update`;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, entered_at, due_at ON `clues`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR ((old.entered_at IS NOT new.entered_at OR old.due_at IS NOT new.due_at) AND EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id))
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1, old.entered_at IS new.entered_at AND old.due_at IS new.due_at AND EXISTS (SELECT 1 FROM clue_rungs WHERE item_id = old.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
	DELETE FROM clue_rungs WHERE item_id = old.id AND (old.entered_at IS NOT new.entered_at OR old.due_at IS NOT new.due_at);
END;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_update`;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, entered_at, due_at ON `problems`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR ((old.entered_at IS NOT new.entered_at OR old.due_at IS NOT new.due_at) AND EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id))
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id)
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
	VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1, old.entered_at IS new.entered_at AND old.due_at IS new.due_at AND EXISTS (SELECT 1 FROM problem_rungs WHERE item_id = old.id))
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
	DELETE FROM problem_rungs WHERE item_id = old.id AND (old.entered_at IS NOT new.entered_at OR old.due_at IS NOT new.due_at);
END;
