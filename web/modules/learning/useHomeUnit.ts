import { useCurrentMe } from '../../app/auth.tsx';

/** The unit new records default to: where the user coordinates learning (a town), else their first role's unit. */
export function useHomeUnit(): number | undefined {
  const me = useCurrentMe();
  return (me.grants.find((g) => g.role === 'coordinator') ?? me.grants[0])?.orgUnitId;
}
