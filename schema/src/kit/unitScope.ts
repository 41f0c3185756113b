import type { GraphQLError } from 'graphql';
import { ErrorCode, hubError } from './errors.ts';
import { officeName, WRITER_ROLES, type Viewer } from './roles.ts';

/**
 * The one unit a viewer is limited to: a UNIT_OPERATOR (用人单位填报员) reads and writes only its own
 * unit's rows. Every subgraph checks it itself, since `_entities` accepts any key.
 */
export function unitScope(viewer: Viewer | null): string | null {
  return viewer?.role === 'UNIT_OPERATOR' ? (viewer.unit ?? '') : null;
}

/** True when the viewer may see a row of this institution. */
export function inUnitScope(viewer: Viewer | null, creditCode: string | null | undefined): boolean {
  const scope = unitScope(viewer);
  return scope === null || scope === creditCode;
}

/** The refusal of another unit's row to a unit operator. */
export function forbiddenUnit(field: string): GraphQLError {
  return hubError(ErrorCode.FORBIDDEN, field, '用人单位填报员只能访问本单位的数据', 'a unit operator may only read and write its own unit’s rows', {
    reason: 'OTHER_UNIT',
  });
}

/**
 * Subgraph-side check of a write: only the owner office's writer roles (the gateway checks it too);
 * with `unitRows`, also the office's unit operators, whose rows the resolver then limits to their unit.
 */
export function requireWriter(viewer: Viewer | null, office: string, field: string, options: { unitRows?: boolean } = {}): Viewer {
  if (viewer && viewer.office === office && WRITER_ROLES.has(viewer.role)) return viewer;
  if (options.unitRows && viewer && viewer.office === office && viewer.role === 'UNIT_OPERATOR' && viewer.unit) return viewer;
  throw hubError(
    ErrorCode.FORBIDDEN,
    field,
    `只有${officeName(office)}的负责人、审核员或操作员可以写入`,
    `only ${office}'s leaders, reviewers and operators may write`,
    {
      reason: 'WRITE_NOT_OWNER',
    },
  );
}
