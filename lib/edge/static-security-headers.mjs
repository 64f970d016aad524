// Security headers that are the same on every response (issue 12 §8; OWASP ASVS 4.0.3 V14.4).
// next.config.mjs sends them on all paths — pages, route handlers, static files, errors — and
// the strict policy below on the paths the proxy does not see. Pages get a nonce-based
// Content-Security-Policy from proxy.ts instead (lib/edge/security-headers.ts).
// Plain JavaScript: next.config.mjs imports it without a TypeScript step.

/** Browser features the service never uses, denied to it and to anything it might embed. */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/**
 * Two years, as the HSTS preload list asks. Sent only over HTTPS, a run-time decision, so not
 * from next.config.mjs: proxy.ts (pages) and lib/server/peer-headers.ts (every response).
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** For responses that are not pages (JSON, files): nothing may load, nobody may frame them. */
export const STRICT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** next.config.mjs `headers()`: the rules Next.js applies before routing, so on every response. */
export function staticSecurityHeaderRules() {
  return [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        // For browsers without CSP frame-ancestors; the policy says the same.
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    },
    // The paths proxy.ts does not see (its matcher): no nonce needed, so the strictest policy.
    ...['/api/:path*', '/_next/:path*', '/favicon.ico'].map((source) => ({
      source,
      headers: [{ key: 'Content-Security-Policy', value: STRICT_CONTENT_SECURITY_POLICY }],
    })),
  ];
}
