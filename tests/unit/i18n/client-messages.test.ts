import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { pickNamespaces } from '@/lib/i18n/pick-namespaces';
import { sourceFiles } from '../source-files';
import { absolute, clientFiles, clientNamespaces } from './client-graph';

// Issue 15 §1: the browser gets only the message namespaces its client components read. Each
// layout (or page) that renders client components wraps its output in <ClientMessages
// namespaces={[…]}>, and a nested provider replaces the one above it — so for every route file
// the deepest provider above it must list every namespace its client code reads, and list
// nothing that nobody below it reads.

const ROUTE_FILE = /\/(page|layout|error|not-found|template|default|loading)\.tsx$/;
const routeFiles = sourceFiles('app').filter((f) => ROUTE_FILE.test(f));
const PROVIDER = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g;

/** The namespaces a file's <ClientMessages> lists, or null when it renders none. */
function providedBy(file: string): string[] | null {
  if (!existsSync(absolute(file))) return null;
  const text = readFileSync(absolute(file), 'utf8');
  const lists = [...text.matchAll(PROVIDER)].map((m) =>
    [...m[1]!.matchAll(/'([^']+)'/g)].map((n) => n[1]!),
  );
  if (lists.length > 1) throw new Error(`${file}: one <ClientMessages> per file`);
  return lists[0] ?? null;
}

/** The file whose provider a route file renders in: itself, its layout, or the nearest above. */
function providerOf(file: string): string {
  if (providedBy(file)) return file;
  let dir = path.dirname(file);
  for (;;) {
    const layout = path.join(dir, 'layout.tsx');
    if (layout !== file && providedBy(layout)) return layout;
    if (dir === 'app') throw new Error(`${file}: no <ClientMessages> above it`);
    dir = path.dirname(dir);
  }
}

describe('client components get only the message namespaces they read (issue 15 §1)', () => {
  it('finds the route files and the providers', () => {
    expect(routeFiles).toContain(path.join('app', '(public)', 'login', 'page.tsx'));
    expect(providerOf(path.join('app', '(public)', 'login', 'page.tsx'))).toBe(
      path.join('app', '(public)', 'login', 'layout.tsx'),
    );
    // The wizard reads its money and persons texts: the graph must see past the page.
    const wizard = clientNamespaces(
      absolute(path.join('app', '(employer)', 'reports', '[reportId]', '[step]', 'page.tsx')),
    );
    expect([...wizard.keys()]).toEqual(expect.arrayContaining(['wizardMoney', 'wizardPersons']));
  });

  it('every namespace a route’s client code reads is in the provider above it', () => {
    const missing = routeFiles.flatMap((file) => {
      const provider = providerOf(file);
      const provided = new Set(providedBy(provider));
      return [...clientNamespaces(absolute(file))]
        .filter(([namespace]) => !provided.has(namespace))
        .map(
          ([namespace, reader]) => `${file}: "${namespace}" (read in ${reader}) not in ${provider}`,
        );
    });
    expect(missing).toEqual([]);
  });

  it('no provider hands over a namespace that nothing below it reads', () => {
    const read = new Map<string, Set<string>>();
    for (const file of routeFiles) {
      const provider = providerOf(file);
      const names = read.get(provider) ?? new Set<string>();
      for (const namespace of clientNamespaces(absolute(file)).keys()) names.add(namespace);
      read.set(provider, names);
    }
    const unused = routeFiles.flatMap((file) =>
      (providedBy(file) ?? [])
        .filter((namespace) => !read.get(file)?.has(namespace))
        .map((namespace) => `${file}: "${namespace}"`),
    );
    expect(unused).toEqual([]);
  });

  it('every provided namespace exists in both languages', () => {
    const names = routeFiles.flatMap((file) => providedBy(file) ?? []);
    expect(names.length).toBeGreaterThan(10);
    for (const locale of ['az', 'en'] as const)
      expect(names.filter((n) => !(n in UI_MESSAGES[locale]))).toEqual([]);
  });

  it('the catalogue reaches the browser only through <ClientMessages>', () => {
    const direct = [
      ...sourceFiles('app'),
      ...sourceFiles('components'),
      ...sourceFiles('lib'),
    ].filter((f) => /NextIntlClientProvider|useMessages\(/.test(readFileSync(absolute(f), 'utf8')));
    expect(direct).toEqual([]);
  });

  it('client code reads its texts through lib/i18n/client, never next-intl’s client bundle', () => {
    const viaNextIntl = routeFiles.flatMap((file) =>
      [...clientFiles(absolute(file))].filter((f) =>
        /from 'next-intl'/.test(readFileSync(absolute(f), 'utf8')),
      ),
    );
    expect([...new Set(viaNextIntl)]).toEqual([]);
  });

  it('no client code carries the domain barrel or every rule text into the browser', () => {
    const heavy = [
      path.join('lib', 'domain', 'index.ts'),
      path.join('lib', 'domain', 'messages', 'format.ts'),
    ];
    const found = routeFiles.flatMap((file) =>
      [...clientFiles(absolute(file))].filter((f) => heavy.includes(f)).map((f) => `${file}: ${f}`),
    );
    expect(found).toEqual([]);
  });

  it('pickNamespaces keeps the named namespaces only, and refuses an unknown one', () => {
    const picked = pickNamespaces(UI_MESSAGES.en, ['login', 'error']);
    expect(Object.keys(picked).sort()).toEqual(['error', 'login']);
    expect(picked.login).toBe(UI_MESSAGES.en.login);
    expect(() => pickNamespaces(UI_MESSAGES.en, ['noSuchArea'])).toThrow(/noSuchArea/);
  });
});
