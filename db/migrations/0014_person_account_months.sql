CREATE TABLE "person_account_month_totals" (
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"month" text NOT NULL,
	"income_qepik" bigint NOT NULL,
	"employer_mdss_qepik" bigint NOT NULL,
	"employee_mdss_qepik" bigint NOT NULL,
	"paid_employer_qepik" bigint NOT NULL,
	"paid_employee_qepik" bigint NOT NULL,
	CONSTRAINT "person_account_month_totals_employer_id_activity_code_month_pk" PRIMARY KEY("employer_id","activity_code","month")
);
--> statement-breakpoint
ALTER TABLE "person_account_totals" ADD COLUMN "months" bit(1212) DEFAULT B'0'::bit(1212) NOT NULL;--> statement-breakpoint
ALTER TABLE "person_account_month_totals" ADD CONSTRAINT "person_account_month_totals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A contribution month 'YYYY-MM' as one set bit of person_account_totals.months: bit i is month
-- i from 2000-01 (the period filter's years are 2000–2100); a month outside sets no bit, and no
-- filter can name it.
CREATE OR REPLACE FUNCTION hesabat_month_bits(month text) RETURNS bit(1212)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN i BETWEEN 0 AND 1211 THEN set_bit(B'0'::bit(1212), i, 1)::bit(1212)
    ELSE B'0'::bit(1212) END
  FROM (SELECT (substr(month, 1, 4)::integer - 2000) * 12 + substr(month, 6, 2)::integer - 1 AS i) AS m
$$;
--> statement-breakpoint
-- The statement trigger of migration 0010, now also keeping each person's months and the
-- per-month sums of the employer and code. Same lock order as before, one table after the other.
CREATE OR REPLACE FUNCTION hesabat_person_account_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_account_totals AS t (employer_id, activity_code, fin, income_qepik,
    employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik, months)
  SELECT employer_id, activity_code, fin, sum(income_qepik), sum(employer_mdss_qepik),
    sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik),
    bit_or(hesabat_month_bits(month))
  FROM added GROUP BY employer_id, activity_code, fin
  -- One lock order for every statement, so two postings never deadlock on shared rows.
  ORDER BY employer_id, activity_code, fin
  ON CONFLICT (employer_id, activity_code, fin) DO UPDATE SET
    income_qepik = t.income_qepik + excluded.income_qepik,
    employer_mdss_qepik = t.employer_mdss_qepik + excluded.employer_mdss_qepik,
    employee_mdss_qepik = t.employee_mdss_qepik + excluded.employee_mdss_qepik,
    paid_employer_qepik = t.paid_employer_qepik + excluded.paid_employer_qepik,
    paid_employee_qepik = t.paid_employee_qepik + excluded.paid_employee_qepik,
    months = t.months | excluded.months;
  INSERT INTO person_account_month_totals AS t (employer_id, activity_code, month, income_qepik,
    employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik)
  SELECT employer_id, activity_code, month, sum(income_qepik), sum(employer_mdss_qepik),
    sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik)
  FROM added GROUP BY employer_id, activity_code, month
  ORDER BY employer_id, activity_code, month
  ON CONFLICT (employer_id, activity_code, month) DO UPDATE SET
    income_qepik = t.income_qepik + excluded.income_qepik,
    employer_mdss_qepik = t.employer_mdss_qepik + excluded.employer_mdss_qepik,
    employee_mdss_qepik = t.employee_mdss_qepik + excluded.employee_mdss_qepik,
    paid_employer_qepik = t.paid_employer_qepik + excluded.paid_employer_qepik,
    paid_employee_qepik = t.paid_employee_qepik + excluded.paid_employee_qepik;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
UPDATE person_account_totals AS t SET months = s.months
FROM (
  SELECT employer_id, activity_code, fin, bit_or(hesabat_month_bits(month)) AS months
  FROM person_account_entries GROUP BY employer_id, activity_code, fin
) AS s
WHERE t.employer_id = s.employer_id AND t.activity_code = s.activity_code AND t.fin = s.fin;
--> statement-breakpoint
INSERT INTO person_account_month_totals (employer_id, activity_code, month, income_qepik,
  employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik)
SELECT employer_id, activity_code, month, sum(income_qepik), sum(employer_mdss_qepik),
  sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik)
FROM person_account_entries GROUP BY employer_id, activity_code, month;
