import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import {
  markPeerHeadersInstalled,
  PEER_ADDRESS_HEADER,
  PEER_SCHEME_HEADER,
  peerHeadersInstalled,
} from '@/lib/edge/forwarded-client';

type RequestStart = { request: IncomingMessage; socket: Socket };

/**
 * Writes the socket's peer address and scheme into private request headers before Next.js sees
 * the request, first deleting whatever a client sent under those names: Node's HTTP server
 * announces every request on this channel synchronously, ahead of the request handler. Once per
 * process (instrumentation.ts). Issue 12 §7.
 */
export function installPeerHeaders(): void {
  if (peerHeadersInstalled()) return;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as RequestStart;
    delete request.headers[PEER_ADDRESS_HEADER];
    delete request.headers[PEER_SCHEME_HEADER];
    if (socket.remoteAddress) request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress;
    request.headers[PEER_SCHEME_HEADER] = (socket as TLSSocket).encrypted ? 'https' : 'http';
  });
  markPeerHeadersInstalled();
}
