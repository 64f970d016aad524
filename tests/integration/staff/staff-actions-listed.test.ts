import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StaffMatrixCase } from './matrix-types';

// The staff matrix is only as complete as its cases: every server action app/admin exports
// (`export const x = …` in an actions.ts) must be a case of tests/integration/staff/matrix.

const modules = import.meta.glob<{ CASES: StaffMatrixCase[] }>('./matrix/*.ts', { eager: true });
const LISTED = new Set(Object.values(modules).flatMap((m) => m.CASES.map((c) => c.action)));

/**
 * Not matrix cases: the staff login's finishes are public (their refusal of a non-staff person is
 * tested in staff-login), and the sign-out needs Auth.js's own cookie, which only a browser has
 * (the e2e signs out).
 */
const PUBLIC = new Set([
  'finishStaffEsignLoginAction',
  'finishStaffAsanLoginAction',
  'staffSignOutAction',
]);

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(path);
    return /actions\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('staff actions', () => {
  it('are all in the access matrix', () => {
    const missing: string[] = [];
    for (const file of actionFiles(join(process.cwd(), 'app', 'admin'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^export const (\w+)\s*=/gm)) {
        const name = match[1]!;
        if (!PUBLIC.has(name) && !LISTED.has(name)) {
          missing.push(`${relative(process.cwd(), file)}: ${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
