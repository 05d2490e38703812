/**
 * Text made safe for HTML element content and quoted attribute values: & < > " ' become
 * entities. Every string that comes from a scenario (names, tiers, descriptions) goes through it,
 * so a tier named `<script>` shows as text.
 *
 * @example escapeHtml('<script>') // => '&lt;script&gt;'
 * Complexity: O(length).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
