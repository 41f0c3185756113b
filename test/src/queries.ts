/** Operations several end-to-end tests send. */

/** The README's example, word for word: one institution, fields from four offices, three of its persons. */
export const README_ROSTER = /* GraphQL */ `
  query Roster($code: ID!) {
    institution(creditCode: $code) {
      name fundingForm
      quotas { category approved occupied vacant }
      leadershipPostsFilled
      budgetUnit { fundingForm budgetedHeadcount }
      workforce(first: 3) {
        totalCount
        nodes {
          type
          person {
            name gender birthDate
            ledgerEntry { staffingCardNumber }
            cadre { post }
            payroll { onPayroll lastPaidMonth }
          }
        }
      }
    }
  }
`;

/**
 * `n` aliases of one institution, each read from all four offices: one staffing fetch and one entity
 * fetch to each other office per alias (ten plan 31 fetches), for the query plan's fetch cap.
 */
export const institutionAcrossOffices = (n: number, creditCode: string) =>
  `{ ${Array.from(
    { length: n },
    (_, i) => `i${i}: institution(creditCode: "${creditCode}") { name budgetUnit { fundingForm } workforce(first: 1) { totalCount } leadershipPostsFilled }`,
  ).join(' ')} }`;
