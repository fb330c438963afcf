import type { z } from 'zod';
import type { Label } from '../../../engine/labels';
import { cluePayloadSchemas } from '../../../engine/clue/clue.model';
import { problemPayloadSchemas } from '../../../engine/problem/problem.model';
import { clueOutcomeSchema, organisationTypes, rectificationSchema } from '../../../engine/outcome';
import { figureLabel } from './outcome-labels';
import { messages } from '../i18n/messages';
import { enIssueText, zhIssueText } from '../../../engine/issue-text';
import { overLimit, type TextLimit } from '../ui/text-limit';
import { textMaxima } from '../ui/text-maxima';

/** One input of the move dialog, named by its path in the payload (`outcome.arrested`). */
type SimpleInput = 'text' | 'textarea' | 'integer' | 'user' | 'unit';

export type FieldSpec =
  /** `limit`: a text's most characters, as its event's schema holds it, counted and said as it is typed (see text-limit.ts). */
  | { readonly name: string; readonly label: Label; readonly input: SimpleInput; readonly limit?: TextLimit }
  | { readonly name: string; readonly label: Label; readonly input: 'select'; readonly options: readonly { readonly value: string; readonly label: Label }[] }
  | { readonly name: string; readonly label: Label; readonly input: 'date'; readonly min: string; readonly max: string };

/** A payload field the move needs: either one input, or a group of them (outcome, rectification). */
export interface NeededField {
  readonly need: string;
  readonly label: Label;
  readonly inputs: readonly FieldSpec[];
}

export type FormValues = Readonly<Record<string, string>>;
export type FieldErrors = Readonly<Record<string, Label>>;
/** The most characters each text input takes, by its name (see textLimitsOf). */
export type TextMaxima = Readonly<Record<string, number>>;

const outcomeFigures = Object.keys(clueOutcomeSchema.shape).filter((key) => key !== 'organisationType');

const singleInputs: Record<string, SimpleInput> = {
  assigneeId: 'user',
  unitId: 'unit',
  caseNumber: 'text',
  conclusion: 'textarea',
  reason: 'textarea',
  note: 'textarea',
  targetId: 'integer',
  sentForProsecution: 'integer',
};

const integerNames = new Set(['targetId', 'sentForProsecution', 'assigneeId', ...outcomeFigures.map((f) => `outcome.${f}`), 'rectification.websitesShutDown', 'rectification.accountsClosed']);

function labelOf(name: string): Label {
  if (name in messages) return messages[name as keyof typeof messages];
  return figureLabel(name);
}

/** The inputs the dialog shows for one needed payload field. */
export function neededField(need: string, organisationLabel: (type: string) => Label, maxima: TextMaxima = {}): NeededField {
  const field = inputsOf(need, organisationLabel);
  return { ...field, inputs: field.inputs.map((input) => limitedTo(input, maxima)) };
}

function inputsOf(need: string, organisationLabel: (type: string) => Label): NeededField {
  if (need === 'outcome') {
    return {
      need,
      label: messages.outcome,
      inputs: [
        { name: 'outcome.organisationType', label: messages.organisationType, input: 'select', options: organisationTypes.map((value) => ({ value, label: organisationLabel(value) })) },
        ...outcomeFigures.map((f): FieldSpec => ({ name: `outcome.${f}`, label: figureLabel(f), input: 'integer' })),
      ],
    };
  }
  if (need === 'rectification') {
    return {
      need,
      label: messages.rectification,
      inputs: [
        { name: 'rectification.measures', label: messages.measures, input: 'textarea' },
        { name: 'rectification.websitesShutDown', label: figureLabel('websitesShutDown'), input: 'integer' },
        { name: 'rectification.accountsClosed', label: figureLabel('accountsClosed'), input: 'integer' },
      ],
    };
  }
  const input = singleInputs[need] ?? 'text';
  return { need, label: labelOf(need), inputs: [{ name: need, label: labelOf(need), input }] };
}

/** A field a move offers without needing it (a closing check's note): its label says it may be left empty. */
export function offeredField(offer: string, organisationLabel: (type: string) => Label, maxima: TextMaxima = {}): NeededField {
  const optional = (label: Label): Label => ({ zh: `${label.zh}（选填）`, en: `${label.en} (optional)` });
  const field = neededField(offer, organisationLabel, maxima);
  return { ...field, label: optional(field.label), inputs: field.inputs.map((input) => ({ ...input, label: optional(input.label) })) };
}

const payloadSchemas: Record<string, z.ZodType> = { ...cluePayloadSchemas, ...problemPayloadSchemas };

/**
 * The most characters each text of these events' payloads takes, read from the engine's schemas: the least of them
 * where the events differ (a batch's items may move by different events, and each item is held to its own).
 */
export function textLimitsOf(events: readonly string[]): TextMaxima {
  const least: Record<string, number> = {};
  for (const event of events) {
    const schema = payloadSchemas[event];
    if (schema === undefined) continue;
    for (const [name, max] of Object.entries(textMaxima(schema))) least[name] = Math.min(max, least[name] ?? max);
  }
  return least;
}

// A field as a sentence names it (核查结论超出…, "The conclusion is … over"), where its label does not read so in English.
const nouns: Readonly<Record<string, Label>> = { 'rectification.measures': { zh: '整改措施', en: 'account of the measures taken' } };

/** A typed input with its limit, when the payload's schema gives it one; said in the sentence by its label, lower-cased. */
export function limitedTo(spec: FieldSpec, maxima: TextMaxima, noun?: Label): FieldSpec {
  const max = maxima[spec.name];
  if (max === undefined || (spec.input !== 'text' && spec.input !== 'textarea')) return spec;
  const named = noun ?? nouns[spec.name] ?? { zh: spec.label.zh, en: spec.label.en.charAt(0).toLowerCase() + spec.label.en.slice(1) };
  return { ...spec, limit: { name: spec.name, noun: named, max } };
}

/**
 * What a fresh dialog starts with: a case's outcome figures at 0 (zeros are
 * allowed and common), everything else empty. The number of people sent for
 * prosecution is the whole of its dialog: it starts empty so that it is
 * typed, never confirmed as a 0 nobody entered.
 */
export function initialValues(needs: readonly string[]): FormValues {
  const values: Record<string, string> = {};
  if (needs.includes('outcome')) for (const f of outcomeFigures) values[`outcome.${f}`] = '0';
  if (needs.includes('rectification')) {
    values['rectification.websitesShutDown'] = '0';
    values['rectification.accountsClosed'] = '0';
  }
  return values;
}

function valueOf(name: string, values: FormValues): string | number | undefined {
  const raw = (values[name] ?? '').trim();
  if (raw === '') return undefined;
  if (integerNames.has(name)) return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  return raw;
}

/** Builds the payload the server expects from what the user typed: numbers as numbers, groups as objects. */
export function payloadOf(needs: readonly string[], values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const need of needs) {
    if (need === 'outcome') {
      payload.outcome = Object.fromEntries(['organisationType', ...outcomeFigures].map((f) => [f, valueOf(`outcome.${f}`, values)]));
    } else if (need === 'rectification') {
      payload.rectification = Object.fromEntries(Object.keys(rectificationSchema.shape).map((f) => [f, valueOf(`rectification.${f}`, values)]));
    } else {
      payload[need] = valueOf(need, values);
    }
  }
  return payload;
}

/** An input's limit, if it is a text that has one. */
export const limitOf = (spec: FieldSpec): TextLimit | undefined => ('limit' in spec ? spec.limit : undefined);

/**
 * Early feedback before the server is asked: every needed field filled, and
 * the payload valid for the event's schema (the engine's own). The server's
 * verdict still decides, and its field errors are shown the same way.
 */
export function checkPayload(event: string, needs: readonly string[], values: FormValues, offers: readonly string[] = []): FieldErrors {
  const errors: Record<string, Label> = {};
  const maxima = textLimitsOf([event]);
  const inputs = (names: readonly string[]) => names.flatMap((need) => neededField(need, () => ({ zh: '', en: '' }), maxima).inputs);
  for (const { name } of inputs(needs)) if ((values[name] ?? '').trim() === '') errors[name] = messages.required;
  // A text past its limit is said as its box says it as it is typed (by how much), not as the schema's bare "at most".
  for (const input of inputs([...needs, ...offers])) {
    const limit = limitOf(input);
    const over = limit === undefined ? null : overLimit(limit, values[input.name] ?? '');
    if (over !== null) errors[input.name] = over;
  }
  const schema = payloadSchemas[event];
  if (schema === undefined) return errors;
  const result = schema.safeParse(payloadOf([...needs, ...offers], values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join('.');
      if (errors[name] !== undefined) continue;
      if ((values[name] ?? '').trim() === '') errors[name] = messages.required;
      // A whole number's usual fault is its form (a sign, a decimal); one past the largest is said as such.
      else if (integerNames.has(name) && issue.code !== 'too_big' && issue.code !== 'custom') errors[name] = messages.wholeNumber;
      else errors[name] = { zh: zhIssueText(issue) ?? messages.invalid.zh, en: enIssueText(issue) ?? issue.message };
    }
  }
  return errors;
}

/** The reason to show above a form's buttons: none when one of its fields already says the same beside the field. */
export function reasonBesideFields(reason: Label, fields: readonly { readonly message: Label }[]): Label | null {
  return fields.some((f) => f.message.zh === reason.zh && f.message.en === reason.en) ? null : reason;
}

/** The server's field issues, keyed by field name as the dialog names its inputs. */
export function serverErrors(fields: readonly { readonly field: string; readonly message: Label }[]): FieldErrors {
  const errors: Record<string, Label> = {};
  for (const issue of fields) {
    const name = issue.field.replace(/^payload\./, '');
    errors[name] = issue.message;
  }
  return errors;
}
