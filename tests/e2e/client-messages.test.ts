import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { BASE_URL } from './helpers/browser';

// Issue 15 §1 on the built app: a page's HTML carries the texts of its own client components
// (here the login forms), in the request's language, and no other area's catalogue.

async function html(path: string, locale: 'az' | 'en'): Promise<string> {
  const response = await fetch(`${BASE_URL}${path}`, {
    headers: { cookie: `NEXT_LOCALE=${locale}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** A namespace's first text as the RSC payload escapes it inside the HTML. */
const payloadText = (namespace: string, locale: 'az' | 'en') => {
  const texts = UI_MESSAGES[locale][namespace] as Record<string, unknown>;
  const first = Object.values(texts).find(
    (v): v is string => typeof v === 'string' && v.length > 12,
  );
  return JSON.stringify(first).slice(1, -1).replace(/"/g, '\\"');
};

describe('a page ships only its own client texts', () => {
  for (const locale of ['az', 'en'] as const) {
    it(`${locale}: /login has the login texts, not the wizard's or the staff's`, async () => {
      const page = await html('/login', locale);
      expect(page).toContain('\\"login\\":{');
      expect(page).toContain(payloadText('login', locale));
      for (const other of [
        'wizardPersons',
        'wizardMoney',
        'staffReference',
        'staffPayments',
        'cabinetLedger',
      ])
        expect(page, other).not.toContain(`\\"${other}\\":{`);
    });
  }

  it('/admin/login has the login texts and no employer area', async () => {
    const page = await html('/admin/login', 'en');
    expect(page).toContain('\\"login\\":{');
    expect(page).not.toContain('\\"registry\\":{');
  });
});
