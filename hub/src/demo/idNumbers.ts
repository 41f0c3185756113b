import { idNumberCheckChar } from '@hub/schema';
import type { Gender } from './names.ts';
import type { Random } from './random.ts';

/** Issues unique, valid citizen ID numbers (GB 11643-1999). */
export class IdNumberFactory {
  readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  issue(regionCode: string, birthIso: string, gender: Gender): string {
    const stem = regionCode + birthIso.replaceAll('-', '');
    for (let attempt = 0; ; attempt++) {
      const pair = this.rng.int(0, 99);
      const parity = gender === 'MALE' ? 2 * this.rng.int(0, 4) + 1 : 2 * this.rng.int(0, 4);
      const first17 = stem + String(pair).padStart(2, '0') + parity;
      const id = first17 + idNumberCheckChar(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
      if (attempt > 500) throw new Error(`no free sequence code for ${stem}`);
    }
  }

  /**
   * A mistyped but valid variant of `id`: one digit of the sequence code changed (the gender digit
   * keeps its parity, so only the first two are touched), check character recomputed, unused anywhere.
   */
  mistype(id: string): string {
    for (let attempt = 0; attempt < 100; attempt++) {
      const pos = this.rng.chance(0.5) ? 14 : 15;
      const digit = String(this.rng.int(0, 9));
      if (digit === id[pos]) continue;
      const first17 = id.slice(0, pos) + digit + id.slice(pos + 1, 17);
      const variant = first17 + idNumberCheckChar(first17);
      if (!this.used.has(variant)) {
        this.used.add(variant);
        return variant;
      }
    }
    throw new Error(`no mistyped variant for ${id}`);
  }
}
