/** A polite announcement after an action succeeded; the live region exists before it speaks. */
export function StatusNote({ text, testId }: { text: string | null; testId?: string }) {
  return (
    <p
      role="status"
      className={text ? 'mb-4 rounded-md bg-success-50 p-3 font-semibold text-success' : 'sr-only'}
      data-testid={testId}
    >
      {text ?? ''}
    </p>
  );
}
