import type { Ctx } from '../../platform/context.ts';
import { loadCounselDemo } from './counsel.ts';
import { loadEnforcementDemo } from './enforcement.ts';
import { loadLearningDemo } from './learning.ts';
import { loadMediationDemo } from './mediation.ts';
import { loadPublicityDemo } from './publicity.ts';
import { loadVillagesDemo } from './villages.ts';

/** Org unit ids of the demo town by name (乌苏市, 四棵树镇, its villages and departments). */
export type DemoUnits = Map<string, number>;
export type DemoLoader = (ctx: Ctx, units: DemoUnits) => Promise<void>;

/**
 * Each business module's demo data (the seed report's 2024 records), loaded after the town and its users,
 * through the module's own services so that every figure the report shows is computed from these records.
 */
export const moduleDemos: DemoLoader[] = [loadMediationDemo, loadLearningDemo, loadVillagesDemo, loadPublicityDemo, loadCounselDemo, loadEnforcementDemo];
