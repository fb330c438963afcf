import { targetMetricLabels } from '../../../engine/campaign/campaign.labels';
import type { TargetMetric } from '../../../engine/campaign/campaign-config';
import type { Label } from '../../../engine/labels';
import { tr } from '../i18n/i18n';

/** A target's measure by its name in the current language (破案, Cases solved); an unknown one by its key. */
export function metricLabel(metric: string): string {
  const labels: Record<string, Label> = targetMetricLabels satisfies Record<TargetMetric, Label>;
  return labels[metric] === undefined ? metric : tr(labels[metric]);
}
