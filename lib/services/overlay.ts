import type { ServiceDefinition } from "./definition";

/**
 * The approved versions stored in the database, held in memory so that looking a service up stays
 * synchronous. lib/services/store.ts refills it (at start, every half minute, and on each approval).
 */
const versions = new Map<string, Map<number, ServiceDefinition>>();

export function installStoredVersions(rows: { code: string; version: number; definition: ServiceDefinition }[]): void {
  versions.clear();
  for (const row of rows) {
    let byVersion = versions.get(row.code);
    if (!byVersion) versions.set(row.code, (byVersion = new Map()));
    byVersion.set(row.version, row.definition);
  }
}

export function storedVersion(code: string, version: number): ServiceDefinition | undefined {
  return versions.get(code)?.get(version);
}

/** The highest approved version of each stored service. */
export function latestStored(): Map<string, { version: number; definition: ServiceDefinition }> {
  const latest = new Map<string, { version: number; definition: ServiceDefinition }>();
  for (const [code, byVersion] of versions) {
    const version = Math.max(...byVersion.keys());
    latest.set(code, { version, definition: byVersion.get(version)! });
  }
  return latest;
}
