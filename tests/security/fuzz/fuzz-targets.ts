import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// What the fuzz aims at, read from the build (`next build` writes both manifests), so a new page,
// route handler or server action is fuzzed without editing the test.

export type RouteTarget = { pattern: string; kind: 'page' | 'route' };
export type ActionTarget = { id: string; name: string; page: string };

const NEXT = join(process.cwd(), '.next', 'server');

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(join(NEXT, file), 'utf8')) as T;
  } catch {
    throw new Error(`No ${file} in .next/server: run \`npm run build\` first.`);
  }
}

/** '/(employer)/reports/[reportId]/[step]/page' → '/reports/[reportId]/[step]'. */
function urlPattern(appPath: string): string {
  const path = appPath
    .replace(/\/(page|route)$/, '')
    .split('/')
    .filter((s) => s !== '' && !/^\(.*\)$/.test(s))
    .join('/');
  return `/${path}`;
}

export function fuzzTargets(): { routes: RouteTarget[]; actions: ActionTarget[] } {
  const appPaths = readJson<Record<string, string>>('app-paths-manifest.json');
  const routes = Object.keys(appPaths)
    .filter((p) => !p.startsWith('/_'))
    .map(
      (p) => ({ pattern: urlPattern(p), kind: p.endsWith('/route') ? 'route' : 'page' }) as const,
    );
  const references = readJson<{
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  }>('server-reference-manifest.json');
  const actions = Object.entries(references.node).map(([id, entry]) => {
    // The first page whose bundle holds the action: Next runs an action posted to that page.
    const worker = Object.keys(entry.workers)[0] ?? 'app/page';
    return {
      id,
      name: entry.exportedName ?? id,
      page: urlPattern(worker.replace(/^app/, '')),
    };
  });
  return { routes, actions };
}
