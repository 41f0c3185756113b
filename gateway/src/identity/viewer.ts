import type { Office, Role } from './roles.ts';

/** Who is asking: from a verified bearer token, or null for an anonymous (public) caller. */
export interface Viewer {
  office: Office;
  role: Role;
  /** The person or app the token was issued to. */
  sub: string;
  /** For a UNIT_OPERATOR: the credit code of the one unit whose rows they read and write. */
  unit?: string | undefined;
}
