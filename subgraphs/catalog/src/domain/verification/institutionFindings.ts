import { draft } from './draft.ts';
import type { FindingDraft, InstitutionFigures } from './types.ts';

/**
 * An institution's figures across offices (DESIGN §3.4, §3.5, §3.7):
 * - OVER_QUOTA: more persons on the ledger than approved in a category (the Staffing Office acts);
 * - FUNDING_FORM_MISMATCH: Finance's budgeted funding form differs from the approved one (Finance acts);
 * - HEADCOUNT_MISMATCH: the budgeted headcount differs from the approved total, or HR's in-quota
 *   employments from the ledger's occupied total (the office whose figure differs acts);
 * - LEADERSHIP_POSTS_OVER_FILLED: more cadres in leadership posts than approved (Organization acts).
 */
export function institutionFindings(f: InstitutionFigures): FindingDraft[] {
  const out: FindingDraft[] = [];
  const subject = { creditCode: f.creditCode };
  let approved = 0;
  let occupied = 0;
  for (const [category, q] of [...f.quotas].sort(([a], [b]) => (a < b ? -1 : 1))) {
    approved += q.approved;
    occupied += q.occupied;
    if (q.occupied > q.approved) {
      out.push(
        draft(
          'OVER_QUOTA',
          'HIGH',
          'staffing',
          { ...subject, extra: category },
          [
            `${category} 编制实有 ${q.occupied} 人，超过核定数 ${q.approved}（超编 ${q.occupied - q.approved} 人）`,
            `${category}: ${q.occupied} on the ledger, ${q.approved} approved (${q.occupied - q.approved} over quota)`,
          ],
          [
            { office: 'staffing', item: 'Quota.approved', value: String(q.approved) },
            { office: 'staffing', item: 'Quota.occupied', value: String(q.occupied) },
          ],
        ),
      );
    }
  }
  if (f.budget && f.budget.fundingForm !== f.fundingForm) {
    out.push(
      draft(
        'FUNDING_FORM_MISMATCH',
        'MEDIUM',
        'finance',
        subject,
        [
          `预算经费形式（${f.budget.fundingForm}）与编办核定（${f.fundingForm}）不一致`,
          `the budgeted funding form (${f.budget.fundingForm}) differs from the approved one (${f.fundingForm})`,
        ],
        [
          { office: 'staffing', item: 'Institution.fundingForm', value: f.fundingForm },
          { office: 'finance', item: 'BudgetUnit.fundingForm', value: f.budget.fundingForm },
        ],
      ),
    );
  }
  const budgeted = f.budget?.budgetedHeadcount ?? null;
  if ((f.budget && budgeted !== approved) || f.employedInQuota !== occupied) {
    out.push(
      draft(
        'HEADCOUNT_MISMATCH',
        'MEDIUM',
        f.budget && budgeted !== approved ? 'finance' : 'hr',
        subject,
        [
          `人数不一致：核定 ${approved}，预算 ${budgeted ?? '无'}，台账实有 ${occupied}，人社在编在职 ${f.employedInQuota}`,
          `headcounts differ: approved ${approved}, budgeted ${budgeted ?? 'none'}, on the ledger ${occupied}, employed in quota at HR ${f.employedInQuota}`,
        ],
        [
          { office: 'staffing', item: 'Quota.approved', value: String(approved) },
          { office: 'finance', item: 'BudgetUnit.budgetedHeadcount', value: budgeted === null ? null : String(budgeted) },
          { office: 'staffing', item: 'Quota.occupied', value: String(occupied) },
          { office: 'hr', item: 'Institution.employedInQuota', value: String(f.employedInQuota) },
        ],
      ),
    );
  }
  if (f.leadershipFilled > f.leadershipPostsApproved) {
    out.push(
      draft(
        'LEADERSHIP_POSTS_OVER_FILLED',
        'MEDIUM',
        'organization',
        subject,
        [
          `领导职数核定 ${f.leadershipPostsApproved}，实配 ${f.leadershipFilled}（超职数配备）`,
          `${f.leadershipFilled} leadership posts filled, ${f.leadershipPostsApproved} approved`,
        ],
        [
          { office: 'staffing', item: 'Institution.leadershipPostsApproved', value: String(f.leadershipPostsApproved) },
          { office: 'organization', item: 'Institution.leadershipPostsFilled', value: String(f.leadershipFilled) },
        ],
      ),
    );
  }
  return out;
}
