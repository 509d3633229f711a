/**
 * Preloaded into a server process for the memory measurement only (node --expose-gc --import):
 * a full collection every second, so RSS read from outside reflects live memory, not garbage that
 * happens not to have been collected yet. The app's code is unchanged.
 */
const collect = (globalThis as { gc?: () => void }).gc;
if (collect) setInterval(() => collect(), 1000).unref();
export {};
