import type { GraphQLOutputType } from 'graphql';
import type { Decision } from '@hub/schema';

export type { Decide, Decision } from '@hub/schema';

/** One field on the way from the root to a denied field. */
export interface DenialStep {
  /** The response key (alias or field name). */
  key: string;
  /** The field's declared type: its list and non-null wrappers decide where a null lands. */
  type: GraphQLOutputType;
  /** Object types the enclosing object must be for this step to apply (from a type condition). */
  onlyFor?: ReadonlySet<string>;
}

export interface Denial {
  coordinate: string;
  decision: Extract<Decision, { allowed: false }>;
  steps: DenialStep[];
}

/** The alias under which the filter asks for __typename where a type condition must be checked. */
export const TYPENAME_ALIAS = '__hubTypename';
/** The alias that keeps a selection set valid when every field in it was denied. */
export const PLACEHOLDER_ALIAS = '__hubPlaceholder';
