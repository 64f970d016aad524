import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  configuredPublicUrl,
  PublicUrlError,
  publicUrlProblem,
} from '@/lib/server/public-url';

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;
const PROD = { NODE_ENV: 'production', SIMULATORS: 'off' };

describe('absoluteUrl (issue 10 §9: PUBLIC_URL for every absolute link)', () => {
  it('builds on PUBLIC_URL and ignores the request host, in any environment', () => {
    for (const base of [
      'https://hesabat.example.az',
      'https://hesabat.example.az/',
      ' https://hesabat.example.az// ',
    ]) {
      expect(
        absoluteUrl('/verify', {
          requestOrigin: 'http://evil.example',
          env: env({ ...PROD, PUBLIC_URL: base }),
        }),
      ).toBe('https://hesabat.example.az/verify');
    }
    expect(
      absoluteUrl('verify', {
        env: env({ NODE_ENV: 'development', PUBLIC_URL: 'https://x.az/hesabat/' }),
      }),
    ).toBe('https://x.az/hesabat/verify');
  });

  it('falls back to the request origin only in development, test or a simulated (demo/CI) server', () => {
    const request = { requestOrigin: 'http://127.0.0.1:3101/reports/x' };
    expect(absoluteUrl('/verify', { ...request, env: env({ NODE_ENV: 'development' }) })).toBe(
      'http://127.0.0.1:3101/verify',
    );
    expect(absoluteUrl('/verify', { ...request, env: env({ NODE_ENV: 'test' }) })).toBe(
      'http://127.0.0.1:3101/verify',
    );
    expect(
      absoluteUrl('/verify', {
        ...request,
        env: env({ NODE_ENV: 'production', SIMULATORS: 'on', SIMULATORS_ALLOW_PRODUCTION: 'yes' }),
      }),
    ).toBe('http://127.0.0.1:3101/verify');
    expect(
      absoluteUrl('/verify', { requestOrigin: 'not a url', env: env({ NODE_ENV: 'development' }) }),
    ).toBe('http://localhost:3000/verify');
  });

  it('refuses to build a link in production without PUBLIC_URL rather than print the request host', () => {
    expect(() =>
      absoluteUrl('/verify', { requestOrigin: 'https://evil.example', env: env(PROD) }),
    ).toThrow(PublicUrlError);
    expect(() => absoluteUrl('/verify', { env: env({ NODE_ENV: 'production' }) })).toThrow(
      /PUBLIC_URL is not set/,
    );
  });

  it.each([
    'hesabat.example.az',
    'ftp://hesabat.example.az',
    'https://hesabat.example.az/?a=1',
    'https://u:p@hesabat.example.az',
  ])('refuses a malformed PUBLIC_URL %j', (value) => {
    expect(() => configuredPublicUrl(env({ PUBLIC_URL: value }))).toThrow(PublicUrlError);
  });

  it('a production server without PUBLIC_URL is a start-up problem; a demo or development one is not', () => {
    expect(publicUrlProblem(env(PROD))).toMatch(/PUBLIC_URL is not set/);
    expect(publicUrlProblem(env({ ...PROD, PUBLIC_URL: 'hesabat.example.az' }))).toMatch(
      /not a URL/,
    );
    expect(publicUrlProblem(env({ ...PROD, PUBLIC_URL: 'https://hesabat.example.az' }))).toBeNull();
    expect(
      publicUrlProblem(
        env({ NODE_ENV: 'production', SIMULATORS: 'on', SIMULATORS_ALLOW_PRODUCTION: 'yes' }),
      ),
    ).toBeNull();
    expect(publicUrlProblem(env({ NODE_ENV: 'development' }))).toBeNull();
  });

  it('is unset when empty', () => {
    expect(configuredPublicUrl(env({ PUBLIC_URL: '  ' }))).toBeNull();
  });
});
