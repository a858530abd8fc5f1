export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { productionProblems, refusalMessage } = await import("./lib/production-settings");
  const problems = productionProblems(process.env);
  if (problems.length > 0) {
    console.error(refusalMessage(problems));
    // 78 (EX_CONFIG): scripts/serve.mjs stops instead of restarting a worker that cannot start.
    process.exit(78);
  }
  const http = await import("node:http");
  const { env } = await import("./lib/env");
  const { installClientAddressHook } = await import("./lib/oidc/client-ip");
  installClientAddressHook(http.Server, env().TRUST_PROXY_HOPS);
  const { redactConsole } = await import("./lib/log");
  redactConsole();
  const { startScheduler } = await import("./lib/scheduler");
  startScheduler();
}
