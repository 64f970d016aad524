import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCOPED_HELPERS, SCOPED_USE_CASES } from './scoped-use-cases';

// The access matrix is only as complete as its list. TypeScript types are gone at run time, so
// the source text of lib/server is read instead: every exported function with a parameter
// `scope: EmployerScope` must be in the list of scoped use cases or, on purpose, of helpers.

const ROOT = join(process.cwd(), 'lib', 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The text between the parenthesis at `open` and its match. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return '';
}

/** Top-level parameters only: a callback's own `(scope: EmployerScope)` is not the function's. */
function parameters(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i];
    if (c === '(' || c === '{' || c === '[' || c === '<') depth += 1;
    else if (c === ')' || c === '}' || c === ']' || (c === '>' && list[i - 1] !== '=')) depth -= 1;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((p) => p.trim()).filter(Boolean);
}

const EXPORTED =
  /export\s+(?:async\s+)?function\s+(\w+)\s*(?:<[^(]*?>)?\s*\(|export\s+const\s+(\w+)\s*=\s*(?:async\s*)?\(/g;

/** Every exported function of lib/server taking `scope: EmployerScope`, with its file. */
function scopedFunctions(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const file of sourceFiles(ROOT)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(EXPORTED)) {
      const name = match[1] ?? match[2]!;
      const params = parameters(balanced(text, match.index + match[0].length - 1));
      if (params.some((p) => /^scope\??\s*:\s*EmployerScope$/.test(p)))
        found.push({ name, file: relative(process.cwd(), file) });
    }
  }
  return found;
}

describe('the list of scoped use cases (tests/integration/access/scoped-use-cases.ts)', () => {
  const found = scopedFunctions();
  const listed = Object.keys(SCOPED_USE_CASES);
  const helpers = Object.keys(SCOPED_HELPERS);

  it('finds the scoped functions of lib/server (the scan works)', () => {
    expect(found.map((f) => f.name)).toEqual(
      expect.arrayContaining(['getReport', 'revokeAuthority', 'getReceipt', 'loadReportContext']),
    );
    expect(found.map((f) => f.name)).not.toContain('employerAction');
  });

  it('names every exported function taking a scope, as a use case or a helper', () => {
    const missing = found.filter((f) => !listed.includes(f.name) && !helpers.includes(f.name));
    expect(missing, 'add these to SCOPED_USE_CASES (or, with a reason, to SCOPED_HELPERS)').toEqual(
      [],
    );
  });

  it('names nothing that is no longer there, and each name once', () => {
    const names = found.map((f) => f.name);
    expect([...listed, ...helpers].filter((n) => !names.includes(n))).toEqual([]);
    expect(listed.filter((n) => helpers.includes(n))).toEqual([]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('keys each entry by the name of the function it calls', () => {
    for (const [name, entry] of Object.entries(SCOPED_USE_CASES))
      expect(entry.useCase.name, name).toBe(name);
  });
});
