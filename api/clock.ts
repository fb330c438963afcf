/** Where the server gets "now". The engine never reads a clock; the API passes this one's answer. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock frozen at one instant (BATTLEMAP_NOW), for demos and tests. */
export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return () => new Date(instant.getTime());
}
