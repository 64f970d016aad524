/** A polite announcement after an add, edit or remove succeeded. */
export function StatusMessage({ text }: { text: string | null }) {
  return (
    <p
      role="status"
      className={text ? 'mb-4 rounded-md bg-success-50 p-3 text-success' : 'sr-only'}
      data-testid="money-status"
    >
      {text ?? ''}
    </p>
  );
}
