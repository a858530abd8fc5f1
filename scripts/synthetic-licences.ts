import { sql } from "drizzle-orm";
import type { Executor } from "../lib/db/client";

/**
 * A synthetic medical-licence registry of n holders for the benchmarks: licences valid five years,
 * spread evenly, so about 3.3 % expire within the renewal window.
 */
export async function generateLicences(db: Executor, n: number, today: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO citizens (id, full_name, birth_date, sex, phone, commune, province)
    SELECT '0481' || lpad(i::text, 8, '0'), 'Người Dùng Thử ' || i, date '1980-01-01' + (i % 9000),
           CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, '09' || lpad(i::text, 8, '0'),
           'Phường Hải Châu', 'Thành phố Đà Nẵng'
    FROM generate_series(1, ${n}::int) AS i`);
  // Checked row by row, the holders' foreign key was most of a 10M generation: it is dropped for the
  // insert and validated once, set-based, afterwards (the benchmarks run as the tables' owner).
  await db.execute(sql`ALTER TABLE licences DROP CONSTRAINT licences_holder_id_citizens_id_fk`);
  await db.execute(sql`
    INSERT INTO licences (kind, number, holder_id, issuer, scope, address, expires_on)
    SELECT 'medical', 'BENCH-' || i, '0481' || lpad(i::text, 8, '0'), 'Sở Y tế Đà Nẵng', 'Đa khoa',
           'Đà Nẵng', ${today}::date + ((i::bigint * 7919) % 1825)::int
    FROM generate_series(1, ${n}::int) AS i`);
  await db.execute(sql`ALTER TABLE licences ADD CONSTRAINT licences_holder_id_citizens_id_fk FOREIGN KEY (holder_id) REFERENCES citizens(id)`);
  await db.execute(sql`ANALYZE`);
}
