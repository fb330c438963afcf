-- A clue found unfounded (clue.dismiss) and reopened (clue.reopen) is no longer unfounded: the reopening takes back
-- what the dismissal counted (one clue verified, one unfounded) on its own day, as a rejected rectification takes back
-- its submission (0031). A clue dismissed, reopened and then filed counted as verified twice and unfounded once (the
-- report said 查否 55 where the list of unfounded clues held 53). The view and the trigger count the reopenings
-- too; report-sql.ts subtracts them (engine/report is the model).
DROP TRIGGER `report_tally_on_audit`;
--> statement-breakpoint
DROP VIEW `report_entry_figures`;
--> statement-breakpoint
CREATE VIEW `report_entry_figures` AS SELECT
	a.seq AS seq, a.campaign_id AS campaign_id, a.at AS at, a.unit_id AS unit_id, a.category_id AS category_id, a.event AS event,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.organisationType'), '') ELSE '' END AS organisation,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.suspectsCaught'), 0) ELSE 0 END AS suspects_caught,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.criminallyDetained'), 0) ELSE 0 END AS criminally_detained,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.arrested'), 0) ELSE 0 END AS arrested,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.gunsSeized'), 0) ELSE 0 END AS guns_seized,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.assetsSeizedYuan'), 0) ELSE 0 END AS assets_seized_yuan,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.moneyInvolvedYuan'), 0) ELSE 0 END AS money_involved_yuan,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.moneyStoppedYuan'), 0) ELSE 0 END AS money_stopped_yuan,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.moneyFrozenYuan'), 0) ELSE 0 END AS money_frozen_yuan,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.moneyReturnedYuan'), 0) ELSE 0 END AS money_returned_yuan,
	CASE WHEN a.event = 'clue.solve' THEN ifnull(json_extract(a.payload, '$.outcome.victimsWarned'), 0) ELSE 0 END AS victims_warned,
	CASE WHEN a.event = 'clue.prosecute' THEN ifnull(json_extract(a.payload, '$.sentForProsecution'), 0) ELSE 0 END AS sent_for_prosecution,
	CASE WHEN a.event = 'problem.complete' THEN ifnull(json_extract(a.payload, '$.rectification.websitesShutDown'), 0)
		WHEN a.event = 'problem.reject' THEN -ifnull((SELECT json_extract(c.payload, '$.rectification.websitesShutDown') FROM audit_log c
			WHERE c.subject = 'problem' AND c.subject_id = a.subject_id AND c.event = 'problem.complete' AND c.seq < a.seq ORDER BY c.seq DESC LIMIT 1), 0)
		ELSE 0 END AS websites_shut_down,
	CASE WHEN a.event = 'problem.complete' THEN ifnull(json_extract(a.payload, '$.rectification.accountsClosed'), 0)
		WHEN a.event = 'problem.reject' THEN -ifnull((SELECT json_extract(c.payload, '$.rectification.accountsClosed') FROM audit_log c
			WHERE c.subject = 'problem' AND c.subject_id = a.subject_id AND c.event = 'problem.complete' AND c.seq < a.seq ORDER BY c.seq DESC LIMIT 1), 0)
		ELSE 0 END AS accounts_closed
FROM audit_log a
WHERE a.campaign_id IS NOT NULL AND a.subject IN ('clue', 'problem')
	AND a.event IN ('clue.create', 'clue.file', 'clue.dismiss', 'clue.reopen', 'clue.solve', 'clue.prosecute', 'clue.merge', 'problem.create', 'problem.complete', 'problem.reject', 'problem.verify', 'clue.extend', 'problem.extend', 'clue.requestExtension', 'problem.requestExtension', 'clue.declineExtension', 'problem.declineExtension');
--> statement-breakpoint
CREATE TRIGGER `report_tally_on_audit` AFTER INSERT ON `audit_log`
WHEN new.campaign_id IS NOT NULL AND new.subject IN ('clue', 'problem')
	AND new.event IN ('clue.create', 'clue.file', 'clue.dismiss', 'clue.reopen', 'clue.solve', 'clue.prosecute', 'clue.merge', 'problem.create', 'problem.complete', 'problem.reject', 'problem.verify', 'clue.extend', 'problem.extend', 'clue.requestExtension', 'problem.requestExtension', 'clue.declineExtension', 'problem.declineExtension')
BEGIN
	INSERT INTO report_tallies (campaign_id, day, unit_id, category_id, event, organisation, n, suspects_caught, criminally_detained, arrested, guns_seized, assets_seized_yuan, money_involved_yuan, money_stopped_yuan, money_frozen_yuan, money_returned_yuan, victims_warned, sent_for_prosecution, websites_shut_down, accounts_closed)
	SELECT campaign_id, substr(at, 1, 10), unit_id, category_id, event, organisation, 1, suspects_caught, criminally_detained, arrested, guns_seized, assets_seized_yuan, money_involved_yuan, money_stopped_yuan, money_frozen_yuan, money_returned_yuan, victims_warned, sent_for_prosecution, websites_shut_down, accounts_closed
	FROM report_entry_figures WHERE seq = new.seq
	ON CONFLICT (campaign_id, day, ifnull(unit_id, ''), ifnull(category_id, -1), event, organisation) DO UPDATE SET
		n = n + 1,
		suspects_caught = suspects_caught + excluded.suspects_caught,
		criminally_detained = criminally_detained + excluded.criminally_detained,
		arrested = arrested + excluded.arrested,
		guns_seized = guns_seized + excluded.guns_seized,
		assets_seized_yuan = assets_seized_yuan + excluded.assets_seized_yuan,
		money_involved_yuan = money_involved_yuan + excluded.money_involved_yuan,
		money_stopped_yuan = money_stopped_yuan + excluded.money_stopped_yuan,
		money_frozen_yuan = money_frozen_yuan + excluded.money_frozen_yuan,
		money_returned_yuan = money_returned_yuan + excluded.money_returned_yuan,
		victims_warned = victims_warned + excluded.victims_warned,
		sent_for_prosecution = sent_for_prosecution + excluded.sent_for_prosecution,
		websites_shut_down = websites_shut_down + excluded.websites_shut_down,
		accounts_closed = accounts_closed + excluded.accounts_closed;
	-- Found when its create entry says (as the report's model replays it), not when the clues table says:
	-- entries may be written before their item's row.
	INSERT INTO solve_times (seq, campaign_id, at, unit_id, category_id, days)
	SELECT new.seq, new.campaign_id, new.at, new.unit_id, new.category_id, julianday(new.at) - julianday(coalesce(json_extract(c.payload, '$.input.foundAt'), c.at))
	FROM audit_log c WHERE new.event = 'clue.solve' AND c.subject = 'clue' AND c.subject_id = new.subject_id AND c.event = 'clue.create';
END;
--> statement-breakpoint
-- The reopenings written before this migration, tallied the same way (none were tallied before).
INSERT INTO report_tallies (campaign_id, day, unit_id, category_id, event, organisation, n, suspects_caught, criminally_detained, arrested, guns_seized, assets_seized_yuan, money_involved_yuan, money_stopped_yuan, money_frozen_yuan, money_returned_yuan, victims_warned, sent_for_prosecution, websites_shut_down, accounts_closed)
SELECT campaign_id, substr(at, 1, 10), unit_id, category_id, event, organisation, count(*), sum(suspects_caught), sum(criminally_detained), sum(arrested), sum(guns_seized), sum(assets_seized_yuan), sum(money_involved_yuan), sum(money_stopped_yuan), sum(money_frozen_yuan), sum(money_returned_yuan), sum(victims_warned), sum(sent_for_prosecution), sum(websites_shut_down), sum(accounts_closed)
FROM report_entry_figures WHERE event = 'clue.reopen'
GROUP BY campaign_id, substr(at, 1, 10), unit_id, category_id, event, organisation;
