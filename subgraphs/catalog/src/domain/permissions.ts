import { DECIDER_ROLES } from '@hub/schema';
import type { Viewer } from '@hub/schema';

/**
 * Who may do what in the coordination group's API (DESIGN §4). Each rule takes the viewer and the
 * offices involved and answers yes or no; the resolvers log and refuse on a no.
 */

/** The coordination group keeps the catalog; it changes entries, each change a new version. */
export const mayEditCatalog = (viewer: Viewer) => viewer.role === 'COORDINATOR';

/** A unit operator files its unit's rows and asks for nothing; every other signed-in role may ask. */
export const mayRequestAccess = (viewer: Viewer) => viewer.role !== 'UNIT_OPERATOR';

/** The provider office's leaders and reviewers answer requests for its entries. */
export const mayDecide = (viewer: Viewer, providerOffice: string) => viewer.office === providerOffice && DECIDER_ROLES.has(viewer.role);

/** Nobody approves their own request: neither the requesting person nor anyone of the requesting office. */
export const isOwnRequest = (viewer: Viewer, request: { requesterOffice: string; requesterSub: string }) =>
  viewer.sub === request.requesterSub || viewer.office === request.requesterOffice;

/** Whoever may decide may take back, and the coordination group may (a grant misused, an entry reclassified). */
export const mayRevoke = (viewer: Viewer, providerOffice: string) => mayDecide(viewer, providerOffice) || viewer.role === 'COORDINATOR';

/** Coordinators and auditors oversee every request and grant. */
export const seesAllRequests = (viewer: Viewer) => viewer.role === 'COORDINATOR' || viewer.role === 'AUDITOR';

/**
 * A unit operator reads only its own unit's rows (§4), and requests and grants are an office's
 * business, not a unit's: it sees none (a tightening of "others see their office's").
 */
export const mayListRequests = (viewer: Viewer) => viewer.role !== 'UNIT_OPERATOR';

/** A request or grant is visible to overseers and to the two offices it concerns. */
export const maySeeExchange = (viewer: Viewer | null, providerOffice: string | undefined, consumerOffice: string) =>
  viewer !== null && mayListRequests(viewer) && (seesAllRequests(viewer) || viewer.office === providerOffice || viewer.office === consumerOffice);
