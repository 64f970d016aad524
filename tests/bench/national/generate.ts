// National volume in SQL (issue 15 §11): employers, insured persons, five years of accepted
// reports with their submissions, months, lines, status history and ledger entries, and the
// persons' month rows — cloned from one report the real sending path filed (Xəzər 62.01,
// 2025 Q3) with `INSERT … SELECT` over generate_series, so every row has the shape the app
// writes. The load runs with triggers and foreign keys off (session_replication_role =
// replica) and the secondary indexes dropped, then rebuilds them, computes the persons'
// account totals with the same aggregates as the posting trigger, and ANALYZEs.
import type { Sql } from 'postgres';
import { cloneStatement, dropSecondaryIndexes } from './clone-sql';

export type Volume = {
  employers: number;
  persons: number;
  /** Years of reports and ledger, ending 2026 Q2. */
  years: number;
  /** Years (from 2026 Q2 back) with person-month rows; the rest of the reports have none. */
  personMonthYears: number;
  /**
   * Only what the staff review queue reads: employers, reports and their submissions (no
   * persons, months, lines, history or ledger) — minutes instead of the full hour.
   */
  queueOnly?: boolean;
};

/** Who the measured pages are for: the largest employer and a typical one, both Nəsimi's. */
export const BIG = 1;
export const TYPICAL = 12;
/** 2026 Q2 as an absolute quarter number (year × 4 + quarter − 1), and the template's 2025 Q3. */
const LAST_QUARTER = 2026 * 4 + 1;
const TEMPLATE_QUARTER = 2025 * 4 + 2;

const BULK_TABLES = [
  'registry_persons',
  'employments',
  'employers',
  'reports',
  'submissions',
  'report_months',
  'report_lines',
  'report_status_history',
  'ledger_entries',
  'person_account_entries',
  'person_account_totals',
  'person_account_month_totals',
];

function sizes(volume: Volume) {
  // One employer of 50 000 and ten of 3 000 at national scale (scaled with the persons), the
  // rest spread evenly: about 16 persons each.
  const big = Math.max(1, Math.round((volume.persons * 50_000) / 1_700_000));
  const mid = Math.max(1, Math.round((volume.persons * 3_000) / 1_700_000));
  return { big, mid };
}

async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const result = await work();
  const count = Array.isArray(result) && 'count' in result ? ` (${result.count} rows)` : '';
  console.log(`  ${label}${count}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** SQL helpers the statements share: ids and FINs from numbers, a person's employer. */
async function createHelpers(sql: Sql, volume: Volume) {
  const { big, mid } = sizes(volume);
  const rest = volume.employers - 11;
  await sql.unsafe(`
    create or replace function bench_uuid(prefix text, n bigint, q int default 0) returns uuid
      language sql immutable as $$ select (prefix || lpad(to_hex(q), 2, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$;
    create or replace function bench_fin(p bigint) returns text
      language sql immutable as $$ select 'N' || upper(lpad(to_hex(p), 6, '0')) $$;
    create or replace function bench_employer_of(p bigint) returns bigint
      language sql immutable as $$ select case when p <= ${big} then 1
        when p <= ${big + 10 * mid} then 2 + (p - ${big} - 1) / ${mid}
        else 12 + (p - ${big + 10 * mid} - 1) % ${rest} end $$;
    create or replace function bench_number(id uuid) returns bigint
      language sql immutable as $$ select ('x' || right(id::text, 12))::bit(48)::bigint $$;
    create or replace function bench_shift(d date, months int) returns date
      language sql immutable as $$ select (d + make_interval(months => months))::date $$;
    create or replace function bench_shift_month(m text, months int) returns text
      language sql immutable as $$ select to_char(to_date(m || '-01', 'YYYY-MM-DD') + make_interval(months => months), 'YYYY-MM') $$;`);
}

export async function generate(sql: Sql, volume: Volume, demoFin: string): Promise<void> {
  const started = performance.now();
  const quarters = volume.years * 4;
  const { big, mid } = sizes(volume);
  const typical = Math.round(
    (volume.persons - big - 10 * mid) / Math.max(1, volume.employers - 11),
  );
  await sql.unsafe(`set session_replication_role = replica`);
  await sql.unsafe(`set maintenance_work_mem = '1GB'`);
  await sql.unsafe(`set work_mem = '256MB'`);
  await sql.unsafe(`set synchronous_commit = off`);
  await createHelpers(sql, volume);
  const [template] = await sql<{ report: string; submission: string; employer: string }[]>`
    select r.id as report, s.id as submission, r.employer_id as employer
    from reports r join submissions s on s.report_id = r.id
    where r.activity_code = '62.01' and r.year = 2025 and r.quarter = 3 and r.status = 'ACCEPTED'
    limit 1`;
  if (!template)
    throw new Error('national bench: the template report (Xəzər 62.01 2025 Q3) is missing');
  const codes = (await sql<{ code: string }[]>`select code from activity_codes order by code`).map(
    (r) => r.code,
  );
  const codeOf = (g: string) =>
    `(array[${codes.map((c) => `'${c}'`).join(',')}])[1 + ${g} % ${codes.length}]`;
  const indexes = await dropSecondaryIndexes(sql, BULK_TABLES);
  const one = (table: string, where: string) => `select * from ${table} where ${where}`;
  const tr = `'${template.report}'`;
  // The generated quarters: qi = 0 is 2026 Q2; `shift` moves the template's dates and months.
  const periods = `(select qi, (${LAST_QUARTER} - qi) / 4 as year, (${LAST_QUARTER} - qi) % 4 + 1 as quarter,
      (${LAST_QUARTER} - qi - ${TEMPLATE_QUARTER}) * 3 as shift from generate_series(0, ${quarters - 1}) qi) s`;
  const at = (column: string) => `t.${column} + make_interval(months => s.shift)`;

  const full = !volume.queueOnly;
  // The queue-only volume leaves a seventh of the last quarter's reports pending (received, not
  // decided), so the queue's "pending first" and its SENT filter have rows to find.
  const pending = (status: 'SENT' | 'RECEIVED'): Record<string, string> =>
    full
      ? { decided_at: at('decided_at') }
      : {
          status: `case when s.qi = 0 and g % 7 = 0 then '${status}' else t.status end`,
          decided_at: `case when s.qi = 0 and g % 7 = 0 then null else ${at('decided_at')} end`,
        };
  if (full)
    await step(`registry_persons ${volume.persons}`, () =>
      sql.unsafe(`insert into registry_persons (fin, surname, name, patronymic, birth_date, document_type, document_number, document_valid_to)
      select bench_fin(p), 'Soyad' || (p % 997), 'Ad' || (p % 113), 'Ata' || (p % 71),
             date '1960-01-01' + (p % 15000)::int, 'DIN', 'NA' || lpad(p::text, 8, '0'), date '2035-01-01'
      from generate_series(1, ${volume.persons}) p`),
    );
  await step(`employers ${volume.employers}`, async () => {
    const body = (g: string) =>
      `case when ${g} in (${BIG}, ${TYPICAL}) then '03' else lpad((${g} % 60 + 1)::text, 2, '0') end`;
    await sql.unsafe(
      await cloneStatement(sql, {
        table: 'employers',
        template: one('employers', `id = '${template.employer}'`),
        from: 'generate_series(1, ' + volume.employers + ') g',
        set: {
          id: `bench_uuid('0e0000', g)`,
          name: `'Müəssisə ' || g || ' MMC'`,
          dsmf_reg_number: `'9' || lpad(g::text, 9, '0')`,
          voen: `lpad(g::text, 9, '0') || '1'`,
          local_body_code: body('g'),
          local_body_name: `case ${body('g')} when '03' then 'Nəsimi rayon şöbəsi' when '07' then 'Səbail rayon şöbəsi' else 'Rayon şöbəsi ' || ${body('g')} end`,
          responsible_fin: `case when g in (${BIG}, ${TYPICAL}) then '${demoFin}' else bench_fin(g) end`,
          parent_employer_id: 'null',
        },
      }),
    );
    await sql.unsafe(`insert into employer_activity_codes (employer_id, activity_code)
      select bench_uuid('0e0000', g), ${codeOf('g')} from generate_series(1, ${volume.employers}) g`);
    for (const [table, prefix] of [
      ['employer_addresses', '0a0000'],
      ['employer_contacts', '0b0000'],
      ['employer_bank_accounts', '0c0000'],
    ] as const) {
      await sql.unsafe(
        await cloneStatement(sql, {
          table,
          template: `select *, row_number() over (order by id)::int as k from ${table} where employer_id = '${template.employer}'`,
          from: `generate_series(1, ${volume.employers}) g`,
          set: { id: `bench_uuid('${prefix}', g, t.k)`, employer_id: `bench_uuid('0e0000', g)` },
        }),
      );
    }
  });
  if (full)
    await step('employments', () =>
      sql.unsafe(`insert into employments (employer_id, fin, activity_code, position, monthly_wage_qepik, start_date, end_date)
      select bench_uuid('0e0000', bench_employer_of(p)), bench_fin(p), ${codeOf('bench_employer_of(p)')},
             'Mütəxəssis', 60000 + (p::bigint * 7919) % 300000, date '2020-01-01', null
      from generate_series(1, ${volume.persons}) p`),
    );
  const perReport = (
    table: string,
    set: Record<string, string>,
    template = one(table, `report_id = ${tr}`),
  ) =>
    cloneStatement(sql, {
      table,
      template,
      from: `generate_series(1, ${volume.employers}) g, ${periods}`,
      set: {
        report_id: `bench_uuid('0f0000', g, s.qi)`,
        employer_id: `bench_uuid('0e0000', g)`,
        ...set,
      },
    });
  await step(`reports ${volume.employers} × ${quarters} quarters`, async () =>
    sql.unsafe(
      await cloneStatement(sql, {
        table: 'reports',
        template: one('reports', `id = ${tr}`),
        from: `generate_series(1, ${volume.employers}) g, ${periods}`,
        set: {
          id: `bench_uuid('0f0000', g, s.qi)`,
          employer_id: `bench_uuid('0e0000', g)`,
          activity_code: codeOf('g'),
          year: 's.year',
          quarter: 's.quarter',
          replaces_report_id: 'null',
          receipt_number: `'HS-' || s.year || '-9' || lpad(g::text, 6, '0') || lpad(s.qi::text, 2, '0')`,
          created_at: at('created_at'),
          updated_at: at('updated_at'),
          sent_at: at('sent_at'),
          ...pending('SENT'),
          due_date: `bench_shift(t.due_date, s.shift)`,
          ready_at: at('ready_at'),
          distributed_at: at('distributed_at'),
          penalty_computed_at: at('penalty_computed_at'),
          persons_count: `case when g = 1 then ${big} when g <= 11 then ${mid} else ${typical} end`,
        },
      }),
    ),
  );
  await step('submissions', async () =>
    sql.unsafe(
      await perReport(
        'submissions',
        {
          id: `bench_uuid('0d0000', g, s.qi)`,
          receipt_number: `'HS-' || s.year || '-9' || lpad(g::text, 6, '0') || lpad(s.qi::text, 2, '0')`,
          received_at: at('received_at'),
          ...pending('RECEIVED'),
          due_date: `bench_shift(t.due_date, s.shift)`,
          // The signed document's JSON (6 KB here) is read only by the sent report's view, which
          // this bench does not measure; two million copies would be 12 GB.
          document_json: `'{}'`,
          batch_id: 'null',
        },
        one('submissions', `id = '${template.submission}'`),
      ),
    ),
  );
  if (full) {
    await step('report_months', async () =>
      sql.unsafe(
        await perReport('report_months', { month: 'bench_shift_month(t.month, s.shift)' }),
      ),
    );
    await step('report_lines', async () => sql.unsafe(await perReport('report_lines', {})));
    await step('report_status_history', async () =>
      sql.unsafe(
        await perReport('report_status_history', {
          submission_id: `case when t.submission_id is null then null else bench_uuid('0d0000', g, s.qi) end`,
          at: at('at'),
        }),
      ),
    );
    await step('ledger_entries', async () =>
      sql.unsafe(
        await cloneStatement(sql, {
          table: 'ledger_entries',
          template: one(
            'ledger_entries',
            `source_type = 'REPORT' and source_id = '${template.submission}'`,
          ),
          from: `generate_series(1, ${volume.employers}) g, ${periods}`,
          set: {
            employer_id: `bench_uuid('0e0000', g)`,
            activity_code: codeOf('g'),
            entry_date: `bench_shift(t.entry_date, s.shift)`,
            period_year: `extract(year from bench_shift(make_date(t.period_year, t.period_month, 1), s.shift))::int`,
            period_month: `extract(month from bench_shift(make_date(t.period_year, t.period_month, 1), s.shift))::int`,
            obligation_month: `case when t.obligation_month is null then null else bench_shift_month(t.obligation_month, s.shift) end`,
            // The template's payments belong to Xəzər; the clones' payment rows stand alone.
            payment_id: 'null',
            source_id: `bench_uuid('0d0000', g, s.qi)::text`,
            created_at: at('created_at'),
          },
        }),
      ),
    );
    // Person-months, one quarter per statement (about 5 M rows at national volume).
    for (let qi = 0; qi < volume.personMonthYears * 4; qi++) {
      const a = LAST_QUARTER - qi;
      const year = Math.floor(a / 4);
      const firstMonth = (a % 4) * 3 + 1;
      await step(`person_account_entries ${year} Q${(a % 4) + 1}`, () =>
        sql.unsafe(`insert into person_account_entries (employer_id, activity_code, fin, month, report_id, submission_id,
          income_qepik, employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, created_at)
        select e.employer_id, e.activity_code, e.fin, to_char(make_date(${year}, ${firstMonth} + m, 1), 'YYYY-MM'),
               bench_uuid('0f0000', bench_number(e.employer_id), ${qi}), bench_uuid('0d0000', bench_number(e.employer_id), ${qi}),
               e.monthly_wage_qepik, e.monthly_wage_qepik * 22 / 100, e.monthly_wage_qepik * 3 / 100,
               e.monthly_wage_qepik * 22 / 100, e.monthly_wage_qepik * 3 / 100,
               make_date(${year}, ${firstMonth} + 2, 15) + interval '1 month'
        from employments e, generate_series(0, 2) m
        where e.employer_id between bench_uuid('0e0000', 0) and bench_uuid('0e0000', ${volume.employers})`),
      );
    }
    const generated = `employer_id between bench_uuid('0e0000', 0) and bench_uuid('0e0000', ${volume.employers})`;
    await step('person_account_totals (the posting trigger’s aggregate)', () =>
      sql.unsafe(`insert into person_account_totals (employer_id, activity_code, fin, income_qepik,
        employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, months)
      select employer_id, activity_code, fin, sum(income_qepik), sum(employer_mdss_qepik),
        sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik), bit_or(hesabat_month_bits(month))
      from person_account_entries where ${generated} group by employer_id, activity_code, fin`),
    );
    await step('person_account_month_totals', () =>
      sql.unsafe(`insert into person_account_month_totals (employer_id, activity_code, month, income_qepik,
        employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik)
      select employer_id, activity_code, month, sum(income_qepik), sum(employer_mdss_qepik),
        sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik)
      from person_account_entries where ${generated} group by employer_id, activity_code, month`),
    );
  }
  await step(`${indexes.length} secondary indexes rebuilt`, async () => {
    for (const def of indexes) await sql.unsafe(def);
  });
  await sql.unsafe(`set session_replication_role = origin`);
  await sql.unsafe(`
    drop function bench_uuid(text, bigint, int); drop function bench_fin(bigint);
    drop function bench_employer_of(bigint); drop function bench_number(uuid);
    drop function bench_shift(date, int); drop function bench_shift_month(text, int);`);
  // Vacuumed as autovacuum would leave them: the visibility map lets the staff queue's counts and
  // order come from its index alone, as they do on a settled database.
  await step('vacuum reports and employers', () =>
    sql.unsafe('vacuum (analyze) reports, employers'),
  );
  await step('analyze', () => sql.unsafe('analyze'));
  console.log(
    `national bench: generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
