import { Kind, parse } from 'graphql';

/**
 * An enumeration's Chinese labels, read from the office's own SDL: each value's description begins
 * with its Chinese name (`"""全额拨款 / fully funded by the budget""" FULL`), so the labels a
 * spreadsheet uses and the schema's documentation are one text. Returns label → value, in SDL order.
 */
export function enumLabels<T extends string = string>(sdl: string, enumName: string): ReadonlyMap<string, T> {
  const document = parse(sdl, { noLocation: true });
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== enumName) continue;
    const labels = new Map<string, T>();
    for (const value of definition.values ?? []) {
      const label = value.description?.value.split('/')[0]?.trim();
      if (!label) throw new Error(`enumLabels: ${enumName}.${value.name.value} has no Chinese description`);
      labels.set(label, value.name.value as T);
    }
    return labels;
  }
  throw new Error(`enumLabels: no enum ${enumName} in this SDL`);
}
