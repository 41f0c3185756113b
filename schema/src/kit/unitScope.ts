import { GraphQLError } from 'graphql';
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

export function forbiddenUnit(field: string): GraphQLError {
  const zh = '用人单位填报员只能访问本单位的数据';
  const en = 'a unit operator may only read and write its own unit’s rows';
  return new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'FORBIDDEN', field, reason: 'OTHER_UNIT', messageZh: zh, messageEn: en } });
}

/**
 * Subgraph-side check of a write: only the owner office's writer roles (the gateway checks it too);
 * with `unitRows`, also the office's unit operators, whose rows the resolver then limits to their unit.
 */
export function requireWriter(viewer: Viewer | null, office: string, field: string, options: { unitRows?: boolean } = {}): Viewer {
  if (viewer && viewer.office === office && WRITER_ROLES.has(viewer.role)) return viewer;
  if (options.unitRows && viewer && viewer.office === office && viewer.role === 'UNIT_OPERATOR' && viewer.unit) return viewer;
  const zh = `只有${officeName(office)}的负责人、审核员或操作员可以写入`;
  const en = `only ${office}'s leaders, reviewers and operators may write`;
  throw new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'FORBIDDEN', field, reason: 'WRITE_NOT_OWNER', messageZh: zh, messageEn: en } });
}
