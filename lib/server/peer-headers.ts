import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import {
  markPeerHeadersInstalled,
  PEER_ADDRESS_HEADER,
  PEER_SCHEME_HEADER,
  peerHeadersInstalled,
  servedOverHttps,
} from '@/lib/edge/forwarded-client';
import { STRICT_TRANSPORT_SECURITY } from '@/lib/edge/static-security-headers.mjs';

type RequestStart = { request: IncomingMessage; response: ServerResponse; socket: Socket };

/**
 * Writes the socket's peer address and scheme into private request headers before Next.js sees
 * the request, first deleting whatever a client sent under those names: Node's HTTP server
 * announces every request on this channel synchronously, ahead of the request handler. Once per
 * process (instrumentation.ts). Issue 12 §7.
 *
 * It also starts every response served over HTTPS with Strict-Transport-Security (§8): here,
 * unlike in next.config.mjs (fixed at build time), TRUSTED_PROXIES and PUBLIC_URL are known, so
 * a client's own X-Forwarded-Proto is not believed — and this covers route handlers, static
 * files and errors, which the proxy does not see.
 */
export function installPeerHeaders(): void {
  if (peerHeadersInstalled()) return;
  subscribe('http.server.request.start', (message) => {
    const { request, response, socket } = message as RequestStart;
    delete request.headers[PEER_ADDRESS_HEADER];
    delete request.headers[PEER_SCHEME_HEADER];
    const peerScheme = (socket as TLSSocket).encrypted ? 'https' : 'http';
    if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
    request.headers[PEER_SCHEME_HEADER] = peerScheme;
    const forwardedProto = request.headers['x-forwarded-proto'];
    if (servedOverHttps({ peerScheme, forwardedProto: [forwardedProto].flat().join(',') })) {
      response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
  });
  markPeerHeadersInstalled();
}
