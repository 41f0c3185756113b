/**
 * A header as compared: spaces and line breaks removed, full-width brackets and colons made
 * half-width, a leading or trailing * (a template's required mark) dropped. 参加工作 时间 and
 * 职务(职称) then match 参加工作时间 and 职务（职称）.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/^\*+|\*+$/g, '');
}
