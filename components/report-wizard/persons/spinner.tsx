/** A small busy indicator; the words beside it carry the meaning for screen readers. */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-5 w-5 animate-spin rounded-full border-2 border-brand-600 border-t-transparent align-middle"
    />
  );
}
