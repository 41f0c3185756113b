import type { FindingType } from '../../generated/enums.ts';

/**
 * The identity of a problem across runs: its type and what it is about. The same key in the next run
 * is the same problem (PERSISTING); a key the next run does not produce is RESOLVED.
 */
export const findingKey = (type: FindingType, ...subject: (string | null | undefined)[]): string => [type, ...subject.map((s) => s ?? '')].join('|');
