ALTER TABLE `clues` ADD `last_note_at` text;--> statement-breakpoint
ALTER TABLE `problems` ADD `last_note_at` text;
--> statement-breakpoint
-- Items noted before the column existed: their last note's time, from the context the engine keeps it in.
UPDATE `clues` SET `last_note_at` = json_extract(`context`, '$.lastNoteAt') WHERE json_extract(`context`, '$.lastNoteAt') IS NOT NULL;
--> statement-breakpoint
UPDATE `problems` SET `last_note_at` = json_extract(`context`, '$.lastNoteAt') WHERE json_extract(`context`, '$.lastNoteAt') IS NOT NULL;
