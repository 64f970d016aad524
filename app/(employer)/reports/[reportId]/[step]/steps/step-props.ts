import type { LoadedStep } from '../load-step';

/** What every step body receives from the wizard page. */
export type StepProps = {
  loaded: LoadedStep;
  locale: 'az' | 'en';
  query: Record<string, string | undefined>;
};
