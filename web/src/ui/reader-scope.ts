/** Who reads, as far as what they see goes: their role and their own unit with those below it. */
interface Reader {
  readonly role: string;
  readonly unitScope: readonly string[];
}

/**
 * The units whose items a reader sees: a lead's or an officer's own and
 * those below it, or null for everyone's (the office, the viewer, the
 * administrator). A filter offers only these, and their people: any
 * other choice shows an empty board or list.
 */
export function readerScope(reader: Reader | null | undefined): ReadonlySet<string> | null {
  return reader && (reader.role === 'lead' || reader.role === 'officer') ? new Set(reader.unitScope) : null;
}

/** The units of a list that are in the reader's scope (all of them when it has none). */
export function unitsIn<U extends { readonly id: string }>(units: readonly U[], scope: ReadonlySet<string> | null): readonly U[] {
  return scope === null ? units : units.filter((unit) => scope.has(unit.id));
}

/** The people of a list whose unit is in the reader's scope (all of them when it has none). */
export function peopleIn<P extends { readonly unitId: string }>(people: readonly P[] | undefined, scope: ReadonlySet<string> | null): readonly P[] | undefined {
  return scope === null || people === undefined ? people : people.filter((person) => scope.has(person.unitId));
}

/** Whether a unit filter still applies for a reader: none chosen, or one of the units they see (all of them when they see everyone's). */
export function unitFilterInReach(unit: string | undefined, scope: ReadonlySet<string> | null): boolean {
  return unit === undefined || unit === '' || scope === null || scope.has(unit);
}
