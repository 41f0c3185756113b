import { requireIdNumber } from '@hub/schema';
import type { StaffingContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: (ref: PersonRef): PersonRef => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  ledgerEntry: (p: PersonRef, _: unknown, ctx: StaffingContext) => ctx.loaders.ledgerEntryByIdNumber.load(p.idNumber),
  staffingCards: (p: PersonRef, _: unknown, ctx: StaffingContext) => ctx.loaders.staffingCardsByIdNumber.load(p.idNumber),
  removals: (p: PersonRef, _: unknown, ctx: StaffingContext) => ctx.loaders.removalsByIdNumber.load(p.idNumber),
};
