import { draft } from './draft.ts';
import type { FindingDraft, PersonRecord } from './types.ts';

/**
 * Organization's cadre posts against the roster (DESIGN §3.5): CADRE_NOT_ON_ROSTER when a cadre in a
 * leadership post is not on the Staffing Office's ledger; Organization made the appointment, so it acts.
 */
export function cadreFindings(p: PersonRecord): FindingDraft[] {
  if (!p.cadre?.leadership || p.ledger) return [];
  return [
    draft(
      'CADRE_NOT_ON_ROSTER',
      'MEDIUM',
      'organization',
      { idNumber: p.idNumber, creditCode: p.cadre.creditCode },
      ['担任领导职务的干部不在编办实名制台账上', "a cadre in a leadership post is not on the Staffing Office's roster"],
      [
        { office: 'organization', item: 'Cadre.leadership', value: 'true' },
        { office: 'staffing', item: 'Person.ledgerEntry', value: null },
        { office: 'hr', item: 'Employment.type', value: p.hr?.employment?.type ?? null },
      ],
    ),
  ];
}
