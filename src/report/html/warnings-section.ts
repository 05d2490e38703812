import type { PlausibilityWarning } from '../../analysis/plausibility.js';
import { filePlace, formatPath } from '../../scenario/scenario-error.js';
import { escapeHtml } from './escape.js';

/**
 * The "Check these inputs" section of report.html: one item per plausibility warning, with its
 * code, where the field is (file:line:column and path) and the message, every string escaped.
 * Empty when there is nothing to check, so a plausible scenario's page is unchanged.
 *
 * @example warningsSection([]) // => ''
 * Complexity: O(warnings).
 */
export function warningsSection(warnings: readonly PlausibilityWarning[] | undefined): string {
  if (!warnings || warnings.length === 0) return '';
  const e = escapeHtml;
  const items = warnings.map((w) => {
    const where = w.file === undefined ? '' : filePlace(w.file, w.line, w.column, w.realFile);
    const path = formatPath(w.path);
    const place = [where, path].filter((x) => x !== '').join(' ');
    return `<li><code>${e(w.code)}</code>${place ? ` <code>${e(place)}</code>` : ''}: ${e(w.message)}</li>`;
  });
  return `<section class="check-inputs" style="border-left: 4px solid #c77c02; padding: 4px 12px; margin: 14px 0">
<h2>Check these inputs</h2>
<p>The scenario is valid, but these inputs or their results are outside common SaaS ranges. They may be right; a planner would double-check them. (Silence one with <code>--no-warn CODE</code>.)</p>
<ul>
${items.join('\n')}
</ul>
</section>
`;
}
