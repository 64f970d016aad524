import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  isHttpsRequest,
  normalizeAddress,
  parseTrustedProxies,
} from '@/lib/domain/client-address';

// Issue 12 §7: the hops are X-Forwarded-For's entries plus the socket's peer; with N trusted
// proxies the client is the Nth hop from the right.

const PEER = '10.0.0.5'; // the socket's peer: the app's own proxy, or the client itself

describe('clientAddress', () => {
  it.each([
    // [trusted proxies, X-Forwarded-For, expected]
    [0, null, PEER],
    [0, '198.51.100.7', PEER],
    [0, '1.1.1.1, 2.2.2.2, 198.51.100.7', PEER],
    [1, '198.51.100.7', '198.51.100.7'],
    [1, '1.1.1.1, 2.2.2.2, 198.51.100.7', '198.51.100.7'],
    [2, '1.1.1.1, 198.51.100.7, 10.0.0.9', '198.51.100.7'],
    [2, '6.6.6.6, 1.1.1.1, 198.51.100.7, 10.0.0.9', '198.51.100.7'],
  ] as const)('N=%i, X-Forwarded-For %s → %s', (trustedProxies, forwardedFor, expected) => {
    expect(clientAddress({ peerAddress: PEER, forwardedFor, trustedProxies })).toBe(expected);
  });

  it('ignores whatever the client wrote to the left of the trusted hops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (claimed, trustedProxies) => {
          // The trusted proxies each append the address they saw (the last one is the peer).
          const appended = ['203.0.113.1', '203.0.113.2', '203.0.113.3'].slice(0, trustedProxies);
          const forwardedFor = [...claimed.map((c) => c.replace(/,/g, '')), ...appended].join(', ');
          const expected = trustedProxies === 0 ? PEER : appended[0];
          expect(clientAddress({ peerAddress: PEER, forwardedFor, trustedProxies })).toBe(expected);
        },
      ),
    );
  });

  it('with no header and N > 0, the leftmost hop there is: the peer', () => {
    expect(clientAddress({ peerAddress: PEER, forwardedFor: undefined, trustedProxies: 1 })).toBe(
      PEER,
    );
    expect(clientAddress({ peerAddress: PEER, forwardedFor: '', trustedProxies: 2 })).toBe(PEER);
    expect(
      clientAddress({ peerAddress: PEER, forwardedFor: '198.51.100.7', trustedProxies: 3 }),
    ).toBe('198.51.100.7');
  });

  it('without a peer address: unknown for N = 0, the Nth entry of the header otherwise', () => {
    expect(clientAddress({ peerAddress: null, forwardedFor: '1.1.1.1', trustedProxies: 0 })).toBe(
      null,
    );
    expect(
      clientAddress({ peerAddress: '', forwardedFor: '1.1.1.1, 2.2.2.2', trustedProxies: 1 }),
    ).toBe('2.2.2.2');
    expect(
      clientAddress({ peerAddress: null, forwardedFor: '1.1.1.1, 2.2.2.2', trustedProxies: 2 }),
    ).toBe('1.1.1.1');
    expect(clientAddress({ peerAddress: null, forwardedFor: null, trustedProxies: 1 })).toBe(null);
  });

  it('IPv6: the peer of a dual-stack socket, bracketed and with ports, lower-cased', () => {
    const at = (peerAddress: string, forwardedFor: string | null, trustedProxies: number) =>
      clientAddress({ peerAddress, forwardedFor, trustedProxies });
    expect(at('::ffff:127.0.0.9', null, 0)).toBe('127.0.0.9');
    expect(at('::1', null, 0)).toBe('::1');
    expect(at('2001:DB8::1', '1.1.1.1', 0)).toBe('2001:db8::1');
    expect(at('::1', '[2001:db8::7]:443', 1)).toBe('2001:db8::7');
    expect(at('::1', '2001:db8::7', 1)).toBe('2001:db8::7');
    expect(at('::1', '198.51.100.7:5678', 1)).toBe('198.51.100.7');
    expect(at('::1', '1.1.1.1, ::ffff:198.51.100.7', 1)).toBe('198.51.100.7');
  });

  it('a trusted hop that is no address (a misconfigured proxy) is unknown, never a key', () => {
    for (const hop of ['unknown', 'evil\u0000', '1.2.3.4.5', '999.1.1.1', '<script>', '::ffff:']) {
      expect(clientAddress({ peerAddress: PEER, forwardedFor: hop, trustedProxies: 1 })).toBe(null);
    }
  });

  it('empty entries and spaces do not shift the count', () => {
    expect(
      clientAddress({
        peerAddress: PEER,
        forwardedFor: ' 1.1.1.1 ,, 198.51.100.7 ,',
        trustedProxies: 1,
      }),
    ).toBe('198.51.100.7');
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['[::1]', '::1'],
    ['[fe80::1]:8080', 'fe80::1'],
    ['FE80::A', 'fe80::a'],
    ['2001:db8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::192.0.2.33'],
    ['1:2:3:4:5:6:7:8:9', null],
    ['1::2::3', null],
    ['12345::1', null],
    ['256.0.0.1', null],
    ['example.com', null],
    ['', null],
  ] as const)('%s → %s', (hop, expected) => {
    expect(normalizeAddress(hop)).toBe(expected);
  });
});

describe('parseTrustedProxies', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    [' 0 ', 0],
    ['1', 1],
    ['2', 2],
    ['10', 10],
    ['11', null],
    ['-1', null],
    ['1.5', null],
    ['true', null],
    ['loopback', null],
  ] as const)('%s → %s', (value, expected) => {
    expect(parseTrustedProxies(value)).toBe(expected);
  });
});

describe('isHttpsRequest', () => {
  it('without trusted proxies only the socket counts; a client-sent X-Forwarded-Proto does not', () => {
    expect(isHttpsRequest({ peerScheme: 'http', forwardedProto: 'https', trustedProxies: 0 })).toBe(
      false,
    );
    expect(isHttpsRequest({ peerScheme: 'https', forwardedProto: null, trustedProxies: 0 })).toBe(
      true,
    );
  });

  it('with N trusted proxies, what the outermost one says', () => {
    expect(isHttpsRequest({ peerScheme: 'http', forwardedProto: 'https', trustedProxies: 1 })).toBe(
      true,
    );
    expect(isHttpsRequest({ peerScheme: 'http', forwardedProto: 'HTTPS', trustedProxies: 1 })).toBe(
      true,
    );
    expect(
      isHttpsRequest({ peerScheme: 'http', forwardedProto: 'https, http', trustedProxies: 1 }),
    ).toBe(false);
    expect(
      isHttpsRequest({ peerScheme: 'http', forwardedProto: 'https, http', trustedProxies: 2 }),
    ).toBe(true);
    expect(isHttpsRequest({ peerScheme: 'http', forwardedProto: null, trustedProxies: 1 })).toBe(
      false,
    );
  });
});
