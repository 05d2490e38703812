import { METRIC_LABELS, type Metric } from '../model/components.js';
import { confidenceWords } from './confidence-text.js';

/**
 * The row labels of the figures shown for several scenarios side by side: `arrcast compare`'s
 * targets-and-budgets table, comparison.html and comparison.xlsx, and report.html's stress table (the
 * plan beside its stress cases). One figure, one label in all of them: before, the stress table wrote
 * "Recognized revenue mean of the worst 10%" and "Recognized revenue: Budget at 80% confidence" where
 * comparison.html wrote "Recognized revenue: mean of the worst 10%" and "...: budget at 80% confidence".
 *
 * @example sideBySideLabels.budget('revenue', 0.8) // => 'Recognized revenue: budget at 80% confidence'
 */
export const sideBySideLabels = {
  p50: (m: Metric): string => `${METRIC_LABELS[m]}: P50 (median)`,
  p10: (m: Metric): string => `${METRIC_LABELS[m]}: 1-in-10 year (P10)`,
  worst10: (m: Metric): string => `${METRIC_LABELS[m]}: mean of the worst 10%`,
  budget: (m: Metric, confidence: number): string => `${METRIC_LABELS[m]}: budget at ${confidenceWords(confidence).share} confidence`,
};
