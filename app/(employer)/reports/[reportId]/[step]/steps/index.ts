import type { ReactNode } from 'react';
import type { StepId } from '@/lib/report-wizard/steps';
import { StepF10 } from './money/f10';
import { StepF11 } from './money/f11';
import { StepF12 } from './money/f12';
import { StepF13 } from './money/f13';
import { StepF14 } from './money/f14';
import { StepF15 } from './money/f15';
import { StepF16 } from './money/f16';
import { StepF17 } from './money/f17';
import { StepF4 } from './money/f4';
import { StepF5 } from './money/f5';
import { StepF6 } from './money/f6';
import { StepF8 } from './money/f8';
import { StepF9 } from './money/f9';
import { StepF19 } from './persons/f19';
import { StepF20 } from './persons/f20';
import { StepF21 } from './persons/f21';
import { StepF22 } from './persons/f22';
import { StepF23 } from './persons/f23';
import { StepF24 } from './persons/f24';
import { StepF25 } from './persons/f25';
import { StepREVIEW } from './persons/review';
import type { StepProps } from './step-props';

/** The body of each step; F7 and F18 are month forms rendered by step-body.tsx itself. */
export const STEP_BODIES: Partial<Record<StepId, (props: StepProps) => Promise<ReactNode>>> = {
  F4: StepF4,
  F5: StepF5,
  F6: StepF6,
  F8: StepF8,
  F9: StepF9,
  F10: StepF10,
  F11: StepF11,
  F12: StepF12,
  F13: StepF13,
  F14: StepF14,
  F15: StepF15,
  F16: StepF16,
  F17: StepF17,
  F19: StepF19,
  F20: StepF20,
  F21: StepF21,
  F22: StepF22,
  F23: StepF23,
  F24: StepF24,
  F25: StepF25,
  REVIEW: StepREVIEW,
};
