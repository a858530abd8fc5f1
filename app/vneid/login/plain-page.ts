const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export interface PlainPage {
  lang: string;
  title: string;
  message: string;
  help?: string;
  link?: { href: string; label: string };
}

// Route handlers cannot render the app's React tree, so refusals get a small self-contained page.
export function plainPage(status: number, page: PlainPage, headers: Record<string, string> = {}): Response {
  const help = page.help ? `<p class="help">${escape(page.help)}</p>` : "";
  const link = page.link ? `<p><a href="${escape(page.link.href)}">${escape(page.link.label)}</a></p>` : "";
  const html = `<!doctype html>
<html lang="${escape(page.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(page.title)}</title>
<style>body{margin:0;font:1.0625rem/1.5 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2937;background:#fafaf9}
header{background:#b91c1c;color:#fff;padding:1.25rem;font-weight:700;font-size:1.5rem}main{max-width:28rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.375rem;margin:0 0 1rem}[role=alert]{border:2px solid #b91c1c;background:#fef2f2;color:#7f1d1d;border-radius:.5rem;padding:1rem;font-weight:600}
.help{margin-top:1rem}a{display:inline-flex;align-items:center;min-height:2.75rem;color:#1e40af;font-weight:600}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}</style>
</head><body><header>VNeID</header><main><h1>${escape(page.title)}</h1><p role="alert">${escape(page.message)}</p>${help}${link}</main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Frame-Options": "DENY", ...headers },
  });
}
