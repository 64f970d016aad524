// Reading the plain object tree fast-xml-parser returns, without `any`: every node is
// `unknown` and each helper checks the shape it needs.

type XmlObject = Readonly<Record<string, unknown>>;

function isObject(node: unknown): node is XmlObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** Every child element `name` (the parser is told which elements repeat; both shapes work). */
export function children(node: unknown, name: string): unknown[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first child element `name`, or undefined. */
export function child(node: unknown, name: string): unknown {
  return children(node, name)[0];
}

/** Follows a path of element names, taking the first of each. */
export function at(node: unknown, ...path: readonly string[]): unknown {
  return path.reduce<unknown>((current, name) => child(current, name), node);
}

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * Entity processing is off in the parser (no DOCTYPE is accepted at all), so the five
 * predefined XML entities and numeric character references are decoded here: they cannot
 * expand into more than one character each.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const codePoint =
          body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
      }
      return PREDEFINED[body] ?? whole;
    },
  );
}

/** The text content of an element (with or without attributes); null when absent. */
export function text(node: unknown): string | null {
  if (typeof node === 'string') return decodeEntities(node);
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (isObject(node)) {
    const inner = node['#text'];
    if (inner === undefined) return '';
    return text(inner);
  }
  return null;
}

/** An attribute of an element (the parser prefixes attribute names with '@_'). */
export function attribute(node: unknown, name: string): string | null {
  if (!isObject(node)) return null;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeEntities(value) : null;
}
