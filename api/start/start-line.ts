import type { Label } from '../../engine/labels';

/**
 * A line the start prints, said as the command-line tools say theirs: Chinese,
 * then English, in one line. Its refusals (CannotStart) and what it tells the
 * operator as it starts and stops alike.
 */
export function startLine(said: Label): string {
  return `${said.zh} / ${said.en}`;
}
