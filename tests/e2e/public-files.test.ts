import { describe, expect, it } from 'vitest';
import { assertServerUp, BASE_URL } from './helpers/browser';

// public/ (issue 15 §10): served to anyone, without a session, a redirect or the page proxy.
describe('public files', () => {
  const get = async (path: string) => {
    await assertServerUp();
    return fetch(`${BASE_URL}${path}`, { redirect: 'manual' });
  };

  it('robots.txt keeps the signed-in area and the API out of search engines', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    const disallowed = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('Disallow: '))
      .map((line) => line.slice('Disallow: '.length).trim());
    for (const area of [
      '/reports',
      '/cabinet',
      '/authorities',
      '/employers',
      '/home',
      '/admin',
      '/api',
    ])
      expect(disallowed).toContain(area);
    expect(disallowed).not.toContain('/');
  });

  it('the web manifest is linked from the pages and names the icons', async () => {
    const page = await (await get('/')).text();
    expect(page).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    const response = await get('/manifest.webmanifest');
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { name: string; icons: { src: string }[] };
    expect(manifest.name).toBeTruthy();
    for (const icon of manifest.icons) {
      const file = await get(icon.src);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toMatch(/^image\//);
    }
  });

  it('the favicon', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
  });
});
