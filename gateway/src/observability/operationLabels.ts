/** How many operation names get a label of their own; later new names share `other`. */
export const MAX_OPERATION_LABELS = 200;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Six digits in a row may be part of an ID number or another personal number: such a name is neither a label nor logged as it is. */
const LONG_NUMBER = /\d{6,}[Xx]?/g;

/** The operation name as a log line shows it: a run of six or more digits (an ID number a caller put in it) masked. */
export function loggableOperationName(name: string | null | undefined): string | null {
  return name ? name.slice(0, 128).replace(LONG_NUMBER, '******') : null;
}

/**
 * The `operation` label of a request: its operation name while fewer than MAX_OPERATION_LABELS names
 * have been seen, `anonymous` without one, `other` past the bound or for a name longer than 64
 * characters or with a long number in it. The name is the caller's choice: unbounded, it would let any caller grow the metrics
 * without end (one time series per name).
 */
export function operationLabels(max = MAX_OPERATION_LABELS): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!NAME.test(name) || /\d{6}/.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
}
