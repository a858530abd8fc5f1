const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

interface Receipt {
  lang: string;
  title: string;
  header: [republic: string, motto: string, heading: string];
  rows: [label: string, value: string][];
  note: string;
}

/** A self-contained, printable receipt file: no scripts, no external resources. */
export function receiptHtml(r: Receipt): string {
  const rows = r.rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join("");
  return `<!doctype html><html lang="${esc(r.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(r.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1c1917}p{text-align:center;margin:0}h1{text-align:center;font-size:1.25rem;margin:1.5rem 0}table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #d6d3d1;vertical-align:top}th{font-weight:normal;color:#57534e;width:40%}small{display:block;margin-top:1.5rem;color:#57534e}</style></head>
<body><p><strong>${esc(r.header[0])}</strong></p><p>${esc(r.header[1])}</p><h1>${esc(r.header[2])}</h1><table>${rows}</table><small>${esc(r.note)}</small></body></html>`;
}
