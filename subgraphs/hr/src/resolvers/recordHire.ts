import { beijingDay, ErrorCode, hubError, requireIdNumber, requireStaffBirthDate, requireWriter } from '@hub/schema';
import type { HrContext } from '../context.ts';
import { recordHire as recordHireRow } from '../db/recordHire.ts';
import { hireRefusal, type HireRefusal } from '../domain/hireRefusal.ts';
import type { MutationRecordHireArgs } from '../generated/resolvers.ts';

const REFUSALS: Record<HireRefusal['code'], [string, string]> = {
  APPROVAL_NOT_FOUND: ['人社局未收到此进人用编审批表，不能办理在编聘用', 'HR knows no hiring approval with this number: no in-quota hire without one'],
  APPROVAL_WITHDRAWN: ['该进人用编审批已被编办收回', 'the Staffing Office withdrew this approval'],
  APPROVAL_USED: ['该审批表核准的人数已全部聘用', 'every person this approval admits has been hired'],
  APPROVAL_EXPIRED: ['该进人用编审批已过有效期', 'the approval is past its validity'],
  ALREADY_IN_QUOTA: ['此人已在编，不能再次据审批表聘用', 'this person is in quota already'],
  INVALID_ARGUMENT: ['', ''],
};

const INVALID: Record<string, [string, string]> = {
  NAME_DIFFERS: ['姓名与人社局登记的不一致', 'the name differs from the one HR has on record for this ID number'],
  WORK_AFTER_JOIN: ['参加工作时间不能晚于调入单位时间', 'work cannot start after joining the unit'],
  JOIN_BEFORE_APPROVAL: ['调入单位时间不能早于进人用编批准日期', 'joining cannot be before the approval'],
  JOIN_IN_FUTURE: ['调入单位时间不能晚于今天', 'joining cannot be after today'],
};

function required(value: string, field: string, zh: string, en: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw hubError(ErrorCode.INVALID_ARGUMENT, field, `${zh}不能为空`, `${en} must not be empty`);
  return trimmed;
}

/**
 * 据审批表聘用 (DESIGN §3.1, step three): HR's writers record a hire citing the approval form number.
 * HR refuses an in-quota hire without a valid, unused approval it was told of (its own copy, kept by
 * its inbox), and a person already in quota. The hire makes the employment IN_QUOTA and tells the
 * Staffing Office (hr.hireRecorded), which enters the ledger and issues the card.
 */
export async function recordHire(_: unknown, { input }: MutationRecordHireArgs, ctx: HrContext) {
  const viewer = requireWriter(ctx.viewer, 'hr', 'recordHire');
  const now = ctx.now();
  const today = beijingDay(now);
  const { idNumber, birthDate } = requireIdNumber(input.idNumber, 'input.idNumber', today);
  requireStaffBirthDate(birthDate, 'input.idNumber', today);
  const hire = {
    approvalFormNumber: input.approvalFormNumber.trim(),
    idNumber,
    name: required(input.name, 'input.name', '姓名', 'the name'),
    ethnicity: required(input.ethnicity, 'input.ethnicity', '民族', 'the ethnicity'),
    nativePlace: required(input.nativePlace, 'input.nativePlace', '籍贯', 'the native place'),
    politicalStatus: input.politicalStatus?.trim() || '群众',
    post: required(input.post, 'input.post', '职务', 'the post'),
    education: input.education ?? null,
    degree: input.degree ?? null,
    workStartDate: input.workStartDate,
    unitJoinDate: input.unitJoinDate,
  };
  const change = await recordHireRow(ctx.db, hire, { sub: viewer.sub, today, now }, (approval, person, employment) => {
    const refusal = hireRefusal({
      approval,
      personName: person?.name ?? null,
      employmentType: employment?.type ?? null,
      name: hire.name,
      workStartDate: hire.workStartDate,
      unitJoinDate: hire.unitJoinDate,
      today,
    });
    if (!refusal) return;
    const [zh, en] = refusal.reason ? INVALID[refusal.reason]! : REFUSALS[refusal.code];
    throw hubError(ErrorCode[refusal.code], refusal.field, zh, en, refusal.reason ? { reason: refusal.reason } : {});
  });
  ctx.audit.push(
    { entity: 'Hire', key: String(change.hire.id), action: 'RECORD_HIRE', before: null, after: change.hire, caseNumber: hire.approvalFormNumber },
    ...(change.personBefore ? [] : [{ entity: 'Person', key: idNumber, before: null, after: change.personAfter }]),
    { entity: 'Employment', key: idNumber, before: change.employmentBefore, after: change.employmentAfter },
    { entity: 'HiringApprovalCopy', key: hire.approvalFormNumber, before: change.approvalBefore, after: change.approvalAfter },
  );
  ctx.loaders.personByIdNumber.clear(idNumber);
  ctx.loaders.employmentByIdNumber.clear(idNumber);
  return { hire: change.hire };
}
