import assert from 'node:assert/strict';
import { and, asc, count, desc, eq, inArray, lte, or, sql, sum, type SQL } from 'drizzle-orm';
import { enqueueMessage, type OutboxRow } from '@hub/schema';
import type { AdminLevel, InstitutionSystem, QuotaCategory, QuotaMovementKind } from '../generated/enums.ts';
import type { InstitutionRow, LedgerEntryRow, QuotaRow, StaffingCardRow, StaffingDb } from './queries.ts';
import {
  institutions,
  ledgerEntries,
  outboxMessages,
  quotaCeilings,
  quotaMovements,
  quotas,
  staffingCardEvents,
  staffingCards,
  vacancyPool,
} from './schema.ts';
import { type QuotaKey, syncVacantSince } from './syncVacantSince.ts';

/**
 * The Staffing Office's named queries of dynamic management (动态管理): idle vacancies, the central
 * vacancy pool (空编集中管理), quota movements (收回、调配、划转 with 人随编走), the region's totals and
 * ceilings. Writes run in one transaction each, taking their rows FOR UPDATE before the caller's
 * `check` sees them, so a refusal writes nothing and two movements on one quota run one after another.
 */

export type QuotaMovementRow = typeof quotaMovements.$inferSelect;
export type VacancyPoolRow = typeof vacancyPool.$inferSelect;
export type QuotaCeilingRow = typeof quotaCeilings.$inferSelect;
export type StaffingCardEventRow = typeof staffingCardEvents.$inferSelect;

/** Persons on the ledger against this quota row (a correlated count). */
const occupiedOfQuota =
  sql<number>`(select count(*) from ${ledgerEntries} where ${ledgerEntries.institutionCreditCode} = ${quotas.institutionCreditCode} and ${ledgerEntries.quotaCategory} = ${quotas.category})`.mapWith(
    Number,
  );

export interface IdleVacancyFilter {
  /** vacantSince on or before this day. */
  cutoff: string;
  level?: AdminLevel | null;
  system?: InstitutionSystem | null;
  category?: QuotaCategory | null;
  /** Only this institution (a unit operator's scope). */
  creditCode?: string | null;
}

function idleWhere(f: IdleVacancyFilter): SQL | undefined {
  return and(
    lte(quotas.vacantSince, f.cutoff),
    sql`${quotas.approved} - ${quotas.reserved} - ${occupiedOfQuota} > 0`,
    f.level ? eq(institutions.level, f.level) : undefined,
    f.system ? eq(institutions.system, f.system) : undefined,
    f.category ? eq(quotas.category, f.category) : undefined,
    f.creditCode != null ? eq(quotas.institutionCreditCode, f.creditCode) : undefined,
  );
}

/** Quotas vacant since the cutoff or earlier and vacant still, longest idle first, with their institutions. */
export const idleVacancyRows = (db: StaffingDb, filter: IdleVacancyFilter, limit: number, offset: number) =>
  db
    .select({ quota: quotas, institution: institutions, occupied: occupiedOfQuota })
    .from(quotas)
    .innerJoin(institutions, eq(institutions.creditCode, quotas.institutionCreditCode))
    .where(idleWhere(filter))
    .orderBy(asc(quotas.vacantSince), asc(quotas.institutionCreditCode), asc(quotas.category))
    .limit(limit)
    .offset(offset);

export async function countIdleVacancies(db: StaffingDb, filter: IdleVacancyFilter): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(quotas)
    .innerJoin(institutions, eq(institutions.creditCode, quotas.institutionCreditCode))
    .where(idleWhere(filter));
  return row?.total ?? 0;
}

export const vacancyPoolRows = (db: StaffingDb) => db.select().from(vacancyPool).orderBy(asc(vacancyPool.category), asc(vacancyPool.level));

export const quotaCeilingRows = (db: StaffingDb) => db.select().from(quotaCeilings);

/** The institutions' approved quotas summed per category and level (the region's totals without the pool). */
export const approvedByCategoryAndLevel = (db: StaffingDb, only?: { level: AdminLevel; category: QuotaCategory }) =>
  db
    .select({ category: quotas.category, level: institutions.level, approved: sum(quotas.approved).mapWith(Number) })
    .from(quotas)
    .innerJoin(institutions, eq(institutions.creditCode, quotas.institutionCreditCode))
    .where(only ? and(eq(institutions.level, only.level), eq(quotas.category, only.category)) : undefined)
    .groupBy(quotas.category, institutions.level);

export interface QuotaMovementFilter {
  kind?: QuotaMovementKind | null;
  /** Movements from or to this institution. */
  creditCode?: string | null;
}

function movementWhere(f: QuotaMovementFilter): SQL | undefined {
  return and(
    f.kind ? eq(quotaMovements.kind, f.kind) : undefined,
    f.creditCode != null ? or(eq(quotaMovements.fromCreditCode, f.creditCode), eq(quotaMovements.toCreditCode, f.creditCode)) : undefined,
  );
}

export const quotaMovementRows = (db: StaffingDb, filter: QuotaMovementFilter, limit: number, offset: number) =>
  db
    .select()
    .from(quotaMovements)
    .where(movementWhere(filter))
    .orderBy(desc(quotaMovements.recordedAt), asc(quotaMovements.documentNumber))
    .limit(limit)
    .offset(offset);

export async function countQuotaMovements(db: StaffingDb, filter: QuotaMovementFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(quotaMovements).where(movementWhere(filter));
  return row?.total ?? 0;
}

export const cardEventsByCardNumbers = (db: StaffingDb, numbers: readonly string[]) =>
  db
    .select()
    .from(staffingCardEvents)
    .where(inArray(staffingCardEvents.cardNumber, [...numbers]))
    .orderBy(asc(staffingCardEvents.on), asc(staffingCardEvents.id));

/** A quota row with its ledger count, as a movement finds it (locked). */
export type LockedQuota = QuotaRow & { occupied: number };

/** What a movement found, locked, for the caller's check. */
export interface MovementState {
  /** Another movement already has this document number (nothing else is read then). */
  documentTaken: boolean;
  source: LockedQuota | null;
  target: LockedQuota | null;
  pool: VacancyPoolRow | null;
  /** When the movement changes level: the receiving level's total (institutions + pool) of the category, and its ceiling. */
  receivingLevel: LevelTotal | null;
  /** The ledger entries of the persons named (any unit; the check says whether they may move). */
  persons: LedgerEntryRow[];
}

export interface MovementChange {
  movement: QuotaMovementRow;
  quotas: { before: QuotaRow | null; after: QuotaRow }[];
  pool: { before: VacancyPoolRow; after: VacancyPoolRow } | null;
  ledger: { before: LedgerEntryRow; after: LedgerEntryRow }[];
  cards: { before: StaffingCardRow; after: StaffingCardRow }[];
  cardEvents: StaffingCardEventRow[];
  messages: OutboxRow[];
}

const keyOf = (q: QuotaKey) => `${q.institutionCreditCode}/${q.category}`;
const quotaWhere = (k: QuotaKey) => and(eq(quotas.institutionCreditCode, k.institutionCreditCode), eq(quotas.category, k.category));

/** A level's total of one category (institutions' approved + pool), its ceiling row locked. */
export interface LevelTotal {
  institutionsApproved: number;
  pool: number;
  total: number;
  ceiling: number | null;
}

async function levelTotal(tx: StaffingDb, level: AdminLevel, category: QuotaCategory): Promise<LevelTotal> {
  const [ceiling] = await tx
    .select()
    .from(quotaCeilings)
    .where(and(eq(quotaCeilings.level, level), eq(quotaCeilings.category, category)))
    .for('update');
  const [approved] = await approvedByCategoryAndLevel(tx, { level, category });
  const [pool] = await tx
    .select()
    .from(vacancyPool)
    .where(and(eq(vacancyPool.level, level), eq(vacancyPool.category, category)));
  const institutionsApproved = approved?.approved ?? 0;
  const inPool = pool?.available ?? 0;
  return { institutionsApproved, pool: inPool, total: institutionsApproved + inPool, ceiling: ceiling?.ceiling ?? null };
}

/**
 * Moves quota in one transaction (a reclaim into the pool, an allocation out of it, a transfer
 * between institutions), optionally with persons (人随编走): their ledger entries and active cards
 * of the source go to the target (a TRANSFERRED card event each, with the document number) and HR and
 * Finance are told through the outbox (`staffing.personsTransferred`, in this same transaction).
 *
 * Order: the document number is claimed first (a second movement with it finds it taken), then the
 * receiving level's ceiling row (level changes), the quota rows in key order and the pool row, all
 * FOR UPDATE, so concurrent movements on one quota or pool serialise and never deadlock on each
 * other. `check` then sees the locked figures and throws to refuse (nothing is written). The quota
 * only moves: the source loses `amount` and the target or pool gains it, so the region's total of the
 * category stays what it was. vacantSince is brought up to date by syncVacantSince.
 */
export async function moveQuota(
  db: StaffingDb,
  movement: typeof quotaMovements.$inferInsert,
  poolLevel: AdminLevel | null,
  check: (state: MovementState) => void,
  now: Date,
): Promise<MovementChange> {
  return db.transaction(async (tx) => {
    const { category, amount, fromCreditCode, toCreditCode } = movement;
    const idNumbers = movement.personIdNumbers ?? [];
    const [inserted] = await tx.insert(quotaMovements).values(movement).onConflictDoNothing().returning();
    if (!inserted) {
      check({ documentTaken: true, source: null, target: null, pool: null, receivingLevel: null, persons: [] });
      assert.fail('moveQuota: the check let a taken document number pass');
    }
    const receivingLevel = movement.fromLevel !== movement.toLevel ? await levelTotal(tx, movement.toLevel, category) : null;
    const sourceKey = fromCreditCode ? { institutionCreditCode: fromCreditCode, category } : null;
    const targetKey = toCreditCode ? { institutionCreditCode: toCreditCode, category } : null;
    const keys = [sourceKey, targetKey].filter((k): k is QuotaKey => k !== null).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    const locked = keys.length
      ? await tx
          .select()
          .from(quotas)
          .where(or(...keys.map(quotaWhere)))
          .orderBy(asc(quotas.institutionCreditCode), asc(quotas.category))
          .for('update')
      : [];
    const counted = keys.length
      ? await tx
          .select({ institutionCreditCode: ledgerEntries.institutionCreditCode, occupied: count() })
          .from(ledgerEntries)
          .where(
            and(
              inArray(
                ledgerEntries.institutionCreditCode,
                keys.map((k) => k.institutionCreditCode),
              ),
              eq(ledgerEntries.quotaCategory, category),
            ),
          )
          .groupBy(ledgerEntries.institutionCreditCode)
      : [];
    const withOccupied = (key: QuotaKey | null): LockedQuota | null => {
      const row = key && locked.find((r) => keyOf(r) === keyOf(key));
      if (!row) return null;
      return { ...row, occupied: Number(counted.find((c) => c.institutionCreditCode === row.institutionCreditCode)?.occupied ?? 0) };
    };
    let pool: VacancyPoolRow | null = null;
    if (poolLevel) {
      await tx.insert(vacancyPool).values({ category, level: poolLevel, available: 0 }).onConflictDoNothing();
      const [row] = await tx
        .select()
        .from(vacancyPool)
        .where(and(eq(vacancyPool.category, category), eq(vacancyPool.level, poolLevel)))
        .for('update');
      pool = row ?? null;
    }
    const persons = idNumbers.length ? await tx.select().from(ledgerEntries).where(inArray(ledgerEntries.idNumber, idNumbers)).for('update') : [];
    const source = withOccupied(sourceKey);
    const target = withOccupied(targetKey);
    check({ documentTaken: false, source, target, pool, receivingLevel, persons });

    const quotaChanges: MovementChange['quotas'] = [];
    if (sourceKey) {
      await tx
        .update(quotas)
        .set({ approved: sql`${quotas.approved} - ${amount}` })
        .where(quotaWhere(sourceKey));
    }
    if (targetKey) {
      await tx
        .insert(quotas)
        .values({ ...targetKey, approved: amount, reserved: 0 })
        .onConflictDoUpdate({ target: [quotas.institutionCreditCode, quotas.category], set: { approved: sql`${quotas.approved} + ${amount}` } });
    }
    let poolChange: MovementChange['pool'] = null;
    if (pool) {
      const delta = movement.kind === 'RECLAIM' ? amount : -amount;
      const [after] = await tx
        .update(vacancyPool)
        .set({ available: sql`${vacancyPool.available} + ${delta}` })
        .where(and(eq(vacancyPool.category, category), eq(vacancyPool.level, pool.level)))
        .returning();
      poolChange = { before: pool, after: after! };
    }
    const ledger: MovementChange['ledger'] = [];
    const cards: MovementChange['cards'] = [];
    let cardEvents: StaffingCardEventRow[] = [];
    let messages: OutboxRow[] = [];
    if (idNumbers.length && fromCreditCode && toCreditCode) {
      const moved = await tx
        .update(ledgerEntries)
        .set({ institutionCreditCode: toCreditCode, unitJoinDate: movement.effectiveOn })
        .where(inArray(ledgerEntries.idNumber, idNumbers))
        .returning();
      for (const after of moved) ledger.push({ before: persons.find((p) => p.idNumber === after.idNumber)!, after });
      const sourceCards = and(
        inArray(staffingCards.idNumber, idNumbers),
        eq(staffingCards.institutionCreditCode, fromCreditCode),
        eq(staffingCards.status, 'ACTIVE'),
      );
      const cardsBefore = await tx.select().from(staffingCards).where(sourceCards).for('update');
      const cardsAfter = cardsBefore.length
        ? await tx
            .update(staffingCards)
            .set({ institutionCreditCode: toCreditCode })
            .where(
              inArray(
                staffingCards.number,
                cardsBefore.map((c) => c.number),
              ),
            )
            .returning()
        : [];
      for (const after of cardsAfter) cards.push({ before: cardsBefore.find((c) => c.number === after.number)!, after });
      cardEvents = cardsAfter.length
        ? await tx
            .insert(staffingCardEvents)
            .values(
              cardsAfter.map((c) => ({
                cardNumber: c.number,
                kind: 'TRANSFERRED' as const,
                on: movement.effectiveOn,
                documentNumber: movement.documentNumber,
                fromCreditCode,
                toCreditCode,
              })),
            )
            .returning()
        : [];
      messages = await enqueueMessage(
        tx,
        outboxMessages,
        'staffing.personsTransferred',
        {
          documentNumber: movement.documentNumber,
          fromInstitutionCreditCode: fromCreditCode,
          toInstitutionCreditCode: toCreditCode,
          category,
          effectiveOn: movement.effectiveOn,
          idNumbers: [...idNumbers],
        },
        now,
      );
    }
    await syncVacantSince(tx, keys, movement.effectiveOn);
    const finalRows = keys.length
      ? await tx
          .select()
          .from(quotas)
          .where(or(...keys.map(quotaWhere)))
      : [];
    for (const after of finalRows) quotaChanges.push({ before: locked.find((r) => keyOf(r) === keyOf(after)) ?? null, after });
    return { movement: inserted, quotas: quotaChanges, pool: poolChange, ledger, cards, cardEvents, messages };
  });
}

/**
 * Records the ceiling the higher level approved for a level and category (上级核定编制总额). `check`
 * sees the level's present total (institutions + pool) and the ceiling it replaces, and may refuse.
 */
export async function setQuotaCeiling(
  db: StaffingDb,
  row: typeof quotaCeilings.$inferInsert,
  check: (total: number) => void,
): Promise<{ before: QuotaCeilingRow | null; after: QuotaCeilingRow; total: LevelTotal }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(quotaCeilings)
      .where(and(eq(quotaCeilings.level, row.level), eq(quotaCeilings.category, row.category)))
      .for('update');
    const total = await levelTotal(tx, row.level, row.category);
    check(total.total);
    const [after] = await tx
      .insert(quotaCeilings)
      .values(row)
      .onConflictDoUpdate({
        target: [quotaCeilings.level, quotaCeilings.category],
        set: { ceiling: row.ceiling, documentNumber: row.documentNumber, setOn: row.setOn },
      })
      .returning();
    return { before: before ?? null, after: after!, total };
  });
}

/** 核定领导职数: sets an institution's approved leadership posts; null when there is no such institution. */
export async function setLeadershipPostsApproved(
  db: StaffingDb,
  creditCode: string,
  approved: number,
): Promise<{ before: InstitutionRow; after: InstitutionRow } | null> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(institutions).where(eq(institutions.creditCode, creditCode)).for('update');
    if (!before) return null;
    const [after] = await tx.update(institutions).set({ leadershipPostsApproved: approved }).where(eq(institutions.creditCode, creditCode)).returning();
    return { before, after: after! };
  });
}
