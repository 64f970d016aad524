import * as stepActions from '@/app/(employer)/reports/[reportId]/[step]/actions';
import * as moneyActions from '@/app/(employer)/reports/[reportId]/[step]/actions-money';
import * as personsActions from '@/app/(employer)/reports/[reportId]/[step]/actions-persons';
import * as newReportActions from '@/app/(employer)/reports/new/actions';
import * as viewActions from '@/app/(employer)/reports/[reportId]/view/actions';

// Every exported action of the report wizard's action files, by module and name, so the tests
// that iterate them reach a new action without being told.

export type WizardAction = (...args: unknown[]) => Promise<unknown>;

const MODULES: Record<string, Record<string, unknown>> = {
  step: stepActions,
  money: moneyActions,
  persons: personsActions,
  newReport: newReportActions,
  view: viewActions,
};

/** 'persons.addPersonAction' → the action, for every function the modules export. */
export const WIZARD_ACTIONS: ReadonlyMap<string, WizardAction> = new Map(
  Object.entries(MODULES).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, WizardAction] => typeof entry[1] === 'function')
      .map(([name, action]) => [`${module}.${name}`, action] as const),
  ),
);
