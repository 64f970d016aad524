/** Label–value rows of a details view (views 1–3). */
export function DetailList({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <dl className="divide-y divide-line" data-testid={testId}>
      {rows.map(([label, value], i) => (
        <div key={`${i}-${label}`} className="grid gap-1 py-3 sm:grid-cols-[14rem_1fr]">
          <dt className="font-semibold">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
