/**
 * The fields of `next` that differ from `before`, for PATCH bodies: unchanged fields stay out, so the audit log
 * shows what was really edited and a masked value (phone, ID card) is never sent back as if typed.
 */
export function changedFields<T extends object>(before: Partial<Record<keyof T, unknown>>, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key] ?? undefined)) out[key] = value;
  }
  return out;
}
