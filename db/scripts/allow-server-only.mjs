// Scripts run outside Next: 'server-only' (which throws outside a server bundle) resolves to an
// empty module, so db:seed can load the demo history through lib/server's use cases.
import { register } from 'node:module';

register('./server-only-hooks.mjs', import.meta.url);
