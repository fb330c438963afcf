ALTER TABLE `clues` ADD `attachment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `problems` ADD `attachment_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Items given files before the column existed: how many, from the context the engine keeps them in.
UPDATE `clues` SET `attachment_count` = json_array_length(`context`, '$.attachments') WHERE json_array_length(`context`, '$.attachments') > 0;
--> statement-breakpoint
UPDATE `problems` SET `attachment_count` = json_array_length(`context`, '$.attachments') WHERE json_array_length(`context`, '$.attachments') > 0;
