/** Login protection (issue 2): 5 failures lock the account for 15 minutes; 30 idle minutes end a session, and so do 12 hours since login. */
export const loginPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, touchEverySeconds: 60 } as const;

export const minutesLeft = (until: Date, now: Date): number => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export const isIdleExpired = (lastSeen: Date, now: Date, idleMinutes: number): boolean => now.getTime() - lastSeen.getTime() > idleMinutes * 60_000;

/** A session older than its absolute lifetime ends even when in constant use (a stolen cookie does not live forever). */
export const isPastLifetime = (createdAt: Date, now: Date, lifetimeHours: number): boolean => now.getTime() - createdAt.getTime() > lifetimeHours * 3_600_000;
