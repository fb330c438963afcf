import { z } from 'zod';
import { identifierKinds } from '../../engine/intake/identifiers';

/** The clue fields a file's columns are read into (api/services/import). */
export const importFields = ['sourceRef', 'title', 'description', 'unit', 'category', 'source', 'assignee', 'foundAt'] as const;

export const identifier = z.object({ kind: z.enum(identifierKinds), value: z.string() }).meta({ id: 'Identifier' });

export const duplicatesRequest = z.strictObject({ text: z.string().max(20_000) }).meta({ id: 'DuplicatesRequest' });

export const duplicatesAnswer = z
  .object({
    identifiers: z.array(identifier),
    matches: z.array(
      z.object({
        clueId: z.number().int(),
        unitId: z.string(),
        state: z.string(),
        foundAt: z.string(),
        title: z.string().nullable(),
        matched: z.array(identifier),
      }),
    ),
  })
  .meta({ id: 'Duplicates' });

export const importQuery = z.strictObject({
  /** false: check and report only; true: import. */
  commit: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Import the valid rows and skip the invalid ones (otherwise any invalid row stops the import). */
  onlyValid: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** JSON object: field → column header (or null), e.g. {"title":"线索标题","unit":"承办单位"}. */
  mapping: z.string().max(4000).optional(),
  /**
   * JSON object: spreadsheet row → what becomes of that duplicate row: an existing clue id (its new clue is merged into it
   * in the same transaction), null (kept a new clue) or "skip" (not imported), e.g. {"5":12,"6":null,"7":"skip"}; the rows
   * it does not name follow `duplicates`.
   */
  merges: z.string().max(8000).optional(),
  /**
   * What becomes of the duplicate rows `merges` does not name: keep (each a new clue), merge (into the earliest clue its
   * check offers it; a row offered none stays new) or skip (not imported: a register without source ids imported again).
   * A rule, because a file of 10,000 duplicates named row by row made an address of 130,000 characters, refused.
   */
  duplicates: z.enum(['keep', 'merge', 'skip']).optional(),
  /** The older spelling of duplicates=merge (the page's "merge all into the earliest"). */
  mergeEarliest: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** An id the client chose (a UUID) to follow this import's progress at GET /imports/progress/{progressId}. */
  progressId: z.uuid().optional(),
});

/** The clue import template: the language of its column names, instructions and choices. */
export const importTemplateQuery = z.strictObject({ lang: z.enum(['zh', 'en']).default('zh') });

export const importProgress = z
  .object({
    stage: z.enum(['checking', 'creating', 'writing', 'done']),
    done: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ImportProgress' });

export const progressParam = z.object({ progressId: z.uuid() });

const rowIssue = z.object({
  row: z.number().int(),
  /** The file's column header; '' where there is none (a required column missing, a merge chosen), and `field` says what it is about. */
  column: z.string(),
  field: z.enum([...importFields, 'merge']).optional(),
  reason: z.object({ zh: z.string(), en: z.string() }),
});

export const importPlan = z
  .object({
    format: z.enum(['xlsx', 'csv-utf8', 'csv-gb18030', 'csv-utf16']),
    /** A workbook's sheet read (the first shown with anything on it), and how many other shown sheets hold something. */
    sheet: z.object({ name: z.string(), othersShown: z.number().int() }).optional(),
    /** The row the header was found on: the first filled one, or a later one under a title row. */
    headerRow: z.number().int(),
    /** The header's last row: `headerRow`, or the row under it when the header is drawn in two (a group's columns named below its name). */
    headerLastRow: z.number().int(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()),
    /** Columns no field takes that hold phone numbers, accounts, addresses or ID numbers: added to each row's description, header first. */
    appendedColumns: z.array(z.string()),
    /** Columns of telephone numbers where landlines stored as numbers lost their leading 0, given back: how many rows, and the first as it is imported. */
    restoredZeros: z.array(z.object({ column: z.string(), rows: z.number().int(), firstRow: z.number().int(), value: z.string() })),
    /**
     * Rows to be imported whose found time lies before the campaign began (the first day of its survey window, `campaignStart`):
     * a warning, not a problem (a clue carried over is imported as written; a year mistyped is fixed in the file). Absent when none is.
     */
    foundBeforeCampaign: z.object({ column: z.string(), campaignStart: z.string(), rows: z.array(z.number().int()) }).optional(),
    rows: z.number().int(),
    valid: z.number().int(),
    issues: z.array(rowIssue),
    alreadyImported: z.array(z.number().int()),
    /** `matched`: the numbers and accounts the row shares with those clues (none for a row that is a word-for-word copy of one). */
    duplicates: z.array(z.object({ row: z.number().int(), clueIds: z.array(z.number().int()), mergeInto: z.array(z.number().int()), matched: z.array(identifier) })),
    /** The existing clues `duplicates` names, with the title where the importer may read it. */
    duplicateClues: z.array(z.object({ id: z.number().int(), unitId: z.string(), state: z.string(), title: z.string().nullable() })),
    duplicatesInFile: z.array(z.object({ row: z.number().int(), sameAs: z.number().int() })),
    /** Rows of a CSV cell opening a quote that nothing after it closes (each also in `issues`): the file is not read as written, and nothing of it is imported, not even with onlyValid. */
    unclosedQuotes: z.array(z.number().int()),
    /** Rows of a quoted CSV cell with text after its closing quote, or a lone quote inside (each also in `issues`): refused as `unclosedQuotes` are; read as the CSV rules have it, the rows below ran into the cell. */
    strayQuotes: z.array(z.number().int()),
    batchId: z.string().optional(),
    created: z.number().int().optional(),
    merged: z.number().int().optional(),
    /** Duplicate rows skipped as the importer chose: not created, not counted in `created`. */
    skippedDuplicates: z.number().int().optional(),
    /** Which rows those are (an import's answer): with `mergedRows`, what became of each duplicate row; any other row of `duplicates` or `duplicatesInFile` not in `issues` is a new clue. */
    skippedRows: z.array(z.number().int()).optional(),
    /** The rows whose new clue was merged on import, each with the clue it went into. */
    mergedRows: z.array(z.object({ row: z.number().int(), into: z.number().int() })).optional(),
  })
  .meta({ id: 'ImportPlan' });

const cluePart = z
  .object({
    clueId: z.number().int(),
    unitId: z.string(),
    foundAt: z.string(),
    source: z.string(),
    state: z.string(),
    title: z.string().nullable(),
    mergedInto: z.number().int().nullable(),
    mergedAt: z.string().nullable(),
  })
  .meta({ id: 'CluePart' });

export const clueParts = z
  .object({
    clueId: z.number().int(),
    firstFound: cluePart,
    parts: z.array(cluePart),
  })
  .meta({ id: 'ClueParts' });

/** A case number as the move dialog has it typed: matched in the one form the engine stores (half-width, trimmed, upper case), of at most 64 characters. */
export const caseNumberQuery = z.strictObject({ caseNumber: z.string().trim().min(1).max(64) });

export const caseNumberHolders = z
  .object({
    caseNumber: z.string(),
    holders: z.array(
      z.object({
        clueId: z.number().int(),
        unitId: z.string(),
        state: z.string(),
        title: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseNumberHolders' });
