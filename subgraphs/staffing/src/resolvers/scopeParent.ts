import { forbiddenUnit, unitScope, type Viewer } from '@hub/schema';
import { type ScopeConditions, scopeId } from '../domain/scopeId.ts';
import type { StaffScopeParent } from './mappers.ts';

/** A scope as the resolvers receive it; a unit operator may only take its own unit as the scope. */
export function scopeParent(conditions: ScopeConditions, viewer: Viewer | null): StaffScopeParent {
  const unit = unitScope(viewer);
  if (unit !== null && conditions.creditCode !== unit) throw forbiddenUnit('scope');
  return { id: scopeId(conditions), conditions };
}
