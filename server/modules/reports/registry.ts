import { counselIndicators } from '../counsel/counsel.indicators.ts';
import { enforcementIndicators } from '../enforcement/enforcement.indicators.ts';
import { learningIndicators } from '../learning/learning.indicators.ts';
import { mediationIndicators } from '../mediation/mediation.indicators.ts';
import { orgIndicators } from '../org/org.indicators.ts';
import { publicityIndicators } from '../publicity/publicity.indicators.ts';
import { villagesIndicators } from '../villages/villages.indicators.ts';
import type { Indicator } from './indicator.ts';

/** The one registry of indicators: dashboard, annual report, cross-town table and API all read from here. */
export const indicators: Indicator[] = [
  ...orgIndicators,
  ...learningIndicators,
  ...villagesIndicators,
  ...enforcementIndicators,
  ...publicityIndicators,
  ...mediationIndicators,
  ...counselIndicators,
];
