// `npm run bench first-load` (issue 15 §2): the JavaScript a browser loads before a page is
// interactive — the framework's main files plus every chunk the route's segments (root layout,
// group layouts, the page, error and not-found boundaries) name in the client reference
// manifest — gzip-compressed, in KiB. Reads the output of `npm run build`, which must run first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';

const NEXT = path.resolve(process.cwd(), '.next');
const ROUTES: { label: string; segment: string }[] = [
  { label: '/login', segment: '(public)/login' },
  { label: '/reports/[reportId]/[step]', segment: '(employer)/reports/[reportId]/[step]' },
  { label: '/reports/registry', segment: '(employer)/reports/registry' },
  { label: '/home', segment: '(employer)/home' },
  { label: '/cabinet/[view]', segment: '(employer)/cabinet/[view]' },
  { label: '/admin', segment: 'admin/(dashboard)' },
];

type Manifest = { entryJSFiles: Record<string, string[]> };

function routeManifest(segment: string): Manifest {
  const file = path.join(NEXT, 'server', 'app', segment, 'page_client-reference-manifest.js');
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, Manifest> } };
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`first-load: no client manifest in ${file}`);
  return manifest;
}

const gzipped = new Map<string, number>();
function gzipBytes(file: string): number {
  const known = gzipped.get(file);
  if (known !== undefined) return known;
  const size = gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length;
  gzipped.set(file, size);
  return size;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export async function run(): Promise<void> {
  if (!existsSync(path.join(NEXT, 'build-manifest.json')))
    throw new Error('first-load: no .next build here — run `npm run build` first');
  const build = JSON.parse(readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const framework = build.rootMainFiles.reduce((t, f) => t + gzipBytes(f), 0);
  console.log(`framework main files (every page): ${kib(framework)} KiB gzip`);
  console.log('route'.padEnd(32), 'first-load KiB gzip', '  of which the app’s own chunks');
  for (const { label, segment } of ROUTES) {
    const files = new Set(build.rootMainFiles);
    for (const chunks of Object.values(routeManifest(segment).entryJSFiles))
      for (const chunk of chunks) files.add(chunk);
    const total = [...files].reduce((t, f) => t + gzipBytes(f), 0);
    console.log(label.padEnd(32), kib(total).padStart(19), kib(total - framework).padStart(31));
  }
}
