/** A namespace of the catalogue: its texts, nested as next-intl reads them. */
type Namespaces = Record<string, unknown>;

/**
 * The named namespaces of a catalogue and nothing else, for a client subtree's provider. A name
 * the catalogue lacks is an error, not an empty namespace: the component would show its keys.
 */
export function pickNamespaces(messages: Namespaces, namespaces: readonly string[]): Namespaces {
  const picked: Namespaces = {};
  for (const namespace of namespaces) {
    if (!(namespace in messages))
      throw new Error(`pickNamespaces: no namespace "${namespace}" in the catalogue`);
    picked[namespace] = messages[namespace];
  }
  return picked;
}
