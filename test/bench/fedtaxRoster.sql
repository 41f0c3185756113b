-- pnpm bench:fedtax: the 808-person Roster as one hand-written statement over the offices' own tables
-- (each office's schema of the one database DATABASE_URL gives the hub), building the same JSON the
-- gateway answers as `data`: same keys, same order, same nulls. $1 is the institution's credit code.
-- Gender and birth date are read off the ID number as the subgraphs do (characters 17 and 7-14);
-- a quota category with persons on the ledger but no approved quota shows with approved 0.
select json_build_object('institution', (
  select json_build_object(
    'name', i.name,
    'fundingForm', i.funding_form,
    'quotas', (
      select coalesce(json_agg(json_build_object('category', f.category, 'approved', f.approved, 'occupied', f.occupied, 'vacant', f.approved - f.occupied - f.reserved) order by f.category), '[]')
      from (
        select coalesce(q.category, o.category) as category, coalesce(q.approved, 0) as approved, coalesce(q.reserved, 0) as reserved, coalesce(o.occupied, 0) as occupied
        from (select category, approved, reserved from staffing.quotas where institution_credit_code = i.credit_code) q
        full join (select quota_category as category, count(*)::int as occupied from staffing.ledger_entries where institution_credit_code = i.credit_code group by quota_category) o
          on o.category = q.category
      ) f
    ),
    'leadershipPostsFilled', (select count(*)::int from organization.cadres c where c.institution_credit_code = i.credit_code and c.leadership),
    'budgetUnit', (select json_build_object('fundingForm', b.funding_form, 'budgetedHeadcount', b.budgeted_headcount) from finance.budget_units b where b.institution_credit_code = i.credit_code),
    'workforce', json_build_object(
      'totalCount', (select count(*)::int from hr.employments e where e.institution_credit_code = i.credit_code),
      'nodes', (
        select coalesce(json_agg(json_build_object(
          'type', e.type,
          'person', json_build_object(
            'name', p.name,
            'gender', case when substr(p.id_number, 17, 1)::int % 2 = 1 then 'MALE' else 'FEMALE' end,
            'birthDate', substr(p.id_number, 7, 4) || '-' || substr(p.id_number, 11, 2) || '-' || substr(p.id_number, 13, 2),
            'ledgerEntry', case when l.id_number is null then null else json_build_object('staffingCardNumber', l.staffing_card_number) end,
            'cadre', case when c.id_number is null then null else json_build_object('post', c.post) end,
            'payroll', case when r.id_number is null then null else json_build_object('onPayroll', r.on_payroll, 'lastPaidMonth', r.last_paid_month) end
          )) order by e.id_number), '[]')
        from (select * from hr.employments where institution_credit_code = i.credit_code order by id_number limit 1000) e
        join hr.persons p on p.id_number = e.id_number
        left join staffing.ledger_entries l on l.id_number = e.id_number
        left join organization.cadres c on c.id_number = e.id_number
        left join finance.payroll_records r on r.id_number = e.id_number
      )
    )
  )
  from staffing.institutions i where i.credit_code = $1
))::text as data
