import { html as honoHtml, raw } from 'hono/html';

/** Markup already escaped or written by us (Hono's escaped string): `html` inserts it as it is. */
export type SafeHtml = ReturnType<typeof raw>;

/** Marks trusted markup (the page's own stylesheet) as SafeHtml; never give it a value from a request or the database. */
export const trusted = (markup: string): SafeHtml => raw(markup);

/**
 * A template tag that escapes every interpolated value unless it is SafeHtml, so a page cannot forget
 * to escape one: Hono's `html` helper, which replaces the five characters that can end a text node or
 * a quoted attribute (`& < > " '`, HTML Living Standard §13.1.2.3, §13.2.5). Arrays are joined (a list
 * of rows), and `null`, `undefined` and booleans render as nothing (`${cond && html`…`}`).
 *
 * Hono's tag returns a promise only when a value is one; pages interpolate none, so one here is a bug.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const result = honoHtml(strings, ...values);
  if (result instanceof Promise) throw new TypeError('html: a page interpolated a promise');
  return result;
}
