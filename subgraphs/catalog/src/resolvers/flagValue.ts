import { randomUUID } from 'node:crypto';
import { ErrorCode, isOffice, officeName, parseCreditCode, parseIdNumber, WRITER_ROLES } from '@hub/schema';
import type { CatalogContext } from '../context.ts';
import { insertFlag } from '../db/findingQueries.ts';
import { invalid } from '../domain/refusal.ts';
import { refuse, reportChanges, requireViewer } from '../domain/refuse.ts';
import type { MutationFlagValueArgs } from '../generated/resolvers.ts';

/**
 * `Mutation.flagValue` (校核纠错, DESIGN §4: a consumer flags a wrong value to its owner): another
 * office's leader, reviewer or operator files a FLAGGED_VALUE finding the owner must answer.
 */
export async function flagValue(_: unknown, args: MutationFlagValueArgs, ctx: CatalogContext) {
  const viewer = requireViewer(ctx);
  const input = args.input;
  const owner = input.ownerOffice.trim();
  if (!isOffice(owner))
    refuse(
      invalid(
        'input.ownerOffice',
        '数据所属部门应为 organization、staffing、hr、finance 之一',
        'the owner office must be organization, staffing, hr or finance',
      ),
    );
  if (!WRITER_ROLES.has(viewer.role) || viewer.office === owner) {
    refuse({
      code: ErrorCode.FORBIDDEN,
      zh: `校核纠错由使用部门的负责人、审核员或操作员提出，不能向本部门（${officeName(owner)}）提出`,
      en: "a consumer office's leaders, reviewers and operators flag a value to another office",
      extra: { reason: 'FLAG_NOT_CONSUMER' },
    });
  }
  const reason = input.reason.trim();
  const item = input.item.trim();
  if (!reason) refuse(invalid('input.reason', '须写明理由', 'give the reason'));
  if (!/^[A-Z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(item))
    refuse(invalid('input.item', '数据项应为字段坐标（如 LedgerEntry.name）', 'the item is a schema coordinate such as LedgerEntry.name'));
  const creditCode = input.creditCode ? parseCreditCode(input.creditCode) : null;
  if (typeof creditCode === 'string') refuse(invalid('input.creditCode', '统一社会信用代码无效', 'the credit code is not valid'));
  const idNumber = input.idNumber ? parseIdNumber(input.idNumber) : null;
  if (typeof idNumber === 'string') refuse(invalid('input.idNumber', '公民身份号码无效', 'the ID number is not valid'));
  if (!creditCode && !idNumber) refuse(invalid('input', '须指明涉及的机构或人员', 'name the institution or the person concerned'));
  const now = ctx.now();
  const created = await insertFlag(
    ctx.db,
    {
      key: `FLAGGED_VALUE|${randomUUID()}`,
      type: 'FLAGGED_VALUE',
      severity: 'MEDIUM',
      offices: [owner, viewer.office],
      mustAct: owner,
      creditCode: creditCode?.creditCode ?? null,
      idNumber: idNumber?.idNumber ?? null,
      description: `${officeName(viewer.office)}认为${officeName(owner)}的 ${item} 有误：${reason} / ${viewer.office} believes ${owner}'s ${item} is wrong: ${reason}`,
      values: [
        { office: owner, item, value: input.value ?? null },
        { office: viewer.office, item, value: input.proposedValue ?? null },
      ],
      status: 'OPEN',
      firstSeenAt: now,
      lastSeenAt: now,
    },
    { action: 'FLAG', office: viewer.office, role: viewer.role, sub: viewer.sub, at: now, note: reason },
  );
  reportChanges(ctx, [{ entity: 'Finding', key: created.id, action: 'FLAG_VALUE', before: null, after: created, purpose: reason }]);
  return { finding: created };
}
