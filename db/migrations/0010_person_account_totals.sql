CREATE TABLE "person_account_totals" (
	"employer_id" uuid NOT NULL,
	"activity_code" text NOT NULL,
	"fin" text NOT NULL,
	"income_qepik" bigint NOT NULL,
	"employer_mdss_qepik" bigint NOT NULL,
	"employee_mdss_qepik" bigint NOT NULL,
	"paid_employer_qepik" bigint NOT NULL,
	"paid_employee_qepik" bigint NOT NULL,
	CONSTRAINT "person_account_totals_employer_id_activity_code_fin_pk" PRIMARY KEY("employer_id","activity_code","fin")
);
--> statement-breakpoint
ALTER TABLE "person_account_totals" ADD CONSTRAINT "person_account_totals_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The totals follow the entries in the same statement: one grouped upsert per INSERT statement
-- (posting inserts a report's person-months in bulk), so a 50 000-person posting adds one
-- aggregate, not 150 000 row triggers. person_account_entries is append-only, so INSERT is the
-- only change to follow.
CREATE OR REPLACE FUNCTION hesabat_person_account_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_account_totals AS t (employer_id, activity_code, fin, income_qepik,
    employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik)
  SELECT employer_id, activity_code, fin, sum(income_qepik), sum(employer_mdss_qepik),
    sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik)
  FROM added GROUP BY employer_id, activity_code, fin
  -- One lock order for every statement, so two postings never deadlock on shared rows.
  ORDER BY employer_id, activity_code, fin
  ON CONFLICT (employer_id, activity_code, fin) DO UPDATE SET
    income_qepik = t.income_qepik + excluded.income_qepik,
    employer_mdss_qepik = t.employer_mdss_qepik + excluded.employer_mdss_qepik,
    employee_mdss_qepik = t.employee_mdss_qepik + excluded.employee_mdss_qepik,
    paid_employer_qepik = t.paid_employer_qepik + excluded.paid_employer_qepik,
    paid_employee_qepik = t.paid_employee_qepik + excluded.paid_employee_qepik;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER person_account_totals_follow
  AFTER INSERT ON person_account_entries
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_person_account_totals();
--> statement-breakpoint
INSERT INTO person_account_totals (employer_id, activity_code, fin, income_qepik,
  employer_mdss_qepik, employee_mdss_qepik, paid_employer_qepik, paid_employee_qepik)
SELECT employer_id, activity_code, fin, sum(income_qepik), sum(employer_mdss_qepik),
  sum(employee_mdss_qepik), sum(paid_employer_qepik), sum(paid_employee_qepik)
FROM person_account_entries GROUP BY employer_id, activity_code, fin;
