/** How wide a map label's name may be, in Latin letters: a Chinese character counts two. */
export const mapLabelWidth = 15;

const widthOf = (text: string) => [...text].reduce((sum, character) => sum + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(character) ? 2 : 1), 0);

/**
 * A unit's name as its county's label holds it: whole when it fits, else
 * its first words that do (a character at a time for a first word longer
 * than that), and "…". A county is a finger's width on a phone: "Chenggu
 * County Economic Development Zone Sub-bureau", a unit renamed so, ran
 * across three counties' labels, and no moving apart could place it. The
 * whole name is in the county's tooltip and what a screen reader says.
 */
export function mapLabel(name: string, width = mapLabelWidth): string {
  if (widthOf(name) <= width) return name;
  const room = width - 1;
  const words = name.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (widthOf(next) > room) break;
    kept = next;
  }
  if (kept === '') {
    for (const character of name) {
      if (widthOf(kept + character) > room) break;
      kept += character;
    }
  }
  return `${kept}…`;
}
