import { isGrantLive, type IndexedSnapshot } from '../contracts/catalogSnapshot.ts';
import { officeName, WRITER_ROLES, type Viewer } from './roles.ts';

/** Whether a viewer may read (or, for Mutation fields, call) one schema coordinate, and why. */
export type Decision = { allowed: true; reason: string } | { allowed: false; reason: string; messageZh: string; messageEn: string; basis?: string | null };

export type Decide = (coordinate: string) => Decision;

const deny = (reason: string, messageZh: string, messageEn: string, basis?: string | null): Decision => ({
  allowed: false,
  reason,
  messageZh,
  messageEn,
  basis: basis ?? null,
});

/**
 * The catalog's rule for one viewer at one moment (DESIGN §4): the owner reads its own items; another
 * office reads unconditional items and conditional items it holds a live grant for; not-shared items
 * only their owner; a caller without a token reads only open items. Mutation fields are writes: only
 * the owner office's writer roles. A coordinate in no entry is refused (fail closed).
 */
export function createDecide(viewer: Viewer | null, snapshot: IndexedSnapshot, now: Date): Decide {
  const granted = new Map<string, number>();
  for (const g of snapshot.grants) {
    if (!viewer || g.granteeOffice !== viewer.office || !isGrantLive(g, now)) continue;
    for (const c of g.coordinates) granted.set(c, g.id);
  }
  return (coordinate) => {
    const entry = snapshot.byCoordinate.get(coordinate);
    if (!entry) return deny('NOT_IN_CATALOG', `${coordinate} 不在共享目录中`, `${coordinate} is in no catalog entry`);
    const owner = viewer !== null && viewer.office === entry.providerOffice;
    if (coordinate.startsWith('Mutation.')) {
      // The coordination group's API judges its own writes (coordinators edit, providers decide).
      if (entry.providerOffice === 'coordination' && viewer) return { allowed: true, reason: 'CATALOG_API' };
      if (owner && WRITER_ROLES.has(viewer.role)) return { allowed: true, reason: 'OWNER_WRITE' };
      // A unit operator writes its own unit's rows: the owner subgraph decides which rows those are.
      if (owner && viewer.role === 'UNIT_OPERATOR') return { allowed: true, reason: 'OWNER_UNIT_WRITE' };
      return deny(
        'WRITE_NOT_OWNER',
        `只有${officeName(entry.providerOffice)}的负责人、审核员或操作员可以写入 ${coordinate}`,
        `only ${entry.providerOffice}'s leaders, reviewers and operators may write ${coordinate}`,
      );
    }
    if (owner) return { allowed: true, reason: 'OWNER' };
    if (entry.status === 'DRAFT') return deny('DRAFT', `信息资源 ${entry.code} 尚为草稿`, `catalog entry ${entry.code} is still a draft`);
    if (!viewer) {
      if (entry.open && entry.shareType !== 'NOT_SHARED') return { allowed: true, reason: 'OPEN' };
      return deny('NOT_OPEN', `${coordinate} 不向社会开放，请携带令牌访问`, `${coordinate} is not open to the public; present a token`);
    }
    if (entry.shareType === 'UNCONDITIONAL') return { allowed: true, reason: 'UNCONDITIONAL' };
    if (entry.shareType === 'NOT_SHARED') {
      return deny('NOT_SHARED', `${coordinate}（${entry.name}）不予共享`, `${coordinate} (${entry.code}) is not shared`, entry.basis);
    }
    const grant = granted.get(coordinate);
    if (grant !== undefined) return { allowed: true, reason: `GRANT:${grant}` };
    return deny(
      'CONDITIONAL_NO_GRANT',
      `${coordinate}（${entry.name}）为有条件共享，须经${officeName(entry.providerOffice)}审核同意的共享申请`,
      `${coordinate} (${entry.code}) is shared on condition: it needs an access request approved by ${entry.providerOffice}`,
      entry.basis,
    );
  };
}
