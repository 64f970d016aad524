import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// A static reading of the app's import graph, for the test that every client component finds
// the message namespaces it reads in the provider above it (lib/i18n/client-messages.tsx).
// From a route file it follows imports through server code; past a 'use client' file every
// module reached runs in the browser, and each `useTranslations('X')` there needs X provided.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Imports that may run (not `import type`), re-exports, and dynamic imports. */
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const USE_TRANSLATIONS = /\buseTranslations\(([^)]*)\)/g;

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null; // a package: its messages are not ours
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate))
      return candidate;
  }
  return null;
}

const cache = new Map<string, { client: boolean; imports: string[]; namespaces: string[] }>();

/** A module's directive, what it imports at run time and the namespaces its hooks read. */
export function moduleFacts(file: string): {
  client: boolean;
  imports: string[];
  namespaces: string[];
} {
  const known = cache.get(file);
  if (known) return known;
  const text = readFileSync(file, 'utf8');
  const client = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(text);
  const imports: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    if (match[2]) continue; // type-only: erased
    const resolved = resolveImport(file, match[3]!);
    if (resolved) imports.push(resolved);
  }
  for (const match of text.matchAll(DYNAMIC_IMPORT)) {
    const resolved = resolveImport(file, match[1]!);
    if (resolved) imports.push(resolved);
  }
  const namespaces: string[] = [];
  // The hook's own module (lib/i18n/client) defines useTranslations; it reads nothing itself.
  const definesHook = rel(file).startsWith(path.join('lib', 'i18n', 'client') + path.sep);
  for (const match of definesHook ? [] : text.matchAll(USE_TRANSLATIONS)) {
    const literal = /^\s*['"]([^'"]+)['"]\s*$/.exec(match[1]!);
    // A hook without a literal namespace could read anything: the test reports it by name.
    namespaces.push(literal ? literal[1]!.split('.')[0]! : `<not a literal in ${rel(file)}>`);
  }
  const facts = { client, imports, namespaces };
  cache.set(file, facts);
  return facts;
}

export function rel(file: string): string {
  return path.relative(ROOT, file);
}

export function absolute(relative: string): string {
  return path.join(ROOT, relative);
}

/**
 * The namespaces read by client code reachable from `entry`, each with one client file that
 * reads it (for the failure message).
 */
export function clientNamespaces(entry: string): Map<string, string> {
  const needed = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const facts = moduleFacts(file);
    const client = inClient || facts.client;
    const key = `${client ? 'c' : 's'}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client)
      for (const namespace of facts.namespaces)
        if (!needed.has(namespace)) needed.set(namespace, rel(file));
    for (const next of facts.imports) visit(next, client);
  };
  visit(entry, false);
  return needed;
}

/** The files (relative) that run in the browser when `entry` renders. */
export function clientFiles(entry: string): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const facts = moduleFacts(file);
    const client = inClient || facts.client;
    const key = `${client ? 'c' : 's'}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) found.add(rel(file));
    for (const next of facts.imports) visit(next, client);
  };
  visit(entry, false);
  return found;
}
