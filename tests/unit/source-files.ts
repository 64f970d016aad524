import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The repository's TypeScript sources, for the tests that check where things are declared.

const ROOT = path.resolve(__dirname, '../..');

/** Every .ts/.tsx file below `dir` (relative to the repository root), as relative paths. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

export function readSource(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}
