import type { Actor, Label, UnitKind } from '../../../engine';
import { lookUp } from './name-lookup';

/** What the unit lookup needs of a unit. */
export interface NamedUnit {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: UnitKind;
  readonly retiredAt: string | null;
}

/** A unit cell read: the unit it names, or why it names none (several it could be, or none at all). */
export type UnitReading = { readonly unitId: string } | { readonly ambiguous: Label } | null;

/** A unit with its name as compared. */
interface Named {
  readonly unit: NamedUnit;
  readonly name: string;
}

/** A name as compared: full-width letters and digits as ASCII, without spaces (“汉台 分局”). */
const plain = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * Reads a unit cell as registers from other systems write it: by code or
 * full name, else by the name as people shorten it. A bureau's units are
 * stored under their full names (汉中市公安局汉台分局) and its other systems
 * write 汉台分局 or 汉台, or the other way round; refused as no such unit,
 * every row of a 10,000-row register came back to be rewritten by hand.
 *
 * A short name is taken only when it names one unit: first a unit whose name
 * ends with it (刑侦支队 for 汉中市公安局刑侦支队), then the unit whose name
 * the cell ends with (汉中市公安局汉台分局 for 汉台分局; the longest), then a
 * unit whose name holds it (汉台). Units still taking work are preferred to
 * retired ones. A name several units fit is said with those units, never
 * guessed: a clue filed to the wrong county is worse than a row to correct.
 *
 * A district or county as the map labels it (汉台区, 南郑区, 城固县) names
 * that county's branch, read so among the county branches only when the
 * name as written fits no unit: a unit named with the district itself
 * (汉台区北关派出所) is still read as written, and 汉中市 holding several
 * branches is said with them.
 */
export function unitReader(units: readonly NamedUnit[]): (text: string) => UnitReading {
  const exact = new Map<string, string>();
  for (const u of units) for (const key of [u.id, u.nameZh, u.nameEn.toLowerCase()]) exact.set(key, u.id);
  const named: Named[] = units.map((u) => ({ unit: u, name: plain(u.nameZh) }));
  const counties = named.filter((n) => n.unit.kind === 'county');
  // A register repeats its few unit names on every row: each is read once.
  const read = new Map<string, UnitReading>();
  return (text) => {
    const known = read.get(text);
    if (known !== undefined) return known;
    const found = lookUp(exact, text);
    const reading = found === undefined ? (byShortName(named, plain(text), text) ?? byPlaceName(counties, text)) : { unitId: found };
    read.set(text, reading);
    return reading;
  };
}

/** The map's county labels end so: 汉台区, 城固县, and a county-level city's 市. */
const placeEnding = /[区县市]$/;

/** A district or county's name read as its branch by the place alone (汉台区 as 汉台, said as written when several fit). */
function byPlaceName(counties: readonly Named[], written: string): UnitReading {
  const text = plain(written);
  return placeEnding.test(text) ? byShortName(counties, text.slice(0, -1), written) : null;
}

/** `text` is the cell as compared, `written` as the file has it (what a refusal quotes). */
function byShortName(named: readonly Named[], text: string, written: string): UnitReading {
  if (text.length < 2) return null;
  const endsWithIt = named.filter((n) => n.name.endsWith(text));
  const itEndsWith = named.filter((n) => text.endsWith(n.name));
  const longest = Math.max(0, ...itEndsWith.map((n) => n.name.length));
  const stages = [endsWithIt, itEndsWith.filter((n) => n.name.length === longest), named.filter((n) => n.name.includes(text))];
  for (const stage of stages) {
    const working = stage.filter((n) => n.unit.retiredAt === null);
    const fits = working.length > 0 ? working : stage;
    const [only] = fits;
    if (only !== undefined && fits.length === 1) return { unitId: only.unit.id };
    if (fits.length > 1) {
      const names = fits.map((n) => n.unit.nameZh);
      return { ambiguous: { zh: `“${written}”可指多个单位：${names.join('、')}，请写单位全称`, en: `"${written}" could be any of several units: ${names.join(', ')}; write the unit’s full name` } };
    }
  }
  return null;
}

/**
 * The units an importer may file clues to, in the order given: those still taking work, of the importer's own units
 * unless the office imports (an empty scope). What the import template offers in its drop-down, and the check names
 * when a cell names no unit.
 */
export function unitsToFileTo<T extends { readonly id: string; readonly retired: boolean }>(units: readonly T[], actor: Actor): T[] {
  const working = units.filter((u) => !u.retired);
  return actor.unitScope.length === 0 ? working : working.filter((u) => actor.unitScope.includes(u.id));
}
