import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { firstPageServed } from '@/lib/server/dev/first-page-served';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A server answering /page with HTML, /missing with a 404 page and anything else with JSON. */
async function serve(): Promise<string> {
  server = createServer((request, response) => {
    const html = request.url !== '/json';
    response.statusCode = request.url === '/missing' ? 404 : 200;
    response.setHeader('content-type', html ? 'text/html; charset=utf-8' : 'application/json');
    response.end(html ? '<!doctype html><p>hi</p>' : '{}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const settledWithin = (promise: Promise<void>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
  ]);

// `npm run dev` migrates, seeds and files the demo history only after its first page is out.
describe('firstPageServed', () => {
  it('waits through JSON and error answers and settles on the first page sent', async () => {
    const origin = await serve();
    const served = firstPageServed(60_000);
    await (await fetch(`${origin}/json`)).text();
    await (await fetch(`${origin}/missing`)).text();
    expect(await settledWithin(served, 100)).toBe(false);
    await (await fetch(`${origin}/page`)).text();
    expect(await settledWithin(served, 1_000)).toBe(true);
  });

  it('settles after its time limit when nobody asks for a page', async () => {
    const served = firstPageServed(50);
    expect(await settledWithin(served, 20)).toBe(false);
    expect(await settledWithin(served, 1_000)).toBe(true);
  });
});
