import { createHash } from 'node:crypto';

/*
 * Canonical JSON in the spirit of RFC 8785 (JCS), restricted to the values our documents hold.
 * A signed document is stored as this text and its SHA-256 is what the holder signs, so the same
 * logical document must always yield the same bytes, whatever order its keys were built in.
 *
 * Restrictions (all throw TypeError, since every input is built by our own code):
 * - numbers must be safe integers: money is integer qəpik (DOMAIN §1), and refusing fractions
 *   sidesteps JCS's ECMAScript float serialisation, which other languages rarely reproduce;
 * - bigint is refused rather than encoded as a string, so 5n and "5" can never hash alike;
 * - undefined, functions and symbols are refused, also as object values: JSON.stringify would drop
 *   them silently and a field that vanished from a signed document must be a bug, not a default;
 * - only plain objects and arrays: a Date, Map or class instance must be converted by the caller
 *   (e.g. `toISOString()`), so nothing depends on a hidden toJSON;
 * - strings must be well-formed UTF-16 (no lone surrogates), as JCS requires.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function encodeString(value: string, path: string): string {
  if (LONE_SURROGATE.test(value)) {
    throw new TypeError(`canonicalJson: lone surrogate in string at ${path}`);
  }
  // For well-formed strings JSON.stringify escapes exactly as JCS does (short escapes, lower-case \u00xx).
  return JSON.stringify(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function encode(value: unknown, path: string, stack: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return encodeString(value, path);
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`canonicalJson: ${path} must be a safe integer, got ${String(value)}`);
      }
      // Template literal turns -0 into "0", as JCS requires.
      return `${value}`;
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${path} has unsupported type ${typeof value}`);
  }

  if (stack.has(value)) throw new TypeError(`canonicalJson: cycle at ${path}`);
  stack.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i += 1) {
        // Index access (not map) so that holes in sparse arrays are seen and refused as undefined.
        items.push(encode(value[i], `${path}[${i}]`, stack));
      }
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new TypeError(`canonicalJson: ${path} is a ${name}, only plain objects are allowed`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new TypeError(`canonicalJson: ${path} has symbol keys`);
    }
    // Array.prototype.sort without a comparator orders by UTF-16 code units: the JCS key order.
    const keys = Object.keys(value).sort();
    const members = keys.map(
      (key) => `${encodeString(key, path)}:${encode(value[key], `${path}.${key}`, stack)}`,
    );
    return `{${members.join(',')}}`;
  } finally {
    stack.delete(value);
  }
}

/**
 * Deterministic JSON text of `value`: keys sorted by UTF-16 code units, no whitespace, integers
 * only. Throws TypeError for anything outside that subset (see the module comment).
 * SPEC C5 (signed documents), DOMAIN §10.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, '$', new Set());
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. DOMAIN §10. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * SHA-256 (hex) of the canonical JSON of a document: what a signing session holds and the holder
 * signs. SPEC C5, DOMAIN §10.
 */
export function documentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
