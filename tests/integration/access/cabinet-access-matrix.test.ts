import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportView } from '@/app/(employer)/cabinet/[view]/export/route';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { CabinetTable } from '@/lib/cabinet/table';
import { CABINET_VIEWS, type CabinetViewDefinition } from '@/lib/cabinet/views';
import type { IsoDate } from '@/lib/domain/calendar';
import type { EmployerScope } from '@/lib/server/access';
import { loadCabinetContext, type CabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { cabinetTablesLoader, type CabinetTablesMode } from '@/lib/server/cabinet/view-tables';
import { isAppError } from '@/lib/server/errors';
import { runWithRequestContext } from '@/lib/server/request-context';
import { asPerson, principalOf, useAsAppDatabase } from '../helpers/action-harness';
import { ensureDemoCertificates, insertAuthority } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import {
  buildCabinetWorld,
  CABINET_TODAY,
  CABINET_WORLD_AS_OF,
  type CabinetWorld,
} from './cabinet-world';

// The personal cabinet's part of the access matrix (issue 13, "one guard"): every view of the
// registry — its tables loader in both modes, view 8's list and person page, and the CSV/XLSX
// export route — called with one employer's scope and everything of another employer's a URL
// can name (its activity codes, its persons' FINs as person page, FIN filter and name, its
// payment ids, its employer id as sub-employer). The answer is NOT_FOUND or tables whose every
// row is one of the caller's own (the same row the caller gets with its own filters) and whose
// text holds none of the other employer's secrets. The pairs include the demo structure: Səbail
// rayon Təhsil Şöbəsi is the parent of schools 6 and 23 (employers.parent_employer_id), and a
// school sees neither its parent's nor its sibling's cabinet. Controls show the owners do get
// rows in every view, so a probe that answers nothing could have answered something.

const TODAY = CABINET_TODAY as IsoDate;
const KEYS = ['xezer', 'sebail-edu', 'school-6', 'school-23'] as const;
type Key = (typeof KEYS)[number];

/** [viewer, owner]: the viewer's scope probes the owner's codes, persons and ids. */
const PAIRS: readonly [Key, Key, string][] = [
  ['sebail-edu', 'xezer', 'an unrelated employer'],
  ['school-6', 'sebail-edu', 'a school, its parent'],
  ['school-23', 'sebail-edu', 'a school, its parent'],
  ['school-6', 'school-23', 'a school, its sibling'],
  ['school-23', 'school-6', 'a school, its sibling'],
  // Today a parent's own scope is its own employer too; a sub-employer scope is a separate grant.
  ['sebail-edu', 'school-6', 'the parent, one of its schools'],
];

const LOADED_VIEWS = CABINET_VIEWS.filter((v) => cabinetTablesLoader(v.id));
const MODES: readonly CabinetTablesMode[] = ['screen', 'export'];
/** Only view 8 reads the mode (a page of 50, or every row): the others are probed once. */
const modesOf = (view: CabinetViewDefinition): readonly CabinetTablesMode[] =>
  view.id === 'V8' ? MODES : ['screen'];
type Params = Record<string, string>;

/** The period filters (the world's data is 2025 Q3 and after): none, a year, a quarter, a month, a past date. */
const PERIODS: readonly Params[] = [
  {},
  { year: '2025' },
  { year: '2025', quarter: '3' },
  { year: '2025', month: '8' },
  { asOf: '2025-12-31' },
];
/** The probes try no filter and a quarter (view 8's two paths: totals table and entries). */
const PROBE_PERIODS: readonly Params[] = [{}, { year: '2025', quarter: '3' }];

type Outcome = { kind: 'not-found' } | { kind: 'tables'; tables: readonly CabinetTable[] };

/** A row as the viewer would see it: view, table, key and cells (links echo the request). */
function fingerprints(view: string, tables: readonly CabinetTable[]): string[] {
  return tables.flatMap((t) =>
    t.rows.map((r) => `${view}|${t.id}|${r.key}|${JSON.stringify(r.cells)}`),
  );
}

/** The answer's text without what only echoes the request (links carry the URL's own FIN). */
function answerText(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'href' || key === 'previousHref' || key === 'nextHref' || key === 'query'
      ? undefined
      : v,
  );
}

describe('access matrix of the personal cabinet: every view, another employer’s codes and ids', () => {
  let database: TestDatabase;
  let db: Db;
  const worlds = {} as Record<Key, CabinetWorld>;
  /** Every row each employer sees of its own, over its codes, periods and both modes. */
  const own = {} as Record<Key, Set<string>>;
  const figures = { probes: 0, notFound: 0, rowsSeen: 0 };

  beforeAll(async () => {
    vi.stubEnv('HESABAT_NOW', CABINET_WORLD_AS_OF.toISOString());
    database = await createTestDatabase();
    db = database.db;
    await seed(db);
    await ensureDemoCertificates(db);
    for (const key of KEYS) worlds[key] = await buildCabinetWorld(db, key);
    useAsAppDatabase(database);
    for (const key of KEYS) own[key] = await ownRows(worlds[key]);
  }, 600_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
  });

  async function load(
    scope: EmployerScope,
    view: CabinetViewDefinition,
    params: Params,
    mode: CabinetTablesMode,
  ): Promise<Outcome> {
    const { query } = parseCabinetQuery(params, TODAY);
    try {
      return await runWithRequestContext({ principal: null, locale: 'az' }, async () => {
        const context = await loadCabinetContext(db, scope, query);
        const loader = cabinetTablesLoader(view.id)!;
        return { kind: 'tables', tables: await loader(db, context, mode) };
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return { kind: 'not-found' };
      throw error;
    }
  }

  /** The employer's own codes (and none) × periods, plus view 8's person pages. */
  function ownParams(world: CabinetWorld, view: CabinetViewDefinition): Params[] {
    const codes: (string | null)[] = [null, ...world.codes];
    return codes.flatMap((code) =>
      PERIODS.flatMap((period) => {
        const base: Params = { ...(code ? { code } : {}), ...period };
        const persons = code && view.id === 'V8' ? (world.fins[code] ?? []).slice(0, 2) : [];
        return [base, ...persons.map((person) => ({ ...base, person }))];
      }),
    );
  }

  async function ownRows(world: CabinetWorld): Promise<Set<string>> {
    const rows = new Set<string>();
    for (const view of LOADED_VIEWS)
      for (const params of ownParams(world, view))
        for (const mode of modesOf(view)) {
          const outcome = await load(world.scope.REPORTS, view, params, mode);
          if (outcome.kind === 'tables')
            for (const f of fingerprints(view.id, outcome.tables)) rows.add(f);
        }
    return rows;
  }

  /** The owner's FINs the viewer never reported (a FIN both reported is the viewer's too). */
  function foreignFins(viewer: CabinetWorld, owner: CabinetWorld): string[] {
    const mine = new Set(Object.values(viewer.fins).flat());
    return [...new Set(Object.values(owner.fins).flat())].filter((f) => !mine.has(f)).slice(0, 2);
  }

  /** The owner's secrets that are not also the viewer's (two employers may share a name). */
  function secretsAgainst(viewer: CabinetWorld, owner: CabinetWorld): string[] {
    const mine = new Set(viewer.secrets);
    return owner.secrets.filter((s) => !mine.has(s) && !viewer.secrets.some((m) => m.includes(s)));
  }

  /** What a URL of the viewer's cabinet can name of the owner's. */
  function probes(viewer: CabinetWorld, owner: CabinetWorld): Params[] {
    const fins = foreignFins(viewer, owner);
    const names = fins.flatMap((fin) => {
      const found = owner.names[fin];
      return found ? [found.split(' ')[0]!.toLowerCase()] : [];
    });
    const codes = [...new Set([...owner.codes, ...viewer.codes])];
    const out: Params[] = [];
    for (const code of codes)
      for (const period of PROBE_PERIODS) {
        out.push({ code, ...period });
        for (const fin of fins) {
          out.push({ code, ...period, person: fin });
          out.push({ code, ...period, fin });
        }
        for (const name of names.slice(0, 1)) out.push({ code, ...period, name });
        for (const payment of owner.paymentIds) out.push({ code, ...period, payment });
        out.push({ code, ...period, sub: owner.employerId });
      }
    return out;
  }

  it('the owners see rows in every view with a loader (the probes can find something)', () => {
    for (const key of KEYS) {
      const seen = new Set([...own[key]].map((f) => f.split('|')[0]));
      expect(
        LOADED_VIEWS.map((v) => v.id).filter((id) => !seen.has(id)),
        `${key}: views without rows`,
      ).toEqual([]);
      expect(
        [...own[key]].some((f) => f.startsWith('V8|person-months|')),
        `${key}: a person page`,
      ).toBe(true);
    }
  });

  describe.each(PAIRS)('%s’s scope, %s’s codes and ids (%s)', (viewerKey, ownerKey) => {
    it.each(LOADED_VIEWS.map((v) => [v.id, v] as const))(
      'view %s: NOT_FOUND or only the viewer’s own rows, none of the owner’s text',
      async (_id, view) => {
        const viewer = worlds[viewerKey];
        const owner = worlds[ownerKey];
        const secrets = secretsAgainst(viewer, owner);
        expect(secrets.length).toBeGreaterThan(5);
        const strays: string[] = [];
        const leaks: string[] = [];
        for (const params of probes(viewer, owner))
          for (const mode of modesOf(view)) {
            const outcome = await load(viewer.scope.REPORTS, view, params, mode);
            figures.probes += 1;
            if (outcome.kind === 'not-found') {
              figures.notFound += 1;
              continue;
            }
            const label = `${view.id} ${mode} ${JSON.stringify(params)}`;
            for (const f of fingerprints(view.id, outcome.tables)) {
              figures.rowsSeen += 1;
              if (!own[viewerKey].has(f)) strays.push(`${label}: ${f}`);
            }
            const text = answerText(outcome.tables);
            const secret = secrets.find((s) => text.includes(s));
            if (secret) leaks.push(`${label} shows ${secret}`);
          }
        expect(leaks).toEqual([]);
        expect(strays.slice(0, 5)).toEqual([]);
      },
    );

    it('view 8: the owner’s person’s page is NOT_FOUND under the viewer’s own code', async () => {
      const viewer = worlds[viewerKey];
      const owner = worlds[ownerKey];
      const fins = foreignFins(viewer, owner);
      expect(fins.length).toBeGreaterThan(0);
      const v8 = CABINET_VIEWS.find((v) => v.id === 'V8')!;
      for (const code of viewer.codes)
        for (const person of fins)
          for (const period of PERIODS)
            expect(
              await load(viewer.scope.REPORTS, v8, { code, person, ...period }, 'screen'),
              `${code} ${person} ${JSON.stringify(period)}`,
            ).toEqual({ kind: 'not-found' });
    });

    it('the views without tables (1–3, 6): the context holds nothing of the owner’s', async () => {
      const viewer = worlds[viewerKey];
      const owner = worlds[ownerKey];
      const secrets = secretsAgainst(viewer, owner);
      for (const params of probes(viewer, owner)) {
        const { query } = parseCabinetQuery(params, TODAY);
        const context = await loadCabinetContext(db, viewer.scope.REPORTS, query);
        expect(context.employer.id).toBe(viewer.employerId);
        expect(context.codes.map((c) => c.code)).toEqual([...viewer.codes].sort());
        if (context.code) expect(viewer.codes).toContain(context.code.code);
        // "Alt təşkilatların ödənişləri" (E5): a parent's context names the employers below it,
        // and only those; a school's and an unrelated employer's name none.
        const below =
          viewerKey === 'sebail-edu'
            ? [worlds['school-6'].employerId, worlds['school-23'].employerId]
            : [];
        expect(context.subEmployers.map((s) => s.id).sort()).toEqual([...below].sort());
        const text = answerText({ ...context, codeNotRegistered: null, subEmployers: [] });
        expect(secrets.find((s) => text.includes(s))).toBeUndefined();
      }
    });
  });

  it('refuses a scope of another service in the context and in every loader', async () => {
    const world = worlds['school-6'];
    const { query } = parseCabinetQuery({ code: world.codes[0]! }, TODAY);
    const context: CabinetContext = await loadCabinetContext(db, world.scope.REPORTS, query);
    for (const service of ['AUTHORITIES', 'EMPLOYER_DATA'] as const) {
      const scope = world.scope[service];
      await expect(loadCabinetContext(db, scope, query), service).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      for (const view of LOADED_VIEWS)
        for (const mode of MODES)
          await expect(
            runWithRequestContext({ principal: null, locale: 'az' }, () =>
              cabinetTablesLoader(view.id)!(db, { ...context, scope }, mode),
            ),
            `${view.id} ${mode} ${service}`,
          ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  describe('the export route (CSV and XLSX) of every exportable view', () => {
    const EXPORTABLE = CABINET_VIEWS.filter((v) => v.exportable);

    type Download = { status: number; text: string };

    async function download(
      who: ReturnType<typeof principalOf>,
      view: CabinetViewDefinition,
      params: Params,
      format: 'csv' | 'xlsx',
    ): Promise<Download> {
      const search = new URLSearchParams({ ...params, format });
      const request = new Request(`http://localhost/cabinet/${view.slug}/export?${search}`);
      try {
        const response = await asPerson(who, () =>
          exportView(request, { params: Promise.resolve({ view: view.slug }) }),
        );
        const data = Buffer.from(await response.arrayBuffer());
        if (format === 'csv' || response.status !== 200)
          return { status: response.status, text: data.toString('utf8') };
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(data as unknown as ArrayBuffer);
        const cells: string[] = [];
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
        );
        return { status: 200, text: cells.join('\n') };
      } catch (error) {
        const digest = String((error as { digest?: unknown }).digest ?? '');
        if (digest.includes('404') || digest === 'NEXT_NOT_FOUND') return { status: 404, text: '' };
        if (digest.startsWith('NEXT_REDIRECT')) return { status: 307, text: digest };
        throw error;
      }
    }

    it('the owner downloads rows of their own (the control: the secrets can be found)', async () => {
      const owner = worlds['sebail-edu'];
      const who = principalOf('school-director', 'sebail-edu');
      for (const view of EXPORTABLE) {
        const got = await download(who, view, { code: owner.codes[0]! }, 'csv');
        expect(got.status, view.slug).toBe(200);
        expect(
          owner.secrets.some((s) => got.text.includes(s)),
          `${view.slug} shows something of the owner's`,
        ).toBe(true);
      }
    });

    it.each(PAIRS.filter(([viewer]) => viewer.startsWith('school')))(
      '%s’s download with %s’s codes and ids: 404 or none of it',
      async (viewerKey, ownerKey) => {
        const viewer = worlds[viewerKey];
        const owner = worlds[ownerKey];
        const who = principalOf('school-director', viewerKey);
        const secrets = secretsAgainst(viewer, owner);
        const fins = foreignFins(viewer, owner);
        const codes = [...new Set([...owner.codes, ...viewer.codes])];
        // The loaders are probed above with every id; the route once with each kind of id.
        const [fin] = fins;
        const cases = codes.flatMap((code): Params[] => [
          { code },
          { code, year: '2025', quarter: '3' },
          { code, person: fin! },
          { code, fin: fin! },
          { code, payment: owner.paymentIds[0]! },
          { code, sub: owner.employerId },
        ]);
        const leaks: string[] = [];
        let downloads = 0;
        for (const view of EXPORTABLE)
          for (const [i, params] of cases.entries())
            for (const format of i < 2 ? (['csv', 'xlsx'] as const) : (['csv'] as const)) {
              const got = await download(who, view, params, format);
              expect([200, 404], `${view.slug} ${JSON.stringify(params)}`).toContain(got.status);
              if (got.status === 200) downloads += 1;
              const secret = secrets.find((s) => got.text.includes(s));
              if (secret) leaks.push(`${view.slug} ${format} ${JSON.stringify(params)}: ${secret}`);
            }
        expect(downloads).toBeGreaterThan(0);
        expect(leaks).toEqual([]);
      },
    );

    it('no download without a live REPORTS authority for the chosen employer', async () => {
      const school = seedEmployer('school-6');
      // An authority for another service only, and a REPORTS authority that has ended.
      await insertAuthority(db, {
        employerId: school.id,
        holderKey: 'free-person',
        service: 'EMPLOYER_DATA',
      });
      await insertAuthority(db, {
        employerId: school.id,
        holderKey: 'kur-accountant',
        service: 'REPORTS',
        validTo: '2025-12-31',
      });
      const code = worlds['school-6'].codes[0]!;
      for (const holder of ['free-person', 'kur-accountant', 'xezer-accountant'])
        for (const view of EXPORTABLE) {
          const got = await download(principalOf(holder, 'school-6'), view, { code }, 'csv');
          expect(got.status, `${holder} ${view.slug}`).toBe(404);
          expect(worlds['school-6'].secrets.find((s) => got.text.includes(s))).toBeUndefined();
        }
    });
  });

  it('counted its probes', () => {
    console.info(
      `cabinet access matrix: ${figures.probes} loader probes, ${figures.notFound} NOT_FOUND, ${figures.rowsSeen} rows seen, all the viewer's own`,
    );
    expect(figures.probes).toBeGreaterThan(500);
  });
});
