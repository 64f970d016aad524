// `npm run bench`: runs every tests/bench/*.bench.ts in turn. Each file exports `run()`, which
// measures and prints its own figures. Benchmarks never assert on time; they report it.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run: () => Promise<void> };
  console.log(`\n== ${file} ==`);
  await mod.run();
}
