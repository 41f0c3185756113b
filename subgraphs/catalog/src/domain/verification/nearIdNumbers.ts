/**
 * Whether two ID numbers look like one number mistyped: the same length, and either one character
 * apart or two adjacent digits swapped (the two typing slips GB 11643's check character does not
 * always catch: a swap of two digits whose weights differ by a multiple of 11 is missed, and a slip
 * in two places may keep the check valid).
 */
export function nearIdNumbers(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      diff.push(i);
      if (diff.length > 2) return false;
    }
  }
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return j === i + 1 && a[i] === b[j] && a[j] === b[i];
}
