CREATE TABLE `campaign_maps` (
	`campaign_id` integer PRIMARY KEY NOT NULL,
	`geojson` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Each campaign's map moves into its own row, as it was stored.
INSERT INTO `campaign_maps` (`campaign_id`, `geojson`) SELECT `id`, `map_geojson` FROM `campaigns` WHERE `map_geojson` IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `campaigns` DROP COLUMN `map_geojson`;