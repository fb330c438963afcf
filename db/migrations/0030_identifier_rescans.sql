CREATE TABLE `identifier_rescans` (
	`clue_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Every clue stored before: the extraction read phone numbers inside longer digit runs (bank cards, order
-- numbers) and English words after WeChat/QQ as accounts, and their rows say so. The database finds them again
-- from each clue's text when it opens.
INSERT INTO `identifier_rescans` (`clue_id`) SELECT `id` FROM `clues`;
