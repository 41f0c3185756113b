import { isListType, isNonNullType, type GraphQLError, type GraphQLOutputType } from 'graphql';
import { ErrorCode, hubError } from '@hub/schema';
import { PLACEHOLDER_ALIAS, TYPENAME_ALIAS, type Denial, type DenialStep } from './types.ts';

type Json = Record<string, unknown>;

/**
 * Puts null where each denied field would have been, bubbling up past non-null positions as GraphQL
 * does, and returns one FORBIDDEN error per denied field at its path ('@' stands for every item of a
 * list, as Apollo Router writes it). Then strips the helper aliases the filter added.
 */
export function applyDenials(data: Json | null | undefined, denials: readonly Denial[]): { data: Json | null | undefined; errors: GraphQLError[] } {
  let result = data;
  if (result) {
    for (const denial of denials) {
      if (visitObject(result, denial.steps, 0)) {
        result = null;
        break;
      }
    }
    if (result) stripHelpers(result);
  }
  const errors = denials.map((d) =>
    hubError(
      ErrorCode.FORBIDDEN,
      null,
      d.decision.messageZh,
      d.decision.messageEn,
      { coordinate: d.coordinate, reason: d.decision.reason, ...(d.decision.basis ? { basis: d.decision.basis } : {}) },
      { path: errorPath(d.steps) },
    ),
  );
  return { data: result, errors };
}

/** True when `obj` itself must become null (a non-null field under it was nulled). */
function visitObject(obj: Json, steps: readonly DenialStep[], i: number): boolean {
  const step = steps[i]!;
  if (step.onlyFor && !step.onlyFor.has(String(obj[TYPENAME_ALIAS] ?? obj.__typename))) return false;
  if (i === steps.length - 1) {
    if (isNonNullType(step.type)) return true;
    obj[step.key] = null;
    return false;
  }
  return visitPosition(obj, step.key, step.type, steps, i + 1);
}

/** Visits the value in holder[slot]; true when the null must bubble above this position. */
function visitPosition(holder: Json | unknown[], slot: string | number, type: GraphQLOutputType, steps: readonly DenialStep[], next: number): boolean {
  const value = (holder as Record<string | number, unknown>)[slot];
  if (value == null) return false;
  const inner = isNonNullType(type) ? type.ofType : type;
  let broken = false;
  if (isListType(inner)) {
    const list = value as unknown[];
    for (let k = 0; k < list.length && !broken; k++) broken = visitPosition(list, k, inner.ofType, steps, next);
  } else {
    broken = visitObject(value as Json, steps, next);
  }
  if (!broken) return false;
  if (isNonNullType(type)) return true;
  (holder as Record<string | number, unknown>)[slot] = null;
  return false;
}

function errorPath(steps: readonly DenialStep[]): (string | number)[] {
  const path: (string | number)[] = [];
  steps.forEach((step, i) => {
    path.push(step.key);
    if (i === steps.length - 1) return;
    let type: GraphQLOutputType = step.type;
    for (;;) {
      if (isNonNullType(type)) type = type.ofType;
      else if (isListType(type)) {
        path.push('@');
        type = type.ofType;
      } else break;
    }
  });
  return path;
}

function stripHelpers(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripHelpers(item);
  } else if (value && typeof value === 'object') {
    const obj = value as Json;
    delete obj[TYPENAME_ALIAS];
    delete obj[PLACEHOLDER_ALIAS];
    for (const key in obj) stripHelpers(obj[key]);
  }
}
