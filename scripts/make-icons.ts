/** Renders the app icon SVG to the PNG sizes the manifest lists (run once; the PNGs are committed). */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const svg = readFileSync("public/icons/icon.svg", "utf8");
// Maskable icons keep their content inside the central 80 % safe zone.
const maskable = svg
  .replace('rx="96"', 'rx="0"')
  .replace("<path", '<g transform="translate(51 51) scale(0.8)"><path')
  .replace("</svg>", "</g></svg>");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [name, size, source] of [
  ["icon-192.png", 192, svg],
  ["icon-512.png", 512, svg],
  ["maskable-512.png", 512, maskable],
  ["apple-touch-icon.png", 180, maskable],
] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: true });
  await page.close();
}
await browser.close();
