// Loaded first by timezone-probe.ts: test/support/db.ts reads jest's describe when it loads, and
// outside jest there is none.
const g = globalThis as unknown as { describe?: unknown };
g.describe ??= Object.assign(() => undefined, { skip: () => undefined });
export {};
