import { CreditCodeFactory } from './creditCodes.ts';
import { institutionTemplates } from './institutionOrder.ts';
import type { Random } from './random.ts';
import { ROLE_PROFILES, type RoleProfile, type TitleTrack } from './roleProfiles.ts';
import type { InstitutionTemplate } from './templates.ts';
import type { InstitutionRow } from './types.ts';

/** An institution while the city is being built: its row plus what the generator needs to staff it. */
export interface InstitutionDraft {
  row: InstitutionRow;
  template: InstitutionTemplate;
  profile: RoleProfile;
  titles: TitleTrack;
  /** Planned in-quota and non-quota headcounts (set by planSizes). */
  inQuota: number;
  nonQuota: number;
}

const isOrganKind = (t: InstitutionTemplate) => t.kind !== 'PUBLIC_INSTITUTION';

/** When the demo institutions' records begin: the real-name ledger and its cards date from March 2013. */
const RECORDED_SINCE = new Date('2013-03-01T00:00:00+08:00');
export const isOrgan = (d: InstitutionDraft): boolean => isOrganKind(d.template);

function titleTrack(t: InstitutionTemplate, profile: RoleProfile): TitleTrack {
  if (t.role !== 'townService') return profile.titles;
  return t.system === 'AGRICULTURE' ? 'agronomist' : t.system === 'CULTURE_AND_TOURISM' ? 'librarian' : 'none';
}

/** Creates `count` institutions with unique credit codes; parents are resolved by name. */
export function buildInstitutions(rng: Random, count: number): InstitutionDraft[] {
  const codes = new CreditCodeFactory(rng);
  const byName = new Map<string, string>();
  return institutionTemplates(count).map((template) => {
    const profile = ROLE_PROFILES[template.role];
    const creditCode = codes.issue(template.kind, template.division);
    if (byName.has(template.name)) throw new Error(`duplicate institution name ${template.name}`);
    byName.set(template.name, creditCode);
    const parentCreditCode = template.parent ? byName.get(template.parent) : undefined;
    if (template.parent && !parentCreditCode) throw new Error(`parent ${template.parent} of ${template.name} not created yet`);
    const [lo, hi] = profile.leaders;
    const districtCut = template.level === 'DISTRICT' && !isOrganKind(template) ? 1 : 0;
    const row: InstitutionRow = {
      creditCode,
      name: template.name,
      kind: template.kind,
      level: template.level,
      system: template.system,
      fundingForm: template.funding ?? profile.funding,
      parentCreditCode: parentCreditCode ?? null,
      leadershipPostsApproved: Math.max(2, rng.int(lo, hi) - districtCut),
      createdAt: RECORDED_SINCE,
    };
    return { row, template, profile, titles: titleTrack(template, profile), inQuota: 0, nonQuota: 0 };
  });
}
