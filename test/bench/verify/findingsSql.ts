import type postgres from 'postgres';

/** What the run's checks compare against (the hub's clock, read the way the checks read it). */
export interface SqlClock {
  /** The run's instant (STOP_PAY_NOT_APPLIED: a notice issued more than 31 days before it). */
  now: Date;
  /** Beijing day of `now` (INVALID_ID_NUMBER: a birth date after it). */
  today: string;
  /** Beijing month of `now` (STALE_DATA counts back from it). */
  month: string;
  /** The month before (UNREPORTED_REMOVALS: the last ended month). */
  reportMonth: string;
  /** The end of `reportMonth` in Beijing: a unit registered after it owed no report. */
  reportMonthEnd: Date;
  /** `today` less HIRING_APPROVAL_MONTHS (UNUSED_APPROVAL: approved on or before it). */
  unusedApprovedOnOrBefore: string;
}

/** One finding as the SQL side finds it: the same four parts a finding's key is made of (findingKey.ts). */
export interface SqlFinding {
  type: string;
  id_number: string | null;
  credit_code: string | null;
  extra: string | null;
}

/** Every ID number any office holds: the numbers the run's merge of the offices' sorted reads visits. */
const IDS = `
  ids as materialized (
    select id_number, upper(trim(id_number)) as v from (
    select id_number from staffing.ledger_entries
    union select id_number from staffing.staffing_cards where status = 'ACTIVE'
    union select id_number from staffing.removals
    union select id_number from staffing.stop_pay_notices
    union select id_number from hr.persons
    union select id_number from organization.cadres
    union select id_number from finance.payroll_records
    union select id_number from finance.stop_pay_notices
    ) held
  )`;

/** The removal a person's findings cite: the latest effective one. */
const LAST_REMOVAL = `
  last_removal as (
    select distinct on (id_number) id_number, institution_credit_code, effective_on
    from staffing.removals order by id_number, effective_on desc, id desc
  )`;

/** Stop-pay notices issued over 31 days before the run that Finance has not applied (payrollFindings.ts). */
const UNAPPLIED = `
  unapplied as (
    select n.id_number, n.number, n.institution_credit_code
    from staffing.stop_pay_notices n
    where n.issued_at < {now}::timestamptz - interval '744 hours'
      and not exists (select 1 from finance.stop_pay_notices a where a.id_number = n.id_number and a.notice_number = n.number)
  )`;

/** GB 11643-1999's weights of the first 17 characters. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11643-1999 in SQL (parseIdNumber): 17 digits and a check character, a real birth date not after
 * today, the MOD 11-2 check character. `v` is the number trimmed and upper-cased.
 */
const VALID_ID = (v: string) => `(case when ${v} !~ '^[0-9]{17}[0-9X]$' then false else
  substr(${v}, 11, 2)::int between 1 and 12
  and substr(${v}, 13, 2)::int between 1 and
    case when substr(${v}, 11, 2)::int = 2 then
      case when (substr(${v}, 7, 4)::int % 4 = 0 and substr(${v}, 7, 4)::int % 100 <> 0) or substr(${v}, 7, 4)::int % 400 = 0 then 29 else 28 end
    when substr(${v}, 11, 2)::int in (4, 6, 9, 11) then 30 else 31 end
  and (substr(${v}, 7, 4) || '-' || substr(${v}, 11, 2) || '-' || substr(${v}, 13, 2)) <= {today}::text
  and substr('10X98765432', (${WEIGHTS.map((w, k) => `substr(${v}, ${k + 1}, 1)::int * ${w}`).join(' + ')}) % 11 + 1, 1) = substr(${v}, 18, 1)
end)`;

/** Two ID numbers one character apart or with two adjacent characters swapped (nearIdNumbers.ts). */
const NEAR = (a: string, b: string) => `(
  length(${a}) = length(${b}) and ${a} <> ${b} and (
    select count(*) = 1 or (count(*) = 2 and max(i) = min(i) + 1
      and substr(${a}, min(i), 1) = substr(${b}, max(i), 1) and substr(${a}, max(i), 1) = substr(${b}, min(i), 1))
    from generate_series(1, length(${a})) i where substr(${a}, i, 1) <> substr(${b}, i, 1)
  )
)`;

const noSpace = (x: string) => `regexp_replace(${x}, '\\s+', '', 'g')`;

const onLedger = (id: string) => `exists (select 1 from staffing.ledger_entries l where l.id_number = ${id})`;

/** Paid, on no ledger, no unapplied month-old notice (PAID_NOT_ON_ROSTER before near-duplicates take their pairs). */
const PAID_NOT_ON_ROSTER_ALL = `
  paid_all as (
    select p.id_number, p.institution_credit_code as credit_code, p.name_on_record as name,
      exists (select 1 from staffing.removals r where r.id_number = p.id_number) as removed
    from finance.payroll_records p
    where p.on_payroll and not ${onLedger('p.id_number')} and not exists (select 1 from unapplied u where u.id_number = p.id_number)
  )`;

/** On a ledger, not on the payroll (ON_ROSTER_NOT_PAID before near-duplicates take their pairs). */
const UNPAID_ALL = `
  unpaid_all as (
    select l.id_number, l.institution_credit_code as credit_code, l.name from staffing.ledger_entries l
    where not exists (select 1 from finance.payroll_records p where p.id_number = l.id_number and p.on_payroll)
  )`;

/**
 * The near-duplicate pairs (nearDuplicates.ts), the same greedy walk: each stray payroll record (paid,
 * never removed) in ID-number order takes the first roster entry nobody pays, not yet taken, in the same
 * institution, one slip apart or under the same name and birth date.
 */
const PAIRS = `
  strays as (select row_number() over (order by id_number collate "C") as rn, * from paid_all where not removed),
  walk(rn, taken, unpaid_id, stray_id, credit_code) as (
    select 0::bigint, array[]::text[], null::text, null::text, null::text
    union all
    select s.rn, case when m.id_number is null then w.taken else w.taken || m.id_number end, m.id_number, s.id_number, m.credit_code
    from walk w join strays s on s.rn = w.rn + 1
    left join lateral (
      select u.id_number, u.credit_code from unpaid_all u
      where u.credit_code = s.credit_code and not (u.id_number = any (w.taken))
        and (${NEAR('u.id_number', 's.id_number')} or (u.name = s.name and substr(u.id_number, 7, 8) = substr(s.id_number, 7, 8)))
      order by u.id_number collate "C" limit 1
    ) m on true
  ),
  pairs as (select unpaid_id, stray_id, credit_code from walk where unpaid_id is not null)`;

const withs = (...parts: string[]) => `with recursive ${parts.join(',')}`;

/**
 * One statement per finding type, over the four offices' schemas of one database (and the catalog's,
 * for the payroll's update cycle), each answering rows of (type, id_number, credit_code, extra): the
 * same rules as the TypeScript checks in subgraphs/catalog/src/domain/verification/. `{name}` stands
 * for the clock's value of that name (SqlClock), sent as a parameter.
 */
export const FINDING_STATEMENTS: Record<string, string> = {
  INVALID_ID_NUMBER: `${withs(IDS)}
    select 'INVALID_ID_NUMBER' as type, ids.id_number,
      coalesce(
        (select institution_credit_code from staffing.ledger_entries where id_number = ids.id_number),
        (select institution_credit_code from hr.employments where id_number = ids.id_number
          and exists (select 1 from hr.persons where id_number = ids.id_number)),
        (select institution_credit_code from finance.payroll_records where id_number = ids.id_number),
        (select institution_credit_code from organization.cadres where id_number = ids.id_number)
      ) as credit_code, null as extra
    from ids where not ${VALID_ID('ids.v')}`,
  IDENTITY_MISMATCH: `
    select 'IDENTITY_MISMATCH' as type, h.id_number, coalesce(l.institution_credit_code, e.institution_credit_code) as credit_code, null as extra
    from hr.persons h
    left join staffing.ledger_entries l on l.id_number = h.id_number
    left join organization.cadres c on c.id_number = h.id_number
    left join finance.payroll_records p on p.id_number = h.id_number
    left join hr.employments e on e.id_number = h.id_number
    cross join lateral (select upper(trim(h.id_number)) as v) n
    where (l.name <> h.name or c.name <> h.name or p.name_on_record <> h.name)
      and (${noSpace('l.name')} <> ${noSpace('h.name')} or ${noSpace('c.name')} <> ${noSpace('h.name')} or ${noSpace('p.name_on_record')} <> ${noSpace('h.name')})
      and ${VALID_ID('n.v')}`,
  STOP_PAY_NOT_APPLIED: `with ${UNAPPLIED}
    select 'STOP_PAY_NOT_APPLIED' as type, id_number, institution_credit_code as credit_code, number as extra from unapplied`,
  PAID_NOT_ON_ROSTER: `${withs(UNAPPLIED, PAID_NOT_ON_ROSTER_ALL, UNPAID_ALL, PAIRS)}
    select 'PAID_NOT_ON_ROSTER' as type, id_number, credit_code, null as extra from paid_all
    where id_number not in (select stray_id from pairs)`,
  ON_ROSTER_NOT_PAID: `${withs(UNAPPLIED, PAID_NOT_ON_ROSTER_ALL, UNPAID_ALL, PAIRS)}
    select 'ON_ROSTER_NOT_PAID' as type, id_number, credit_code, null as extra from unpaid_all
    where id_number not in (select unpaid_id from pairs)`,
  // Stray pairs, and HR's person records of one name, birth date and native place under different
  // (18-character) ID numbers: one finding per group, unless all its numbers are in pairs already found.
  NEAR_DUPLICATE_PERSON: `${withs(UNAPPLIED, PAID_NOT_ON_ROSTER_ALL, UNPAID_ALL, PAIRS)},
    twins as (
      select array_agg(p.id_number order by p.id_number) as ids,
        array_agg(coalesce(e.institution_credit_code, '') order by p.id_number) as employers
      from hr.persons p left join hr.employments e on e.id_number = p.id_number
      where length(p.id_number) = 18
      group by p.name, substr(p.id_number, 7, 8), p.native_place having count(*) > 1
    )
    select 'NEAR_DUPLICATE_PERSON' as type, unpaid_id as id_number, credit_code, stray_id as extra from pairs
    union all
    select 'NEAR_DUPLICATE_PERSON', ids[1], (select c from unnest(employers) with ordinality u(c, n) where c <> '' order by n limit 1), array_to_string(ids, ',')
    from twins where not ids <@ (select coalesce(array_agg(unpaid_id) || array_agg(stray_id), array[]::text[]) from pairs)`,
  REMOVED_BUT_EMPLOYED: `${withs(LAST_REMOVAL)}
    select 'REMOVED_BUT_EMPLOYED' as type, r.id_number, r.institution_credit_code as credit_code, null as extra
    from last_removal r join hr.employments e on e.id_number = r.id_number join hr.persons h on h.id_number = r.id_number
    where not ${onLedger('r.id_number')} and e.institution_credit_code = r.institution_credit_code and e.since <= r.effective_on`,
  IN_QUOTA_NOT_INSURED: `
    select 'IN_QUOTA_NOT_INSURED' as type, h.id_number, coalesce(e.institution_credit_code, l.institution_credit_code) as credit_code, null as extra
    from hr.persons h
    left join hr.employments e on e.id_number = h.id_number
    left join hr.insurances i on i.id_number = h.id_number
    left join staffing.ledger_entries l on l.id_number = h.id_number
    where (e.type = 'IN_QUOTA' or l.id_number is not null) and not coalesce(i.enrolled, false)`,
  WRONG_PENSION_ACCOUNT: `
    select 'WRONG_PENSION_ACCOUNT' as type, h.id_number, e.institution_credit_code as credit_code, null as extra
    from hr.persons h join hr.employments e on e.id_number = h.id_number join hr.insurances i on i.id_number = h.id_number
    where i.enrolled and (i.pension_account, i.occupational_annuity) is distinct from (
      case when e.type = 'IN_QUOTA' then 'PUBLIC_INSTITUTION'
           when e.type = 'PERSONNEL_AGENCY' and e.since < '2014-10-01' then 'PUBLIC_INSTITUTION_AGENCY' else 'ENTERPRISE' end,
      e.type = 'IN_QUOTA')`,
  DUPLICATE_CARD: `
    select 'DUPLICATE_CARD' as type, k.id_number, coalesce(l.institution_credit_code, k.first_card_cc) as credit_code, null as extra
    from (
      select id_number, (array_agg(institution_credit_code order by number collate "C"))[1] as first_card_cc
      from staffing.staffing_cards where status = 'ACTIVE' group by id_number having count(*) >= 2
    ) k left join staffing.ledger_entries l on l.id_number = k.id_number`,
  CADRE_NOT_ON_ROSTER: `
    select 'CADRE_NOT_ON_ROSTER' as type, c.id_number, c.institution_credit_code as credit_code, null as extra
    from organization.cadres c where c.leadership and not ${onLedger('c.id_number')}`,
  OVER_QUOTA: `
    select 'OVER_QUOTA' as type, null as id_number, q.institution_credit_code as credit_code, q.category as extra
    from staffing.quotas q join staffing.institutions i on i.credit_code = q.institution_credit_code
    where q.approved < (select count(*) from staffing.ledger_entries l where l.institution_credit_code = q.institution_credit_code and l.quota_category = q.category)`,
  FUNDING_FORM_MISMATCH: `
    select 'FUNDING_FORM_MISMATCH' as type, null as id_number, i.credit_code, null as extra
    from staffing.institutions i join finance.budget_units b on b.institution_credit_code = i.credit_code where b.funding_form <> i.funding_form`,
  HEADCOUNT_MISMATCH: `
    with q as (
      select q.institution_credit_code as credit_code, sum(q.approved) as approved,
        sum((select count(*) from staffing.ledger_entries l where l.institution_credit_code = q.institution_credit_code and l.quota_category = q.category)) as occupied
      from staffing.quotas q group by 1
    ), employed as (
      select e.institution_credit_code as credit_code, count(*) as n
      from hr.employments e join hr.persons p on p.id_number = e.id_number where e.type = 'IN_QUOTA' group by 1
    )
    select 'HEADCOUNT_MISMATCH' as type, null as id_number, i.credit_code, null as extra
    from staffing.institutions i
    left join q on q.credit_code = i.credit_code
    left join finance.budget_units b on b.institution_credit_code = i.credit_code
    left join employed e on e.credit_code = i.credit_code
    where (b.institution_credit_code is not null and b.budgeted_headcount <> coalesce(q.approved, 0))
      or coalesce(e.n, 0) <> coalesce(q.occupied, 0)`,
  LEADERSHIP_POSTS_OVER_FILLED: `
    select 'LEADERSHIP_POSTS_OVER_FILLED' as type, null as id_number, i.credit_code, null as extra
    from staffing.institutions i join (
      select institution_credit_code, count(*) as n from organization.cadres where leadership group by 1
    ) c on c.institution_credit_code = i.credit_code
    where c.n > i.leadership_posts_approved`,
  UNREPORTED_REMOVALS: `
    select 'UNREPORTED_REMOVALS' as type, null as id_number, i.credit_code, {reportMonth}::text as extra
    from staffing.institutions i
    where i.created_at <= {reportMonthEnd}::timestamptz
      and not exists (select 1 from staffing.monthly_removal_reports r where r.institution_credit_code = i.credit_code and r.month = {reportMonth}::text)`,
  UNUSED_APPROVAL: `
    select 'UNUSED_APPROVAL' as type, null as id_number, institution_credit_code as credit_code, approval_form_number as extra
    from staffing.hiring_approvals where withdrawn_on is null and used < persons and approved_on <= {unusedApprovedOnOrBefore}::date`,
  STALE_DATA: `
    with cycle as (
      select coalesce((select e.update_cycle from catalog.catalog_entries e join catalog.catalog_items it on it.entry_code = e.code
        where e.provider_office = 'finance' and it.coordinate = 'PayrollRecord.lastPaidMonth' limit 1), 'MONTHLY') as update_cycle
    ), latest as (select max(last_paid_month) as month from finance.payroll_records where on_payroll)
    select 'STALE_DATA' as type, null as id_number, null as credit_code, 'finance:PayrollRecord.lastPaidMonth' as extra
    from latest, cycle
    where latest.month is not null and latest.month < to_char(to_date({month}::text, 'YYYY-MM')
      - make_interval(months => case cycle.update_cycle when 'QUARTERLY' then 3 when 'YEARLY' then 12 else 1 end), 'YYYY-MM')`,
};

/**
 * Runs every statement in turn on one connection; the findings, and each statement's time. The
 * connection runs with `jit = off`: the near-duplicate walk's recursive estimate (billions) made
 * PostgreSQL spend 4 s compiling a plan that runs in milliseconds, which a DBA would switch off too.
 */
export async function sqlFindings(sql: postgres.Sql, clock: SqlClock): Promise<{ findings: SqlFinding[]; ms: Record<string, number> }> {
  const values: Record<keyof SqlClock, string> = {
    now: clock.now.toISOString(),
    today: clock.today,
    month: clock.month,
    reportMonth: clock.reportMonth,
    reportMonthEnd: clock.reportMonthEnd.toISOString(),
    unusedApprovedOnOrBefore: clock.unusedApprovedOnOrBefore,
  };
  const findings: SqlFinding[] = [];
  const ms: Record<string, number> = {};
  for (const [type, template] of Object.entries(FINDING_STATEMENTS)) {
    // `{name}` → `$n`, numbered in order of first use: a statement sends only the values it uses.
    const names: (keyof SqlClock)[] = [];
    const statement = template.replace(/\{([a-zA-Z]\w*)\}/g, (_, name: keyof SqlClock) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    const t = performance.now();
    const rows = await sql.unsafe<SqlFinding[]>(
      statement,
      names.map((n) => values[n]),
    );
    ms[type] = performance.now() - t;
    findings.push(...rows);
  }
  return { findings, ms };
}

/** A finding's key as findingKey() makes it: type, person, institution and any further subject. */
export const sqlFindingKey = (f: SqlFinding) => [f.type, f.id_number ?? '', f.credit_code ?? '', f.extra ?? ''].join('|');
