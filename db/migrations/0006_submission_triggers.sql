-- A person's account and a report's status history are evidence: rows are added, never changed.
CREATE TRIGGER person_account_entries_append_only
  BEFORE UPDATE OR DELETE ON person_account_entries
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER person_account_entries_no_truncate
  BEFORE TRUNCATE ON person_account_entries
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_status_history_append_only
  BEFORE UPDATE OR DELETE ON report_status_history
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_status_history_no_truncate
  BEFORE TRUNCATE ON report_status_history
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
-- What was sent is fixed: only the decision (status, reasons, time) is written, once.
CREATE FUNCTION hesabat_submission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'submissions are append-only' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.document_json IS DISTINCT FROM OLD.document_json
     OR NEW.document_hash IS DISTINCT FROM OLD.document_hash
     OR NEW.signed_document_id IS DISTINCT FROM OLD.signed_document_id
     OR NEW.receipt_number IS DISTINCT FROM OLD.receipt_number
     OR NEW.received_at IS DISTINCT FROM OLD.received_at
     OR NEW.report_id IS DISTINCT FROM OLD.report_id
     OR OLD.status <> 'RECEIVED' THEN
    RAISE EXCEPTION 'a submission is immutable once received; only its first decision is recorded' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER submissions_guard
  BEFORE UPDATE OR DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION hesabat_submission_guard();
