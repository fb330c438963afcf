-- The day a request for more time (延期申请) waiting on an item asks for, for its card. Requests arrive with this migration:
-- no item has one before it.
ALTER TABLE `clues` ADD `extension_asked_until` text;--> statement-breakpoint
ALTER TABLE `problems` ADD `extension_asked_until` text;