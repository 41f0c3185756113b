import { requireIdNumber } from '@hub/schema';
import type { OrganizationContext } from '../context.ts';

interface PersonRef {
  idNumber: string;
}

export const Person = {
  __resolveReference: (ref: PersonRef): PersonRef => ({ idNumber: requireIdNumber(ref.idNumber).idNumber }),
  cadre: (p: PersonRef, _: unknown, ctx: OrganizationContext) => ctx.loaders.cadreByIdNumber.load(p.idNumber),
};
