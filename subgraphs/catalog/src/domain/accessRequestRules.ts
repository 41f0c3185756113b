import { ErrorCode } from '@hub/schema';
import type { Viewer } from '@hub/schema';
import type { EntryRow, ItemRow } from '../db/queries.ts';
import { addWorkingDays } from './workingDays.ts';
import { invalid, type Refusal } from './refusal.ts';

export interface RequestAccessInput {
  entryCode: string;
  purpose: string;
  caseNumber?: string | null;
  coordinates?: string[] | null;
  periodFrom: string;
  periodTo: string;
}

/** The row to store for an accepted request (ids and timestamps left to the database). */
export interface NewAccessRequest {
  entryCode: string;
  requesterOffice: string;
  requesterSub: string;
  purpose: string;
  caseNumber: string | null;
  coordinates: string[];
  periodFrom: string;
  periodTo: string;
  status: 'PENDING';
  submittedAt: Date;
  dueOn: string;
}

/** The provider answers within 10 working days (国发〔2016〕51号, DESIGN §4). */
export const ANSWER_WORKING_DAYS = 10;

/**
 * Checks an access request against the catalog (DESIGN §4) and builds the row, or says why not:
 * only an active CONDITIONAL entry of another office can be asked for (unconditional items need no
 * request; not-shared items none can have, and the basis says why); the items must be the entry's;
 * a purpose is required and the period must run forward and not be over already.
 */
export function checkAccessRequest(
  viewer: Viewer,
  entry: (EntryRow & { items: ItemRow[] }) | undefined,
  input: RequestAccessInput,
  today: string,
  submittedAt: Date,
  holidays?: ReadonlySet<string>,
): { refusal: Refusal } | { row: NewAccessRequest } {
  const refuse = (refusal: Refusal) => ({ refusal });
  if (!entry)
    return refuse({ code: ErrorCode.NOT_FOUND, zh: `信息资源 ${input.entryCode} 不存在`, en: `no catalog entry ${input.entryCode}`, field: 'input.entryCode' });
  if (entry.status !== 'ACTIVE')
    return refuse(
      invalid('input.entryCode', `信息资源 ${entry.code} 不是有效状态（${entry.status}）`, `catalog entry ${entry.code} is not ACTIVE (${entry.status})`),
    );
  if (entry.shareType === 'NOT_SHARED') {
    return refuse({
      code: ErrorCode.NOT_SHAREABLE,
      zh: `信息资源 ${entry.code}（${entry.name}）不予共享，不能申请`,
      en: `catalog entry ${entry.code} is not shared and cannot be requested`,
      extra: { basis: entry.basis },
    });
  }
  if (entry.shareType === 'UNCONDITIONAL')
    return refuse(
      invalid('input.entryCode', `信息资源 ${entry.code} 为无条件共享，无需申请`, `catalog entry ${entry.code} is unconditional: no request needed`),
    );
  if (entry.providerOffice === viewer.office)
    return refuse(invalid('input.entryCode', `信息资源 ${entry.code} 由本部门提供，无需申请`, `catalog entry ${entry.code} is your own office's`));

  const items = new Set(entry.items.map((i) => i.coordinate));
  const coordinates = input.coordinates == null ? [...items] : [...new Set(input.coordinates)];
  if (coordinates.length === 0) return refuse(invalid('input.coordinates', '至少申请一个信息项', 'ask for at least one item'));
  const foreign = coordinates.filter((c) => !items.has(c));
  if (foreign.length)
    return refuse(
      invalid(
        'input.coordinates',
        `不是信息资源 ${entry.code} 的信息项：${foreign.join('、')}`,
        `not items of catalog entry ${entry.code}: ${foreign.join(', ')}`,
      ),
    );

  const purpose = input.purpose.trim();
  if (!purpose) return refuse(invalid('input.purpose', '须写明用途', 'the purpose must not be empty'));
  if (input.periodFrom > input.periodTo) return refuse(invalid('input.periodTo', '使用期限止不能早于期限起', 'periodTo must not be before periodFrom'));
  if (input.periodTo < today) return refuse(invalid('input.periodTo', '使用期限已过', 'the period is already over'));

  return {
    row: {
      entryCode: entry.code,
      requesterOffice: viewer.office,
      requesterSub: viewer.sub,
      purpose,
      caseNumber: input.caseNumber?.trim() || null,
      coordinates: coordinates.sort(),
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      status: 'PENDING',
      submittedAt,
      dueOn: addWorkingDays(today, ANSWER_WORKING_DAYS, holidays),
    },
  };
}
