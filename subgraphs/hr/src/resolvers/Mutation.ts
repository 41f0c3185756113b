import { beijingDay, ErrorCode, hubError, requireIdNumber, requireStaffBirthDate, requireWriter } from '@hub/schema';
import { insertPerson } from '../db/queries.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { recordHire } from './recordHire.ts';

function required(value: string, field: string, zh: string, en: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw hubError(ErrorCode.INVALID_ARGUMENT, field, `${zh}不能为空`, `${en} must not be empty`);
  return trimmed;
}

export const Mutation: MutationResolvers = {
  /**
   * Birth date and gender are not inputs: they are read off the validated ID number. A person joins
   * HR's records here, so beyond GB 11643 the birth date must be one a member of staff can have.
   */
  registerPerson: async (_, { input }, ctx) => {
    requireWriter(ctx.viewer, 'hr', 'registerPerson');
    const today = beijingDay();
    const { idNumber, birthDate } = requireIdNumber(input.idNumber, 'input.idNumber', today);
    requireStaffBirthDate(birthDate, 'input.idNumber', today);
    const row = {
      idNumber,
      name: required(input.name, 'input.name', '姓名', 'the name'),
      ethnicity: required(input.ethnicity, 'input.ethnicity', '民族', 'the ethnicity'),
      nativePlace: required(input.nativePlace, 'input.nativePlace', '籍贯', 'the native place'),
    };
    const [inserted] = await insertPerson(ctx.db, row);
    if (!inserted) throw hubError(ErrorCode.ALREADY_EXISTS, 'input.idNumber', '该公民身份号码已登记', 'a person with this ID number is already registered');
    ctx.audit.push({ entity: 'Person', key: idNumber, before: null, after: inserted });
    return { person: inserted };
  },

  recordHire,
};
