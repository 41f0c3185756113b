export { generateCity, DEFAULT_SEED } from './generateCity.ts';
export { PLANTED_DESCRIPTIONS } from './planted.ts';
export { TODAY } from './dates.ts';
export type * from './types.ts';
