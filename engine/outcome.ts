import { z } from 'zod';
import type { Label } from './labels';
import { requiredText } from './visible-text';

/**
 * The figures a campaign reports upward, recorded on the move where they
 * happen (solved, prosecuted, rectified). Integers only; money in whole yuan.
 *
 * Each figure of one case or item is a whole number up to a bound some ten
 * times the largest of its kind on record (a fraud case of tens of billions
 * of yuan, a ring of thousands of suspects, a warning drive reaching
 * millions). A figure past it is a slip of the keyboard (extra zeros), said
 * where it is typed rather than found later in the year's totals; and the
 * report's sums of a million items stay within SQLite's 64-bit integers,
 * whose `sum()` fails the whole report when they overflow.
 */
// The bound checked before the whole number: 9007199254740993 is said as past the bound, not past what JavaScript counts exactly.
// Whole by `multipleOf(1)`, not `.int()`: zod stops every later check of the object at a failed `.int()`, so a fraction
// of a yuan hid "more arrested than caught" until it was put right; this one lets the outcome's own check run too.
const count = (max: number) => z.number().min(0).max(max).multipleOf(1);
const people = count(100_000);
const things = count(1_000_000);
const yuan = count(1_000_000_000_000);
const reached = count(100_000_000);

export const organisationTypes = ['mafia', 'criminalGroup', 'criminalGang', 'none'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Said beside a count of people larger than those caught (translated in engine/issue-text.ts). */
export const moreThanCaught = 'no more than the suspects caught';

export const clueOutcomeSchema = z
  .strictObject({
    organisationType: z.enum(organisationTypes),
    suspectsCaught: people,
    criminallyDetained: people,
    arrested: people,
    gunsSeized: things,
    assetsSeizedYuan: yuan,
    moneyInvolvedYuan: yuan,
    moneyStoppedYuan: yuan,
    moneyFrozenYuan: yuan,
    moneyReturnedYuan: yuan,
    victimsWarned: reached,
  })
  // Those detained and those arrested are among the suspects caught in the case: more of them is a figure typed in the
  // wrong box, and it would carry into the bureau's published totals ("抓获 3 人，刑拘 30 人").
  .superRefine(
    (outcome, ctx) => {
      // Only between figures that are counts themselves: a negative or missing one is said as such, not as this.
      const counted = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
      if (!counted(outcome.suspectsCaught)) return;
      for (const figure of ['criminallyDetained', 'arrested'] as const) {
        const n = outcome[figure];
        if (counted(n) && n > outcome.suspectsCaught) ctx.addIssue({ code: 'custom', path: [figure], message: moreThanCaught });
      }
    },
    // Run even when another figure was refused (a negative one, a fraction): every slip in the dialog is said at
    // once, not one more on each try. Only over an object: a payload that is not one is said as such.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type ClueOutcome = z.infer<typeof clueOutcomeSchema>;
export type ClueOutcomeFigure = Exclude<keyof ClueOutcome, 'organisationType'>;

export const prosecutionSchema = z.strictObject({ sentForProsecution: people });

// The measures are what the office reads before closing the problem (销号): blank ones, or zero-width spaces alone,
// were taken as an account of the rectification.
export const rectificationSchema = z.strictObject({
  measures: requiredText(4000),
  websitesShutDown: things,
  accountsClosed: reached,
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const organisationTypeLabels: Record<OrganisationType, Label> = {
  mafia: { zh: '黑社会性质组织', en: 'Mafia-type organisation' },
  criminalGroup: { zh: '恶势力犯罪集团', en: 'Criminal group' },
  criminalGang: { zh: '恶势力犯罪团伙', en: 'Criminal gang' },
  none: { zh: '不涉及', en: 'None' },
};

export const outcomeFigureLabels: Record<ClueOutcomeFigure | 'sentForProsecution' | 'websitesShutDown' | 'accountsClosed', Label> = {
  suspectsCaught: { zh: '抓获犯罪嫌疑人（人）', en: 'Suspects caught' },
  criminallyDetained: { zh: '刑事拘留（人）', en: 'Criminally detained' },
  arrested: { zh: '逮捕（人）', en: 'Arrested' },
  sentForProsecution: { zh: '移送起诉（人）', en: 'Sent for prosecution' },
  gunsSeized: { zh: '缴获枪支（支）', en: 'Guns seized' },
  assetsSeizedYuan: { zh: '查封冻结扣押涉案资产（元）', en: 'Assets sealed, frozen or seized (yuan)' },
  moneyInvolvedYuan: { zh: '涉案金额（元）', en: 'Money involved (yuan)' },
  moneyStoppedYuan: { zh: '紧急止付（元）', en: 'Money stopped (yuan)' },
  moneyFrozenYuan: { zh: '冻结涉案资金（元）', en: 'Money frozen (yuan)' },
  moneyReturnedYuan: { zh: '返还群众被骗资金（元）', en: 'Money returned to victims (yuan)' },
  victimsWarned: { zh: '预警劝阻（人次）', en: 'Would-be victims warned' },
  websitesShutDown: { zh: '关停违规网站（个）', en: 'Violating websites shut down' },
  accountsClosed: { zh: '关停账号（个）', en: 'Accounts closed' },
};
