// Whether a server action's body is one React's decoder (decodeReply) can read. Next hands the
// body to it and runs the action with what comes out; a body no browser sends — arguments that
// are not an array, a reference to a part that is not there, a bigint that is not a number —
// throws inside the decoder or at `action.apply`, and Next answers 500. Our forms and clients
// send plain JSON values (React escapes a string starting with '$' as '$$'), FormData and files.

const LITERALS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);

/** A chunk of the reply is a multipart field named by a hex id; '0' is the root. */
type Parts = { has(id: string): boolean; json(id: string): unknown; isFile(id: string): boolean };

const MAX_DEPTH = 64;
const UNREADABLE = Symbol('unreadable');

function readable(value: unknown, parts: Parts, seen: Set<string>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return readableString(value, parts, seen, depth);
  if (typeof value !== 'object' || value === null) return true;
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return items.every((item) => readable(item, parts, seen, depth + 1));
}

function readableString(text: string, parts: Parts, seen: Set<string>, depth: number): boolean {
  if (!text.startsWith('$') || text.startsWith('$$') || LITERALS.has(text)) return true;
  const tag = text[1] ?? '';
  if (tag === 'D' || tag === 'T') return true; // a date (an invalid one is only invalid), a temporary reference
  if (tag === 'n') return /^-?\d{1,400}$/.test(text.slice(2)); // BigInt('x') throws
  if (tag === 'K') return /^[0-9a-f]+$/.test(text.slice(2)); // FormData: the fields '<id>_…', maybe none
  if (tag === 'B') return parts.isFile(text.slice(2)); // a Blob: its part must be a file
  // '$<id>', '$<id>:path' (a repeated object) and '$@<id>' (a promise) need the part they name.
  const reference = /^\$@?([0-9a-f]+)(?::[^:]+)*$/.exec(text);
  if (!reference) return false;
  const id = reference[1]!;
  if (!parts.has(id)) return false;
  if (seen.has(id)) return true;
  seen.add(id);
  const model = parts.json(id);
  return model !== UNREADABLE && readable(model, parts, seen, depth + 1);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A text body (`Content-Type: text/plain`): the JSON array of the arguments, nothing else. */
export function isReadableTextReply(body: string): boolean {
  const root = parseJson(body);
  if (!root.ok || !Array.isArray(root.value)) return false;
  const parts: Parts = { has: (id) => id === '0', json: () => root.value, isFile: () => false };
  return readable(root.value, parts, new Set(['0']), 0);
}

/** A multipart body: the root part '0' holds the arguments; references name other parts. */
export function isReadableMultipartReply(form: FormData): boolean {
  const root = form.get('0');
  if (typeof root !== 'string') return false;
  const parsed = parseJson(root);
  if (!parsed.ok || !Array.isArray(parsed.value)) return false;
  const parts: Parts = {
    has: (id) => typeof form.get(id) === 'string',
    json: (id) => {
      const part = parseJson(String(form.get(id)));
      return part.ok ? part.value : UNREADABLE;
    },
    isFile: (id) => form.get(id) instanceof Blob,
  };
  return readable(parsed.value, parts, new Set(['0']), 0);
}
