import 'server-only';

// The fund's e-services an authority can cover (SPEC C1); pages import them from here, not db/.
export { SERVICES, type Service } from '@/db/schema/authorities';
