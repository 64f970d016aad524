import 'server-only';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';

const RESPONSE_FINISHED = 'http.server.response.finish';

/**
 * Settles once this process has sent its first page (an HTML answer below 400), or after
 * `atMostMs` if nobody asks for one. `npm run dev` files the demo history after it: the history's
 * PGlite work shares the event loop with the compile of that first page, which it slowed from 7
 * to 18 s (issue 15). Node announces every finished response on this channel.
 */
export function firstPageServed(atMostMs: number): Promise<void> {
  return new Promise((resolve) => {
    const finished = (message: unknown) => {
      const { response } = message as { response: ServerResponse };
      const type = String(response.getHeader('content-type') ?? '');
      if (response.statusCode < 400 && type.startsWith('text/html')) settle();
    };
    const timer = setTimeout(settle, atMostMs);
    timer.unref();
    function settle() {
      clearTimeout(timer);
      unsubscribe(RESPONSE_FINISHED, finished);
      resolve();
    }
    subscribe(RESPONSE_FINISHED, finished);
  });
}
