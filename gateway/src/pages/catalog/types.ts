import type { EntryStatus, RequestStatus, Sensitivity, ShareType, UpdateCycle } from '@hub/schema/contracts';

/**
 * The catalog as the pages show it: what the page's GraphQL query returns through the gateway, for
 * the viewer who asks (instants read back into Dates). A section the viewer may not read is null.
 */
export interface PageItem {
  coordinate: string;
  name: string;
  dataType: string;
  sensitivity: Sensitivity;
}

export interface PageEntry {
  code: string;
  classification: string;
  name: string;
  providerOffice: string;
  providerCode: string;
  summary: string;
  format: string;
  shareType: ShareType;
  shareConditions: string | null;
  shareMethod: string;
  open: boolean;
  updateCycle: UpdateCycle;
  publishedOn: string;
  relatedCodes: string[];
  basis: string | null;
  maintainer: string;
  status: EntryStatus;
  version: number;
  updatedAt: Date;
  items: PageItem[];
}

export interface PageRequest {
  id: string;
  entryCode: string;
  requesterOffice: string;
  requesterSub: string;
  purpose: string;
  caseNumber: string | null;
  coordinates: string[];
  periodFrom: string;
  periodTo: string;
  status: RequestStatus;
  submittedAt: Date;
  dueOn: string;
  overdue: boolean;
}

export interface PageGrant {
  id: string;
  granteeOffice: string;
  coordinates: string[];
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
}

export interface PageVersion {
  version: number;
  changedBy: string;
  changedAt: Date;
  changes: Record<string, { before: unknown; after: unknown }>;
}
