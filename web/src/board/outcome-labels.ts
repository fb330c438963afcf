import type { Label } from '../../../engine/labels';
import { organisationTypeLabels, outcomeFigureLabels } from '../../../engine/outcome';

// Apart from domain-labels: engine/outcome brings the outcome's zod schemas, which only the
// move dialog and the detail panel need, not the board's first render.

export function organisationTypeLabel(type: string): Label {
  return (organisationTypeLabels as Record<string, Label>)[type] ?? { zh: type, en: type };
}

export function figureLabel(name: string): Label {
  return (outcomeFigureLabels as Record<string, Label>)[name] ?? { zh: name, en: name };
}
