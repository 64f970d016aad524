import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 11 §6: one Principal, and components import the server's exported types instead of
// declaring twins of them.

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const exportedTypes = (text: string) =>
  [...text.matchAll(/export (?:type|interface) (\w+)/g)].map((m) => m[1] as string);

describe('server types are declared once (issue 11 §6)', () => {
  it('one Principal, in lib/server/principal.ts (the JWT carries it as it is)', () => {
    const declaring = ['app', 'components', 'lib', 'auth']
      .flatMap(sources)
      .filter((file) => /\btype (Principal|SessionIdentity)\b\s*=/.test(read(file)));
    expect(declaring).toEqual(['lib/server/principal.ts']);
  });

  it('no components/**/types.ts declares a type the server exports', () => {
    const server = new Set(sources('lib/server').flatMap((file) => exportedTypes(read(file))));
    const mirrored = sources('components')
      .filter((file) => file.endsWith('/types.ts'))
      // The report wizard's action types are the wizard branch's to replace (issue 11 §1).
      .filter((file) => file !== 'components/report-wizard/types.ts')
      .flatMap((file) => exportedTypes(read(file)).map((name) => `${file}: ${name}`))
      .filter((entry) => server.has(entry.split(': ')[1] as string));
    expect(mirrored).toEqual([]);
  });
});
