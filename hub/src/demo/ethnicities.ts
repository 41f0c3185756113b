import { type Random, weightedPicker } from './random.ts';

/** Mostly 汉族; Henan has a sizeable 回族 community and a few others. */
const pickEthnicity = weightedPicker([
  ['汉族', 96.2],
  ['回族', 2.3],
  ['蒙古族', 0.3],
  ['满族', 0.6],
  ['壮族', 0.2],
  ['土家族', 0.4],
] as const);

export const randomEthnicity = (rng: Random): string => pickEthnicity(rng);
