import 'server-only';

// The loader lives in lib/server (issue 15: the wizard bench measures the pages' own reads).
export {
  loadWizardStep as loadStep,
  type LoadedStep,
} from '@/lib/server/reports/wizard/load-wizard-step';
