ALTER TABLE `board_counts` ADD `escalated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
DROP TRIGGER `board_counts_clues_insert`;
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_update`;
--> statement-breakpoint
DROP TRIGGER `board_counts_clues_delete`;
--> statement-breakpoint
-- An item counts where it stands, and as escalated while it has a rung raised: added when inserted, moved when its
-- state, unit or category changes or it is first escalated or settled, removed when deleted.
CREATE TRIGGER `board_counts_clues_insert` AFTER INSERT ON `clues` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated) VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1, new.escalated_level > 0)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, escalated_level ON `clues`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR (old.escalated_level > 0) IS NOT (new.escalated_level > 0)
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - (old.escalated_level > 0)
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated) VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1, new.escalated_level > 0)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_delete` AFTER DELETE ON `clues` BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - (old.escalated_level > 0)
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
END;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_insert`;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_update`;
--> statement-breakpoint
DROP TRIGGER `board_counts_problems_delete`;
--> statement-breakpoint
-- An item counts where it stands, and as escalated while it has a rung raised: added when inserted, moved when its
-- state, unit or category changes or it is first escalated or settled, removed when deleted.
CREATE TRIGGER `board_counts_problems_insert` AFTER INSERT ON `problems` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated) VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1, new.escalated_level > 0)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id, escalated_level ON `problems`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
	OR (old.escalated_level > 0) IS NOT (new.escalated_level > 0)
BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - (old.escalated_level > 0)
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated) VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1, new.escalated_level > 0)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1, escalated = escalated + excluded.escalated;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_delete` AFTER DELETE ON `problems` BEGIN
	UPDATE board_counts SET n = n - 1, escalated = escalated - (old.escalated_level > 0)
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
END;
--> statement-breakpoint
-- The items' escalations as they stand.
UPDATE board_counts SET escalated = 0;
--> statement-breakpoint
INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n, escalated)
SELECT campaign_id, 'clue', state, unit_id, category_id, 0, count(*) FROM clues WHERE escalated_level > 0 GROUP BY campaign_id, state, unit_id, category_id
UNION ALL
SELECT campaign_id, 'problem', state, unit_id, category_id, 0, count(*) FROM problems WHERE escalated_level > 0 GROUP BY campaign_id, state, unit_id, category_id
ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET escalated = excluded.escalated;
