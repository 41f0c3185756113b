/**
 * JSON with object keys sorted (by UTF-16 code unit, as RFC 8785 does) at every depth, and no
 * whitespace, so that equal values always give equal text and so equal hashes.
 *
 * Why not `JSON.stringify` with a key-sorting replacer: JavaScript enumerates integer-like keys
 * ("2", "10") before all others whatever the insertion order, so a rebuilt object does not keep a
 * sorted order. And jsonb hands objects back with its own key order, so the operation log cannot
 * hash the text it wrote, only a form that both sides rebuild the same way.
 *
 * Values follow `JSON.stringify`: `toJSON` is honoured (a Date becomes its ISO string), object
 * members that are undefined are left out, undefined array items become null. What JSON cannot
 * carry (a bigint, a function, NaN, Infinity) throws: a hash over a value the table will not
 * store as given would not verify later.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
      return writeObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

function writeObject(object: Record<string, unknown>): string {
  const members: string[] = [];
  for (const key of Object.keys(object).sort()) {
    const text = write(object[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
