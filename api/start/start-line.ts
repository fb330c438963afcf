import type { Label } from '../../engine/labels';
import { operatorLine } from '../../db/operator-line';

/**
 * A line the start prints, said as the command-line tools say theirs (operatorLine): Chinese, then English, in one
 * line. Its refusals (CannotStart) and what it tells the operator as it starts and stops alike.
 */
export function startLine(said: Label): string {
  return operatorLine(said);
}
