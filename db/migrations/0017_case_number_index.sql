-- Written by hand: drizzle-kit split the expression at its comma. The clues filed under a case number (see db/schema/items.ts).
CREATE INDEX `clues_case_number` ON `clues` (`campaign_id`, json_extract(`context`, '$.caseNumber')) WHERE json_extract(`context`, '$.caseNumber') IS NOT NULL;
