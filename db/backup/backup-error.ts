import type { Label } from '../../engine/labels';
import { operatorLine } from '../operator-line';

/**
 * A backup or a restore refused, or failed for a reason the operator can act
 * on: said in one line, Chinese then English, as the other command-line tools
 * say theirs.
 */
export class BackupError extends Error {
  constructor(readonly reason: Label) {
    super(operatorLine(reason));
    this.name = 'BackupError';
  }
}
