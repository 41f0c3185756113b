import type { SheetColumn, SheetKind } from './types.ts';

/** A kind, its row type inferred from its columns (so `checkRow` and the importer see typed rows). */
export function defineSheet<C extends Record<string, SheetColumn>>(kind: SheetKind<C>): SheetKind<C> {
  return kind;
}
