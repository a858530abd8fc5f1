export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { redactConsole } = await import("./lib/log");
  redactConsole();
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
