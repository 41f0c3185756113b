import type { Decide, Decision } from '@hub/schema';
import { policyCoordinate } from '@hub/schema/contracts';

/**
 * The policy decision: for each `@policy` name of the policy supergraph (`catalog:<entry>:<Type.field>`),
 * the catalog's own decision on its coordinate for this viewer now (`createDecide`: owner, share type,
 * live grants, open attribute, draft entries), the very rule the hub's gateway enforces. A name that is
 * not a catalog policy is refused (fail closed), as a router treats an undecided policy.
 */
export function decidePolicies(decide: Decide, policies: Iterable<string>): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  for (const policy of policies) {
    if (decisions.has(policy)) continue;
    const coordinate = policyCoordinate(policy);
    decisions.set(
      policy,
      coordinate
        ? decide(coordinate)
        : { allowed: false, reason: 'UNKNOWN_POLICY', messageZh: `${policy} 不是共享目录的策略`, messageEn: `${policy} is not a catalog policy` },
    );
  }
  return decisions;
}
