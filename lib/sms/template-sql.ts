import { sql, type SQL } from "drizzle-orm";

/**
 * A template compiled to one SQL concatenation: each {placeholder} becomes its expression in `vars`,
 * or the text of `fallback ->> key` (a jsonb of per-row values), else stays as written. Set-based SMS
 * writes use it instead of a per-row PL/pgSQL loop over a jsonb (the engine's costliest side row).
 */
export function templateSql(template: string, vars: Record<string, SQL>, fallback?: SQL): SQL {
  const parts: SQL[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (match.index > last) parts.push(sql`${template.slice(last, match.index)}::text`);
    const key = match[1]!;
    const known = vars[key];
    if (known) parts.push(sql`coalesce((${known})::text, '')`);
    else if (fallback) parts.push(sql`coalesce(${fallback} ->> ${key}, ${match[0]}::text)`);
    else parts.push(sql`${match[0]}::text`);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push(sql`${template.slice(last)}::text`);
  if (parts.length === 0) return sql`''::text`;
  return sql`(${sql.join(parts, sql` || `)})`;
}
