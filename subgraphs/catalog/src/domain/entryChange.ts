import { CatalogError, validateCatalog, type CatalogEntryDefinition } from '@hub/schema/contracts';
import { EDITABLE_FIELDS, type EntryPatch, type EntryRow, type ItemRow } from '../db/queries.ts';

/** One thing wrong with a requested change, in both languages, with the input field it concerns. */
export interface Problem {
  field: string;
  zh: string;
  en: string;
}

/** What a client sent: any editable field, possibly null (GraphQL input fields are nullable). */
export type EntryChangeInput = { [K in (typeof EDITABLE_FIELDS)[number]]?: EntryRow[K] | null };

const TEXT_FIELDS = new Set(['name', 'classification', 'summary', 'format', 'shareMethod', 'maintainer']);
/** Fields that may be cleared: null or blank means "none". */
const CLEARABLE_FIELDS = new Set(['shareConditions', 'basis']);

/**
 * Reads a change to one entry and checks the entry as it would be after it, by the catalog's rules
 * (DESIGN §4, the same as `validateCatalog` applies to the default file): not-shared entries are never
 * open and need a basis; conditional ones need conditions and a basis and are not open (the public
 * cannot file a request); conditions belong to conditional entries only; related codes name other,
 * existing entries. Returns the patch to store and every problem at once.
 */
export function checkEntryChange(
  current: EntryRow & { items: ItemRow[] },
  input: EntryChangeInput,
  knownCodes: ReadonlySet<string>,
): { patch: EntryPatch; problems: Problem[] } {
  const problems: Problem[] = [];
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (!(field in input) || input[field] === undefined) continue;
    const value = input[field];
    if (CLEARABLE_FIELDS.has(field)) {
      patch[field] = typeof value === 'string' && value.trim() ? value.trim() : null;
    } else if (value === null || (TEXT_FIELDS.has(field) && typeof value === 'string' && !value.trim())) {
      problems.push({ field: `input.${field}`, zh: `${field} 不能为空`, en: `${field} must not be empty` });
    } else {
      patch[field] = typeof value === 'string' ? value.trim() : value;
    }
  }
  const next = { ...current, ...patch } as EntryRow & { items: ItemRow[] };
  problems.push(...shareProblems(next), ...relatedProblems(next, knownCodes));
  if (problems.length === 0) problems.push(...catalogRuleProblems(next));
  return { patch: patch as EntryPatch, problems };
}

function shareProblems(entry: EntryRow & { items: ItemRow[] }): Problem[] {
  const problems: Problem[] = [];
  const { shareType, open } = entry;
  if (open && shareType === 'NOT_SHARED') {
    problems.push({ field: 'input.open', zh: '不予共享的信息资源不能向社会开放', en: 'a NOT_SHARED entry can never be open' });
  } else if (open && shareType === 'CONDITIONAL') {
    problems.push({
      field: 'input.open',
      zh: '有条件共享的信息资源不能向社会开放（公众无法提交共享申请）',
      en: 'a CONDITIONAL entry cannot be open (the public cannot file an access request)',
    });
  }
  if (open && entry.items.some((i) => i.coordinate.startsWith('Mutation.'))) {
    problems.push({ field: 'input.open', zh: '含写入接口的信息资源不能向社会开放', en: 'an entry with writes (Mutation fields) cannot be open' });
  }
  if (shareType === 'CONDITIONAL' && !entry.shareConditions) {
    problems.push({ field: 'input.shareConditions', zh: '有条件共享须写明共享条件', en: 'a CONDITIONAL entry needs shareConditions' });
  }
  if (shareType !== 'CONDITIONAL' && entry.shareConditions) {
    problems.push({
      field: 'input.shareConditions',
      zh: '共享条件仅用于有条件共享，请传 null 清空',
      en: 'shareConditions are for CONDITIONAL entries only; pass null to clear them',
    });
  }
  if ((shareType === 'CONDITIONAL' || shareType === 'NOT_SHARED') && !entry.basis) {
    problems.push({ field: 'input.basis', zh: '有条件共享和不予共享须有法律或政策依据', en: `a ${shareType} entry needs a basis (legal or policy basis)` });
  }
  return problems;
}

function relatedProblems(entry: EntryRow, knownCodes: ReadonlySet<string>): Problem[] {
  return entry.relatedCodes.flatMap((code) => {
    if (code === entry.code) return [{ field: 'input.relatedCodes', zh: '关联资源不能是本资源', en: 'relatedCodes lists the entry itself' }];
    if (!knownCodes.has(code)) return [{ field: 'input.relatedCodes', zh: `关联资源 ${code} 不存在`, en: `relatedCodes names unknown entry ${code}` }];
    return [];
  });
}

/** The file's own rules for one entry (classification levels, codes …), as a net under the checks above. */
function catalogRuleProblems(entry: EntryRow & { items: ItemRow[] }): Problem[] {
  try {
    validateCatalog({ entries: [toDefinition(entry)] }, entry.code);
    return [];
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return error.problems.map((p) => ({ field: 'input', zh: `不符合目录规则：${p}`, en: `breaks a catalog rule: ${p}` }));
  }
}

/** The entry as the catalog file would write it; related codes are checked against the database instead. */
function toDefinition(entry: EntryRow & { items: ItemRow[] }): CatalogEntryDefinition {
  const { shareConditions, basis, items, version, createdAt, updatedAt, ...rest } = entry;
  return {
    ...rest,
    providerOffice: rest.providerOffice as CatalogEntryDefinition['providerOffice'],
    relatedCodes: [],
    ...(shareConditions ? { shareConditions } : {}),
    ...(basis ? { basis } : {}),
    items: items.map(({ coordinate, name, dataType, sensitivity }) => ({
      coordinate,
      name,
      dataType: dataType as CatalogEntryDefinition['items'][number]['dataType'],
      sensitivity,
    })),
  };
}
