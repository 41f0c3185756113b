import { count, inArray } from 'drizzle-orm';
import { anyOf, type AuditRecord, bulkUpsert, type ParsedRow, replaceUnitRows, type RowOf, type SheetImporter } from '@hub/schema';
import type { StaffingDb } from '../db/queries.ts';
import { syncVacantSince } from '../db/syncVacantSince.ts';
import { institutions, ledgerEntries, quotas, staffingCards } from '../db/schema.ts';
import { ledgerSheet } from './sheets.ts';

type Row = RowOf<typeof ledgerSheet.columns>;

/** Card numbers listed per unit in the log; beyond it only the count. */
const CARDS_SHOWN = 20;

/**
 * 实名制台账 import: the ledger of each unit the file names is replaced by the file's rows. Errors: a
 * unit the office has no record of, a card number held by another person. Warnings: a person who was
 * on another unit's ledger (moved here; that unit's cards are not revoked, so verification finds the
 * person twice), a unit name that differs from the office's, a unit over its quota in a category, a
 * card of the person recorded under another unit or category. A card number not yet issued is issued
 * (active, today) to the person.
 */
export const ledgerImporter: SheetImporter<typeof ledgerSheet.columns, StaffingDb> = {
  sheet: ledgerSheet,
  unitColumn: 'institutionCreditCode',
  begin(tx, { issue, today }) {
    const ledger = replaceUnitRows(tx, { table: ledgerEntries, key: ledgerEntries.idNumber, unit: ledgerEntries.institutionCreditCode, entity: 'Ledger' });
    const names = new Map<string, string | null>();
    const firstRow = new Map<string, number>();
    const issued = new Map<string, string[]>();
    const issuedCount = new Map<string, number>();
    const header = (key: keyof Row) => ledgerSheet.columns[key].header;
    /** Card numbers of the file so far, and the row each was first on (one person, one card). */
    const cardRows = new Map<string, number>();
    /** The batch's cards as the office held them when it was checked (the file's own are unique, so still so when it is written). */
    let heldCards = new Map<string, typeof staffingCards.$inferSelect>();
    const cardsOf = async (batch: readonly ParsedRow<Row>[]) => {
      const numbers = batch.flatMap(({ row }) => (row.staffingCardNumber ? [row.staffingCardNumber] : []));
      return numbers.length
        ? new Map((await tx.select().from(staffingCards).where(anyOf(staffingCards.number, numbers))).map((c) => [c.number, c]))
        : new Map();
    };
    return {
      async check(batch) {
        const codes = [...new Set(batch.map(({ row }) => row.institutionCreditCode))].filter((code) => !names.has(code));
        if (codes.length) {
          const known = await tx
            .select({ code: institutions.creditCode, name: institutions.name })
            .from(institutions)
            .where(inArray(institutions.creditCode, codes));
          for (const code of codes) names.set(code, known.find((k) => k.code === code)?.name ?? null);
        }
        const cards = await cardsOf(batch);
        heldCards = cards;
        for (const { row, rowNumber } of batch) {
          const firstWithCard = row.staffingCardNumber ? cardRows.get(row.staffingCardNumber) : undefined;
          if (firstWithCard !== undefined)
            issue({
              severity: 'ERROR',
              row: rowNumber,
              column: header('staffingCardNumber'),
              value: row.staffingCardNumber,
              message: `编制卡号与第${firstWithCard}行重复（一人一卡）`,
              messageEn: `the same staffing card number as row ${firstWithCard}`,
            });
          else if (row.staffingCardNumber) cardRows.set(row.staffingCardNumber, rowNumber);
          const name = names.get(row.institutionCreditCode);
          if (name === null)
            issue({
              severity: 'ERROR',
              row: rowNumber,
              column: header('institutionCreditCode'),
              value: row.institutionCreditCode,
              message: '单位不在编办机构名录中（请先导入机构编制）',
              messageEn: 'the unit is not among the office’s institutions (import the institutions first)',
            });
          else if (row.institutionName && row.institutionName !== name)
            issue({
              severity: 'WARNING',
              row: rowNumber,
              column: header('institutionName'),
              value: row.institutionName,
              message: `单位名称与编办记录（${name}）不同，以信用代码为准`,
              messageEn: `the unit name differs from the office’s (${name}); the credit code is what counts`,
            });
          const card = row.staffingCardNumber ? cards.get(row.staffingCardNumber) : undefined;
          if (card && card.idNumber !== row.idNumber)
            issue({
              severity: 'ERROR',
              row: rowNumber,
              column: header('staffingCardNumber'),
              value: row.staffingCardNumber,
              message: '编制卡号已发给另一人（一人一卡）',
              messageEn: 'this staffing card number belongs to another person',
            });
          else if (card && (card.institutionCreditCode !== row.institutionCreditCode || card.category !== row.quotaCategory))
            issue({
              severity: 'WARNING',
              row: rowNumber,
              column: header('staffingCardNumber'),
              value: row.staffingCardNumber,
              message: '编制卡记载的单位或编制类别与本行不同',
              messageEn: 'the staffing card records another unit or quota category',
            });
        }
      },
      async apply(batch) {
        await ledger.put(
          batch.map(({ row, rowNumber }) => {
            if (!firstRow.has(row.institutionCreditCode)) firstRow.set(row.institutionCreditCode, rowNumber);
            return {
              rowNumber,
              values: {
                idNumber: row.idNumber,
                institutionCreditCode: row.institutionCreditCode,
                quotaCategory: row.quotaCategory,
                name: row.name,
                ethnicity: row.ethnicity,
                nativePlace: row.nativePlace,
                politicalStatus: row.politicalStatus,
                post: row.post,
                workStartDate: row.workStartDate,
                unitJoinDate: row.unitJoinDate,
                staffingCardNumber: row.staffingCardNumber,
              },
            };
          }),
        );
        const fresh = batch.filter(({ row }) => row.staffingCardNumber && !heldCards.has(row.staffingCardNumber));
        if (fresh.length === 0) return;
        await bulkUpsert(
          tx,
          staffingCards,
          fresh.map(({ row }) => ({
            number: row.staffingCardNumber!,
            idNumber: row.idNumber,
            institutionCreditCode: row.institutionCreditCode,
            category: row.quotaCategory,
            issuedOn: today,
            status: 'ACTIVE' as const,
          })),
        );
        for (const { row } of fresh) {
          const unit = row.institutionCreditCode;
          issuedCount.set(unit, (issuedCount.get(unit) ?? 0) + 1);
          const shown = issued.get(unit) ?? [];
          if (shown.length < CARDS_SHOWN) issued.set(unit, [...shown, row.staffingCardNumber!]);
        }
      },
      async finish() {
        const { audit, moved, scope } = await ledger.finish();
        for (const m of moved)
          issue({
            severity: 'WARNING',
            row: m.rowNumber,
            column: header('idNumber'),
            value: m.key,
            message: `此人原在另一单位（${m.fromUnit}）的台账上，已改列本单位；原单位的编制卡未注销，请核查（一人多卡）`,
            messageEn: `this person was on another unit’s ledger (${m.fromUnit}) and now is on this one; that unit’s cards stay active`,
          });
        const units = [...scope];
        for (let i = 0; i < units.length; i += 1000) {
          const chunk = units.slice(i, i + 1000);
          const occupied = await tx
            .select({ unit: ledgerEntries.institutionCreditCode, category: ledgerEntries.quotaCategory, occupied: count() })
            .from(ledgerEntries)
            .where(inArray(ledgerEntries.institutionCreditCode, chunk))
            .groupBy(ledgerEntries.institutionCreditCode, ledgerEntries.quotaCategory);
          const approved = await tx.select().from(quotas).where(inArray(quotas.institutionCreditCode, chunk));
          for (const o of occupied) {
            const quota = approved.find((q) => q.institutionCreditCode === o.unit && q.category === o.category)?.approved ?? 0;
            if (o.occupied > quota)
              issue({
                severity: 'WARNING',
                row: firstRow.get(o.unit) ?? null,
                column: header('quotaCategory'),
                value: String(ledgerSheet.columns.quotaCategory.format(o.category)),
                message: `超编：${o.unit} 该类编制台账上${o.occupied}人，核定${quota}名`,
                messageEn: `over quota: ${o.unit} has ${o.occupied} persons on the ledger in this category, ${quota} approved`,
              });
          }
        }
        // The ledger changed under these units' quotas (and under those persons moved from): their vacancy days follow.
        const touched = audit.map((a) => a.key);
        const vacancies: AuditRecord[] = [];
        for (let i = 0; i < touched.length; i += 200) {
          const keys = await tx
            .select({ institutionCreditCode: quotas.institutionCreditCode, category: quotas.category })
            .from(quotas)
            .where(inArray(quotas.institutionCreditCode, touched.slice(i, i + 200)));
          for (const change of await syncVacantSince(tx, keys, today))
            vacancies.push({
              entity: 'Quota',
              key: `${change.after.institutionCreditCode}/${change.after.category}`,
              before: change.before,
              after: change.after,
            });
        }
        const cards: AuditRecord[] = [...issuedCount].map(([unit, n]) => ({
          entity: 'StaffingCard',
          key: unit,
          action: 'IMPORT_ISSUE',
          before: null,
          after: { issued: n, numbers: issued.get(unit) ?? [] },
        }));
        return [...audit, ...cards, ...vacancies];
      },
    };
  },
};
