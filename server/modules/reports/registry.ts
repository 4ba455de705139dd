import { orgIndicators } from '../org/org.indicators.ts';
import type { Indicator } from './indicator.ts';

/** The one registry of indicators: dashboard, annual report, cross-town table and API all read from here. */
export const indicators: Indicator[] = [...orgIndicators];
