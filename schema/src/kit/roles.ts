import { SUBGRAPHS } from '../contracts/subgraphs.ts';

/** The offices that present tokens: the four data owners (the coordination group's office is hosted by staffing). */
export const OFFICES = ['organization', 'staffing', 'hr', 'finance'] as const;
export type Office = (typeof OFFICES)[number];

/** 组织部, 编办, 人社局, 财政局: from the one list of subgraphs. */
export const OFFICE_NAMES = Object.fromEntries(OFFICES.map((o) => [o, SUBGRAPHS.find((s) => s.name === o)!.office])) as Record<Office, string>;

/** An office's Chinese name for messages (协调小组 for the coordination group's own entries). */
export function officeName(office: string): string {
  return (OFFICE_NAMES as Record<string, string>)[office] ?? (office === 'coordination' ? '协调小组' : office);
}

/** DESIGN §6 roles: 负责人, 操作员, 审核员, 保密员, 协调小组成员, 审计/纪检, 用人单位填报员. */
export const ROLES = ['LEADER', 'OPERATOR', 'REVIEWER', 'SECURITY_OFFICER', 'COORDINATOR', 'AUDITOR', 'UNIT_OPERATOR'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may write the owner office's data through its mutations. */
export const WRITER_ROLES: ReadonlySet<Role> = new Set(['LEADER', 'OPERATOR', 'REVIEWER']);
/** Roles that may approve or refuse access requests to their office's entries. */
export const DECIDER_ROLES: ReadonlySet<Role> = new Set(['LEADER', 'REVIEWER']);

/**
 * Who is asking: from a verified bearer token at the gateway, and as the gateway vouches for it to a
 * subgraph; null stands for an anonymous (public) caller.
 */
export interface Viewer {
  office: Office;
  role: Role;
  /** The person or app the token was issued to. */
  sub: string;
  /** For a UNIT_OPERATOR: the credit code of the one unit whose rows they read and write. */
  unit?: string | undefined;
}

/** Whether a value names one of the offices / roles above (tokens and credentials are checked with these). */
export const isOffice = (value: unknown): value is Office => (OFFICES as readonly unknown[]).includes(value);
export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
