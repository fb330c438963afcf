CREATE TABLE `flow_tallies` (
	`campaign_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flow_tallies_key` ON `flow_tallies` (`campaign_id`,`quarter`,`from_state`,`to_state`);--> statement-breakpoint
-- Every appended clue entry that changes the clue's state adds itself to its quarter's tally.
CREATE TRIGGER `flow_tally_on_audit` AFTER INSERT ON `audit_log`
WHEN new.campaign_id IS NOT NULL AND new.subject = 'clue' AND new.to_state IS NOT NULL AND (new.from_state IS NULL OR new.from_state <> new.to_state)
BEGIN
	INSERT INTO flow_tallies (campaign_id, quarter, from_state, to_state, n)
	VALUES (new.campaign_id, substr(new.at, 1, 14) || printf('%02d', CAST(substr(new.at, 15, 2) AS INTEGER) / 15 * 15), ifnull(new.from_state, ''), new.to_state, 1)
	ON CONFLICT (campaign_id, quarter, from_state, to_state) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- The entries written before this migration, tallied the same way.
INSERT INTO flow_tallies (campaign_id, quarter, from_state, to_state, n)
SELECT campaign_id, substr(at, 1, 14) || printf('%02d', CAST(substr(at, 15, 2) AS INTEGER) / 15 * 15), ifnull(from_state, ''), to_state, count(*) FROM audit_log
WHERE campaign_id IS NOT NULL AND subject = 'clue' AND to_state IS NOT NULL AND (from_state IS NULL OR from_state <> to_state)
GROUP BY 1, 2, 3, 4;
