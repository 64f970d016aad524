import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

describe('database start failures say what failed and what to do, in one line', () => {
  it('an unreachable DATABASE_URL', async () => {
    const error = await failureOf(
      openDatabase({ engine: 'postgres', url: 'postgres://postgres:secret@127.0.0.1:1/nowhere' }),
    );
    expect(error?.name).toBe('DatabaseStartupError');
    expect(error?.message).toMatch(/PostgreSQL at .* is unreachable/);
    expect(error?.message).toContain('DATABASE_URL');
    expect(error?.message).not.toContain('secret');
    expect(error?.message).not.toContain('\n');
  });

  it('a second process on the same embedded database directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hesabat-lock-'));
    // Another live process holds the lock (a sleeping child stands in for a running server).
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'hesabat.lock'), String(holder.pid));
      const error = await failureOf(openDatabase({ engine: 'pglite', dir }));
      expect(error?.name).toBe('DatabaseStartupError');
      expect(error?.message).toContain(`already in use by process ${holder.pid}`);
    } finally {
      holder.kill();
    }
  });

  it('a lock left by a dead process is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hesabat-stale-'));
    writeFileSync(join(dir, 'hesabat.lock'), '999999');
    const database = await openDatabase({ engine: 'pglite', dir });
    await database.close();
  });

  it('a corrupt embedded database directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hesabat-corrupt-'));
    writeFileSync(join(dir, 'PG_VERSION'), 'not a version\n');
    writeFileSync(join(dir, 'postgresql.conf'), '\u0000\u0001garbage');
    const error = await failureOf(openDatabase({ engine: 'pglite', dir }));
    expect(error?.name).toBe('DatabaseStartupError');
    expect(error?.message).toContain('could not be opened');
    expect(error?.message).toContain('db:reset');
  });
});
