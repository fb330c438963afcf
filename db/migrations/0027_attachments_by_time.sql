DROP INDEX `attachments_subject`;--> statement-breakpoint
CREATE INDEX `attachments_subject` ON `attachments` (`subject`,`subject_id`,`attached_at`);