-- A signed document is evidence of what was signed: never changed or removed.
CREATE TRIGGER signed_documents_append_only
  BEFORE UPDATE OR DELETE ON signed_documents
  FOR EACH ROW EXECUTE FUNCTION hesabat_refuse_change();
--> statement-breakpoint
CREATE TRIGGER signed_documents_no_truncate
  BEFORE TRUNCATE ON signed_documents
  FOR EACH STATEMENT EXECUTE FUNCTION hesabat_refuse_change();
