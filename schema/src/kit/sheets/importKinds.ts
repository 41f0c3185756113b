import { HUB_ROUTE_PREFIX } from '../subgraphRoutes.ts';

/**
 * What each office imports from spreadsheets (README, "Loading records from spreadsheets"): the kinds
 * by office, as the gateway's `/imports/<office>/<kind>` and `/templates/<office>/<kind>.xlsx` name them.
 * Each office's subgraph defines the same kinds in its src/import/ (a test holds them equal).
 */
export const IMPORT_KINDS = {
  staffing: ['institutions', 'ledger'],
  hr: ['roster'],
  finance: ['budget-units', 'payroll'],
  organization: ['cadres'],
} as const;

export type ImportOffice = keyof typeof IMPORT_KINDS;

export const isImportKind = (office: string, kind: string): office is ImportOffice =>
  Object.hasOwn(IMPORT_KINDS, office) && (IMPORT_KINDS[office as ImportOffice] as readonly string[]).includes(kind);

/** The subgraph endpoints behind the gateway's import, template, job and export URLs. */
export const IMPORT_ROUTES = {
  start: (kind: string) => `${HUB_ROUTE_PREFIX}imports/${kind}`,
  template: (kind: string) => `${HUB_ROUTE_PREFIX}imports/${kind}/template`,
  status: `${HUB_ROUTE_PREFIX}imports/jobs/status`,
  report: `${HUB_ROUTE_PREFIX}imports/jobs/report`,
  claimUnlogged: `${HUB_ROUTE_PREFIX}imports/jobs/claim-unlogged`,
  markLogged: `${HUB_ROUTE_PREFIX}imports/jobs/mark-logged`,
  exportLedger: `${HUB_ROUTE_PREFIX}exports/ledger`,
} as const;

/** The media type of an xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Defaults of the import limits (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). */
export const DEFAULT_IMPORT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000 } as const;

/** The largest body an office's import endpoint reads whatever the gateway allows (the setting is capped at it). */
export const IMPORT_BODY_CEILING = 512 * 1024 * 1024;
