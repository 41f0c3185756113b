import { ErrorCode, officeName } from '@hub/schema';
import type { Viewer } from '@hub/schema';
import type { EntryRow, RequestRow } from '../db/queries.ts';
import { endOfBeijingDay } from '@hub/schema';
import { isOwnRequest, mayDecide } from './permissions.ts';
import { invalid, type Refusal } from './refusal.ts';

export interface DecideArgs {
  approve: boolean;
  reason: string;
  expiresOn?: string | null;
}

/**
 * Checks a decision on an access request (DESIGN §4): the provider office's leaders and reviewers
 * decide; nobody decides their own office's or their own request; only a pending request is decided;
 * a refusal gives reasons; an approval runs to the end (Beijing time) of `expiresOn`, by default the
 * last day of the requested period, never past it (a grant is no wider than what was asked) and not
 * already over.
 */
export function checkDecision(
  viewer: Viewer,
  request: RequestRow,
  entry: EntryRow,
  args: DecideArgs,
  today: string,
): { refusal: Refusal } | { reason: string; expiresAt: Date | null } {
  const refuse = (refusal: Refusal) => ({ refusal });
  if (isOwnRequest(viewer, request)) {
    return refuse({ code: ErrorCode.SELF_APPROVAL, zh: '不能审核本人或本部门提交的共享申请', en: 'nobody decides a request they or their own office made' });
  }
  if (!mayDecide(viewer, entry.providerOffice)) {
    return refuse({
      code: ErrorCode.FORBIDDEN,
      zh: `只有${officeName(entry.providerOffice)}的负责人或审核员可以审核该申请`,
      en: `only ${entry.providerOffice}'s leaders and reviewers decide this request`,
    });
  }
  if (request.status !== 'PENDING') return refuse(invalid('id', `申请已处理（${request.status}）`, `the request is no longer pending (${request.status})`));
  const reason = args.reason.trim();
  if (!args.approve) {
    if (!reason) return refuse(invalid('reason', '拒绝须说明理由', 'a refusal needs reasons'));
    return { reason, expiresAt: null };
  }
  const expiresOn = args.expiresOn ?? request.periodTo;
  if (expiresOn < today) {
    const zh = args.expiresOn ? '到期日不能早于今天' : '申请期限已过，请指定到期日';
    const en = args.expiresOn ? 'expiresOn must not be before today' : "the request's period is over; give expiresOn";
    return refuse(invalid('expiresOn', zh, en));
  }
  if (expiresOn > request.periodTo)
    return refuse(
      invalid('expiresOn', `到期日不能晚于申请期限止（${request.periodTo}）`, `expiresOn must not be after the requested period's end (${request.periodTo})`),
    );
  return { reason, expiresAt: endOfBeijingDay(expiresOn) };
}
