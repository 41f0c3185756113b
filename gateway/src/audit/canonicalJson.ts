import canonicalize from 'canonicalize';

/**
 * The JSON Canonicalization Scheme (RFC 8785) of a value, by `canonicalize`, the implementation of the
 * RFC's own authors: object keys sorted by UTF-16 code unit at every depth, no whitespace, numbers and
 * strings as ECMAScript writes them, so that equal values always give equal text and so equal hashes.
 *
 * Why not `JSON.stringify` with a key-sorting replacer: JavaScript enumerates integer-like keys
 * ("2", "10") before all others whatever the insertion order, so a rebuilt object does not keep a
 * sorted order. And jsonb hands objects back with its own key order, so the operation log cannot
 * hash the text it wrote, only a form that both sides rebuild the same way.
 *
 * Values follow `JSON.stringify`: `toJSON` is honoured (a Date becomes its ISO string), object
 * members that are undefined are left out, undefined array items become null. What JSON cannot
 * carry (a bigint, a function, NaN, Infinity, a string with a lone surrogate, a cycle) throws a TypeError: a hash
 * over a value the table will not store as given would not verify later.
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new TypeError(`canonicalJson: ${(error as Error).message}`, { cause: error });
  }
  if (text === undefined || (text.includes('undefined') && !isJson(text))) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

/**
 * canonicalize 4 writes a function-valued member as `"f":undefined` (JSON.stringify drops it), so
 * text with a bare `undefined` is checked: such a hash could never be verified against the stored row.
 */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
