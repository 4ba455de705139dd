// CI gate: the Node.js runtime the project runs on must still receive security fixes. Exit 1 past its end of life
// (or for a major line this table does not know: add it, with its date from https://github.com/nodejs/Release).
// `node scripts/check-runtime.ts` — run through npm, so on the project's own Node (node_modules/.bin/node).

/** End of life (last day of security support) per major line. */
export const nodeEndOfLife: Record<number, string> = {
  18: '2025-04-30',
  19: '2023-06-01',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
};

export type Verdict = { ok: boolean; message: string };

export function runtimeVerdict(version: string, today: string): Verdict {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const eol = nodeEndOfLife[major];
  if (!eol) return { ok: false, message: `Node ${version}: end-of-life date unknown — add major ${major} to scripts/check-runtime.ts` };
  if (today > eol) return { ok: false, message: `Node ${version} reached end of life on ${eol}: no more security fixes; move to a supported LTS` };
  const days = Math.round((Date.parse(eol) - Date.parse(today)) / 86_400_000);
  return { ok: true, message: `Node ${version} supported until ${eol}${days <= 180 ? ` (only ${days} days left: plan the upgrade)` : ''}` };
}

if (import.meta.main) {
  const v = runtimeVerdict(process.version, process.env.FAZHI_TODAY ?? new Date().toISOString().slice(0, 10));
  console.log(`${v.ok ? '✓' : '✗'} ${v.message}`);
  process.exit(v.ok ? 0 : 1);
}
