CREATE TABLE `board_counts` (
	`campaign_id` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`unit_id` text NOT NULL,
	`category_id` integer,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `board_counts_key` ON `board_counts` (`campaign_id`,`kind`,`state`,`unit_id`,ifnull("category_id", -1));--> statement-breakpoint
-- An item counts where it stands: added when inserted, moved when its state, unit or category changes, removed when deleted.
CREATE TRIGGER `board_counts_clues_insert` AFTER INSERT ON `clues` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n) VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id ON `clues`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
BEGIN
	UPDATE board_counts SET n = n - 1
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n) VALUES (new.campaign_id, 'clue', new.state, new.unit_id, new.category_id, 1)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_clues_delete` AFTER DELETE ON `clues` BEGIN
	UPDATE board_counts SET n = n - 1
	WHERE campaign_id = old.campaign_id AND kind = 'clue' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
END;
--> statement-breakpoint
-- An item counts where it stands: added when inserted, moved when its state, unit or category changes, removed when deleted.
CREATE TRIGGER `board_counts_problems_insert` AFTER INSERT ON `problems` BEGIN
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n) VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_update` AFTER UPDATE OF campaign_id, state, unit_id, category_id ON `problems`
WHEN old.campaign_id IS NOT new.campaign_id OR old.state IS NOT new.state OR old.unit_id IS NOT new.unit_id OR old.category_id IS NOT new.category_id
BEGIN
	UPDATE board_counts SET n = n - 1
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
	INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n) VALUES (new.campaign_id, 'problem', new.state, new.unit_id, new.category_id, 1)
	ON CONFLICT (campaign_id, kind, state, unit_id, ifnull(category_id, -1)) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `board_counts_problems_delete` AFTER DELETE ON `problems` BEGIN
	UPDATE board_counts SET n = n - 1
	WHERE campaign_id = old.campaign_id AND kind = 'problem' AND state = old.state AND unit_id = old.unit_id AND ifnull(category_id, -1) = ifnull(old.category_id, -1);
END;
--> statement-breakpoint
-- The items stored before this migration.
INSERT INTO board_counts (campaign_id, kind, state, unit_id, category_id, n)
SELECT campaign_id, 'clue', state, unit_id, category_id, count(*) FROM clues GROUP BY campaign_id, state, unit_id, category_id
UNION ALL
SELECT campaign_id, 'problem', state, unit_id, category_id, count(*) FROM problems GROUP BY campaign_id, state, unit_id, category_id;
