/** 领导职数实配数: cadres whose post counts against the unit's approved leadership posts. */
export function filledLeadershipPosts(cadres: readonly { leadership: boolean }[]): number {
  return cadres.filter((c) => c.leadership).length;
}
