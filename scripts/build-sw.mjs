// Post-build: bundles sw/sw.ts with the workbox-* modules and injects the precache manifest of this build.
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { readFileSync } from "node:fs";

const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
await build({
  entryPoints: ["sw/sw.ts"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  outfile: ".next/sw-src.js",
  define: { "process.env.NODE_ENV": '"production"' },
});
const { count, size, warnings } = await injectManifest({
  swSrc: ".next/sw-src.js",
  swDest: "public/sw.js",
  globDirectory: ".next",
  globPatterns: ["static/**/*.{js,css,woff2}"],
  modifyURLPrefix: { "static/": "/_next/static/" },
  additionalManifestEntries: [
    { url: "/offline", revision: buildId },
    { url: "/manifest.webmanifest", revision: buildId },
    { url: "/icons/icon-192.png", revision: "1" },
  ],
  maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
});
for (const w of warnings) console.warn(w);
console.log(`public/sw.js: ${count} files precached (${(size / 1024).toFixed(0)} KiB), build ${buildId}`);
