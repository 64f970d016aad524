import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '@/lib/server/reports/create-report';
import { parseRegistryCriteria } from '@/lib/server/reports/registry/registry-criteria';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import type { TestDatabase } from '../helpers/test-database';
import { AS_OF, scopeOf, seededDatabase } from './report-fixtures';

// The reports module home lists the newest reports through the registry search's defaults.
const listReports = async (...args: [TestDatabase['db'], Parameters<typeof searchReports>[1]]) =>
  (await searchReports(args[0], args[1], parseRegistryCriteria({}).criteria)).rows;

describe('reports module home: the newest reports (registry defaults)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await seededDatabase();
  });
  afterAll(async () => database?.close());

  it("lists the employer's own drafts, newest period first, and never another employer's", async () => {
    const xezer = await scopeOf(database.db, 'xezer');
    const kur = await scopeOf(database.db, 'kur');
    await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 2, activityCode: '62.01' },
      AS_OF,
    );
    await createReport(
      database.db,
      xezer,
      { reportType: 'INITIAL', year: 2025, quarter: 3, activityCode: '47.41' },
      AS_OF,
    );
    const rows = await listReports(database.db, xezer);
    expect(rows.map((r) => `${r.year}Q${r.quarter} ${r.activityCode} ${r.status}`)).toEqual([
      '2025Q3 47.41 DRAFT',
      '2025Q2 62.01 DRAFT',
    ]);
    expect(await listReports(database.db, kur)).toEqual([]);
  });
});
