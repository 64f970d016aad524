/** The next due dates with the holidays in force now (issue 14 §11), so a change shows at once. */
export function DuePreview(props: {
  title: string;
  report: string;
  reportDate: string;
  reportIso: string;
  contribution: string;
  contributionDate: string;
}) {
  return (
    <section aria-labelledby="due-preview-title" className="mt-8">
      <h2 id="due-preview-title" className="text-xl font-bold">
        {props.title}
      </h2>
      <dl className="mt-2 grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        <dt>{props.report}</dt>
        <dd data-testid="next-report-due" data-date={props.reportIso} className="font-semibold">
          {props.reportDate}
        </dd>
        <dt>{props.contribution}</dt>
        <dd data-testid="next-contribution-due" className="font-semibold">
          {props.contributionDate}
        </dd>
      </dl>
    </section>
  );
}
