import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seed } from '@/db/seed';
import { importPersons, INSERT_BATCH } from '@/lib/server/reports/import/import-persons';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// A validator that lets a duplicate FIN through after the first batches (of large imports), standing in for a FIN
// another session inserted between validation and writing: only the primary key can stop it.
vi.mock('@/lib/server/reports/import/validate-person-rows', async (importOriginal) => {
  const original =
    await importOriginal<typeof import('@/lib/server/reports/import/validate-person-rows')>();
  return {
    ...original,
    validatePersonRows: async (...args: Parameters<typeof original.validatePersonRows>) => {
      const result = await original.validatePersonRows(...args);
      const first = result.accepted[0];
      return first && result.accepted.length > 1000
        ? { ...result, accepted: [...result.accepted, { ...first, line: 99_999 }] }
        : result;
    },
  };
});

describe('import is all or nothing', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a primary-key failure in the last batch leaves the report exactly as it was', async () => {
    const kur = await reportsScope(database.db, 'kur', 'kur-director');
    const source = await insertDraftReport(database.db, {
      employerKey: 'kur',
      activityCode: '41.20',
    });
    await prefillPersonsFromRoster(database.db, kur, { reportId: source });
    const all = [];
    for (let page = 1; page <= 15; page += 1)
      all.push(
        ...(await listReportPersons(database.db, kur, { reportId: source, page, pageSize: 200 }))
          .rows,
      );
    expect(all).toHaveLength(3000);
    const json = all.map((r) => ({
      fin: r.fin,
      surname: r.surname,
      name: r.name,
      incomes: r.incomesQepik.map((q) => (q === null ? null : (q / 100).toFixed(2))),
    }));

    const target = await insertDraftReport(database.db, {
      employerKey: 'kur',
      activityCode: '41.20',
      quarter: 2,
    });
    await importPersons(database.db, kur, {
      reportId: target,
      mode: 'append',
      source: { kind: 'rows', rows: json.slice(0, 10) },
    });
    const progress: number[] = [];
    await expect(
      importPersons(
        database.db,
        kur,
        { reportId: target, mode: 'replace', source: { kind: 'rows', rows: json.slice(10) } },
        {
          onProgress: (p) => {
            if (p.stage === 'SAVE' && p.saved > 0) progress.push(p.saved);
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'PERSON_DUPLICATE' });
    // Every full batch went in before the last failed on the duplicate; all were rolled back,
    // and the 10 persons the replace had deleted are back.
    const fullBatches = Math.floor(2990 / INSERT_BATCH);
    expect(fullBatches).toBeGreaterThan(0);
    expect(progress).toEqual(Array.from({ length: fullBatches }, (_, i) => (i + 1) * INSERT_BATCH));
    const after = await listReportPersons(database.db, kur, { reportId: target, pageSize: 200 });
    expect(after.persons).toBe(10);
    expect(after.rows.map((r) => r.fin).sort()).toEqual(
      json
        .slice(0, 10)
        .map((r) => r.fin)
        .sort(),
    );
  });
});
