import { roleCapabilities } from '../../../domain/platform/roles.ts';
import { useCurrentMe } from '../../app/auth.tsx';
import { useOrgUnits } from '../org/useOrgUnits.ts';

/**
 * Whether the user writes villages from above a village (the town's 司法所): only they record 推荐、命名、撤销注销 and
 * the 复核 conclusion. A village cadre records the 申报 and the self-assessment. The server checks again.
 */
export function useTownLevel(): boolean {
  const me = useCurrentMe();
  const { byId } = useOrgUnits();
  return me.grants.some((g) => {
    if (!roleCapabilities[g.role].includes('villages.write')) return false;
    const kind = byId.get(g.orgUnitId)?.kind;
    return kind !== undefined && kind !== 'village' && kind !== 'community';
  });
}
