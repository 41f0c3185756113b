import { officeImportRoutes } from '@hub/schema';
import type { StaffingDb } from '../db/queries.ts';
import { importJobs } from '../db/schema.ts';
import { exportLedgerRoute } from './exportLedger.ts';
import { institutionsImporter } from './institutionsImporter.ts';
import { ledgerImporter } from './ledgerImporter.ts';

/** The Staffing Office's spreadsheet kinds (README, "Loading records from spreadsheets"). */
export const importers = [institutionsImporter, ledgerImporter];

/** The office's import endpoints and its ledger export (OfficeSubgraph.routes). */
export const importRoutes = (db: StaffingDb, now: () => Date) =>
  officeImportRoutes({ office: 'staffing', table: importJobs, importers, extraRoutes: [exportLedgerRoute(db)] }, db, now);
