DROP INDEX `audit_report`;--> statement-breakpoint
CREATE INDEX `audit_report` ON `audit_log` (`campaign_id`,`event`,`at`,`subject`,`unit_id`,`category_id`,`subject_id`);