import 'server-only';

// Actions and pages pass this handle to use cases (which take `db` first so tests and
// transactions can supply their own). app/ never imports db/ itself.
export { getDb } from '@/db/client';
