import type { Label } from '../engine/labels';

/**
 * A line an operator's command-line tool prints (import, backup, restore,
 * audit:verify): Chinese first, as the bureau reads it, then " / " and the
 * English, in one line however long, as the start says its lines (startLine).
 */
export function operatorLine(said: Label): string {
  return `${said.zh} / ${said.en}`;
}
