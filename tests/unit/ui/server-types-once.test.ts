import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from '../source-files';

// Issue 11 §6: one Principal, and components import the server's exported types instead of
// declaring twins of them.

const exportedTypes = (text: string) =>
  [...text.matchAll(/export (?:type|interface) (\w+)/g)].map((m) => m[1] as string);

describe('server types are declared once (issue 11 §6)', () => {
  it('one Principal, in lib/server/principal.ts (the JWT carries it as it is)', () => {
    const declaring = ['app', 'components', 'lib', 'auth']
      .flatMap(sourceFiles)
      .filter((file) => /\btype (Principal|SessionIdentity)\b\s*=/.test(readSource(file)));
    expect(declaring).toEqual(['lib/server/principal.ts']);
  });

  it('no components/**/types.ts declares a type the server exports', () => {
    const server = new Set(
      sourceFiles('lib/server').flatMap((file) => exportedTypes(readSource(file))),
    );
    const mirrored = sourceFiles('components')
      .filter((file) => file.endsWith('/types.ts'))
      // The report wizard's action types are the wizard branch's to replace (issue 11 §1).
      .filter((file) => file !== 'components/report-wizard/types.ts')
      .flatMap((file) => exportedTypes(readSource(file)).map((name) => `${file}: ${name}`))
      .filter((entry) => server.has(entry.split(': ')[1] as string));
    expect(mirrored).toEqual([]);
  });
});
