import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, organizationCodeCheckChar } from '@hub/schema';
import type { InstitutionKind } from './types.ts';
import type { Random } from './random.ts';

/** Position 2 of the credit code for institutions registered by the staffing authority (position 1 = '1'). */
const TYPE_DIGIT: Record<InstitutionKind, string> = {
  PARTY_ORGAN: '1',
  GOVERNMENT_ORGAN: '1',
  PUBLIC_INSTITUTION: '2',
  MASS_ORGANIZATION: '3',
};
const LETTERS = [...CREDIT_CODE_ALPHABET.slice(10)];

/** Issues unique, valid unified social credit codes (GB 32100-2015) with a valid embedded organisation code. */
export class CreditCodeFactory {
  readonly used = new Set<string>();

  constructor(private readonly rng: Random) {}

  issue(kind: InstitutionKind, divisionCode: string): string {
    for (;;) {
      const org8 = this.orgStem(kind);
      const first17 = `1${TYPE_DIGIT[kind]}${divisionCode}${org8}${organizationCodeCheckChar(org8)}`;
      const code = first17 + creditCodeCheckChar(first17);
      if (!this.used.has(code)) {
        this.used.add(code);
        return code;
      }
    }
  }

  /** Organs keep their old all-digit organisation codes; newer public institutions have 'MB'-style ones. */
  private orgStem(kind: InstitutionKind): string {
    const digits = (n: number) => Array.from({ length: n }, () => String(this.rng.int(0, 9))).join('');
    if (kind === 'PUBLIC_INSTITUTION' && this.rng.chance(0.6)) return `MB${digits(5)}${this.rng.pick(LETTERS.concat([...'0123456789']))}`;
    return (kind === 'MASS_ORGANIZATION' ? '5' : '0') + digits(7);
  }
}
