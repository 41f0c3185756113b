import { draft } from './draft.ts';
import type { FindingDraft, PersonRecord } from './types.ts';

/** One person, one card (DESIGN §3.2, §3.8): DUPLICATE_CARD when a person holds more than one active card. */
export function cardFindings(p: PersonRecord): FindingDraft[] {
  if (p.cards.length < 2) return [];
  return [
    draft(
      'DUPLICATE_CARD',
      'HIGH',
      'staffing',
      { idNumber: p.idNumber, creditCode: p.ledger?.creditCode ?? p.cards[0]!.creditCode },
      [`同一人持有 ${p.cards.length} 张有效编制卡（一人多卡）`, `one person holds ${p.cards.length} active staffing cards`],
      p.cards.map((c) => ({ office: 'staffing' as const, item: 'StaffingCard.number', value: `${c.number} @ ${c.creditCode}` })),
    ),
  ];
}
