/**
 * An 18-character citizen ID number (GB 11643-1999) standing alone: 17 digits and a digit or X. A
 * credit code of the same shape is masked too, which costs a log reader nothing.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{11}([\dXx])(?![0-9A-Za-z])/g;
const HAS_ID_NUMBER = new RegExp(ID_NUMBER.source);

/** `410102199001011234` → `410102***********4`: the region stays, birth date and sequence go. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (_, region: string, check: string) => `${region}${'*'.repeat(11)}${check}`);
}

/** Values that cannot be personal data and help the reader: numbers, dates and times, enum values. */
const HARMLESS = /^(-?\d+(\.\d+)?|\d{4}-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}(:?\d{2})?)?)?)?|[A-Z][A-Z0-9_]*|true|false)$/;

/** A text value as a log may show it: its first character and its length (`张三` → `张*`). */
export function maskText(value: string): string {
  if (HAS_ID_NUMBER.test(value)) return maskIdNumbers(value);
  if (HARMLESS.test(value)) return value;
  const chars = [...value];
  const stars = '*'.repeat(Math.min(chars.length - 1, 3));
  return chars.length > 4 ? `${chars[0]}${stars}…(${chars.length} chars)` : `${chars[0] ?? ''}${stars}`;
}

/** Every string inside `value` (objects, arrays) that may be personal data, longest first. */
export function personalTextsIn(value: unknown, found = new Set<string>(), depth = 0): string[] {
  if (typeof value === 'string') {
    if (value.length > 1 && !HARMLESS.test(value)) found.add(value);
  } else if (value && typeof value === 'object' && depth < 8) {
    for (const inner of Object.values(value)) personalTextsIn(inner, found, depth + 1);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every known personal value (the request's variables, a failed query's parameters)
 * replaced by its mask wherever it appears (a message, a row in a database error's detail), and
 * every ID number masked.
 */
export function maskPersonalData(text: string, known: readonly string[] = []): string {
  let masked = text;
  for (const value of known) masked = masked.split(value).join(maskText(value));
  return maskIdNumbers(masked);
}
