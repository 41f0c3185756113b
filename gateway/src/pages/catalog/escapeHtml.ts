const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an HTML text node or a double- or single-quoted attribute value: the five
 * characters that can end either are replaced by entities (HTML Living Standard §13.1.2.3, §13.2.5).
 * `null` and `undefined` render as nothing.
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
