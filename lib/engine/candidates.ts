import { sql, type SQL } from "drizzle-orm";
import type { ServiceDefinition, Trigger } from "../services/definition";
import { renewalDeadlines } from "./deadlines";

export interface IdRange {
  from: number;
  to: number;
}

/**
 * The id span of a trigger's source registry, for the large registries that are scanned in chunks
 * (PGlite runs one query at a time: short statements keep citizens' pages responsive).
 */
export function sourceIdSpan(trigger: Trigger): SQL | undefined {
  switch (trigger.kind) {
    case "window":
      return sql`SELECT min(id) AS lo, max(id) AS hi FROM licences WHERE kind = ${trigger.licenceKind}`;
    case "list":
      return sql`SELECT min(id) AS lo, max(id) AS hi FROM social_protection_list WHERE list_name = ${trigger.list}`;
    case "construction-intent":
      return sql`SELECT min(id) AS lo, max(id) AS hi FROM construction_intents`;
    case "event":
    case "age":
      return undefined;
  }
}

/**
 * Each trigger kind is one SELECT over the registries yielding the dossiers that should exist today.
 * Columns: owner_id, owner_phone, owner_name, owner_sex, subject_key, trigger_period, reason, prefilled, confirm_deadline,
 * legal_deadline, co_parents (text[]: the other parents, who may act too), sms_vars (jsonb).
 */
export function candidatesFor(service: ServiceDefinition, today: string, chunk?: IdRange): SQL {
  const trigger = service.trigger;
  const day = sql`${today}::date`;
  const within = (column: SQL) => (chunk ? sql` AND ${column} >= ${chunk.from} AND ${column} < ${chunk.to}` : sql``);
  switch (trigger.kind) {
    case "event":
      return sql`
        SELECT coalesce(b.father_id, b.mother_id) AS owner_id,
          o.phone AS owner_phone, o.full_name AS owner_name, o.sex AS owner_sex,
          'birth:' || b.certificate_no AS subject_key,
          'once' AS trigger_period,
          jsonb_build_object('birthDate', b.birth_date, 'hospital', b.hospital) AS reason,
          jsonb_build_object(
            'birthDate', b.birth_date, 'childSex', b.sex, 'birthPlace', b.hospital,
            'certificateNo', b.certificate_no, 'weightGrams', b.weight_grams,
            'motherName', m.full_name, 'fatherName', f.full_name,
            'nationality', 'Việt Nam', 'ethnicity', coalesce(f.ethnicity, m.ethnicity),
            'residence', concat_ws(', ', o.address_line, o.commune, o.province), 'commune', o.commune,
            'fatherHometown', f.hometown, 'motherHometown', m.hometown,
            'fatherSurname', split_part(f.full_name, ' ', 1), 'motherSurname', split_part(m.full_name, ' ', 1),
            'defaultHometown', CASE WHEN f.id IS NULL THEN 'mother' ELSE 'father' END
          ) AS prefilled,
          b.birth_date + ${trigger.windowDays}::int AS confirm_deadline,
          b.birth_date + ${trigger.windowDays}::int AS legal_deadline,
          CASE WHEN b.father_id IS NULL THEN ARRAY[]::text[] ELSE ARRAY[b.mother_id] END AS co_parents,
          '{}'::jsonb AS sms_vars
        FROM birth_notices b
        JOIN citizens m ON m.id = b.mother_id
        LEFT JOIN citizens f ON f.id = b.father_id
        JOIN citizens o ON o.id = coalesce(b.father_id, b.mother_id)
        WHERE b.birth_date > ${day} - ${trigger.windowDays}::int AND b.birth_date <= ${day}`;
    case "window":
      return sql`
        SELECT l.holder_id AS owner_id,
          c.phone AS owner_phone, c.full_name AS owner_name, c.sex AS owner_sex,
          'licence:' || l.kind || ':' || l.number AS subject_key,
          l.expires_on::text AS trigger_period,
          jsonb_build_object('expiresOn', l.expires_on, 'subject', l.subject) AS reason,
          l.details || jsonb_build_object(
            'holderName', c.full_name, 'licenceNumber', l.number, 'issuer', l.issuer, 'scope', l.scope,
            'expiresOn', l.expires_on, 'subject', l.subject, 'address', l.address
          ) AS prefilled,
          dl.deadline AS confirm_deadline,
          l.expires_on AS legal_deadline,
          ARRAY[]::text[] AS co_parents,
          jsonb_build_object('subjectPlate', coalesce(l.subject, '')) AS sms_vars
        FROM licences l
        JOIN citizens c ON c.id = l.holder_id
        JOIN (VALUES ${sql.join(
          renewalDeadlines(today, trigger.daysBefore, service.slaWorkingDays).map(([e, d]) => sql`(${e}::date, ${d}::date)`),
          sql`, `,
        )}) AS dl(expires_on, deadline) ON dl.expires_on = l.expires_on
        WHERE l.kind = ${trigger.licenceKind}
          AND l.expires_on >= ${day} AND l.expires_on <= ${day} + ${trigger.daysBefore}::int${within(sql`l.id`)}`;
    case "list":
      return sql`
        SELECT s.household_head_id AS owner_id,
          c.phone AS owner_phone, c.full_name AS owner_name, c.sex AS owner_sex,
          'household:' || s.household_head_id AS subject_key,
          s.year::text AS trigger_period,
          jsonb_build_object('category', s.category, 'year', s.year) AS reason,
          jsonb_build_object(
            'headName', c.full_name, 'category', s.category, 'members', s.members, 'year', s.year,
            'residence', concat_ws(', ', c.address_line, c.commune, c.province), 'commune', c.commune,
            'householdMembers', (SELECT coalesce(jsonb_agg(r.full_name ORDER BY r.birth_date), '[]'::jsonb)
                                 FROM family_relations fr JOIN citizens r ON r.id = fr.relative_id
                                 WHERE fr.citizen_id = c.id AND r.commune = c.commune
                                   AND r.address_line IS NOT DISTINCT FROM c.address_line),
            'paymentMethod', 'cash', 'membersUnchanged', 'yes'
          ) AS prefilled,
          ${day} + ${trigger.confirmDays}::int AS confirm_deadline,
          NULL::date AS legal_deadline,
          ARRAY[]::text[] AS co_parents,
          '{}'::jsonb AS sms_vars
        FROM social_protection_list s
        JOIN citizens c ON c.id = s.household_head_id
        WHERE s.list_name = ${trigger.list} AND s.year = extract(year FROM ${day})::int${within(sql`s.id`)}`;
    case "age":
      return sql`
        SELECT DISTINCT ON (ch.id) r.citizen_id AS owner_id,
          pa.phone AS owner_phone, pa.full_name AS owner_name, pa.sex AS owner_sex,
          'child:' || ch.id AS subject_key,
          p.year::text AS trigger_period,
          jsonb_build_object('childName', ch.full_name, 'year', p.year) AS reason,
          jsonb_build_object(
            'childName', ch.full_name, 'childBirthDate', ch.birth_date,
            'residence', concat_ws(', ', ch.address_line, ch.commune, ch.province), 'commune', ch.commune,
            'schoolOptions', (SELECT coalesce(jsonb_agg(s.name ORDER BY s.name), '[]'::jsonb)
                              FROM schools s WHERE s.commune = ch.commune AND s.level = 'primary'),
            'schoolAddresses', (SELECT coalesce(jsonb_object_agg(s.name, s.address), '{}'::jsonb)
                                FROM schools s WHERE s.commune = ch.commune AND s.level = 'primary' AND s.address IS NOT NULL)
          ) AS prefilled,
          p.closes_on AS confirm_deadline,
          p.closes_on AS legal_deadline,
          ARRAY(SELECT o.citizen_id FROM family_relations o
                WHERE o.relative_id = ch.id AND o.relation = 'child' AND o.citizen_id <> r.citizen_id) AS co_parents,
          jsonb_build_object('childFirstName', unaccent_vi(regexp_replace(ch.full_name, '^.*\\s', ''))) AS sms_vars
        FROM enrollment_periods p
        JOIN citizens ch ON extract(year FROM ch.birth_date)::int = p.year - ${trigger.age}::int
        JOIN family_relations r ON r.relative_id = ch.id AND r.relation = 'child'
        JOIN citizens pa ON pa.id = r.citizen_id
        WHERE ${day} BETWEEN p.opens_on AND p.closes_on
        ORDER BY ch.id, r.citizen_id`;
    case "construction-intent":
      return sql`
        SELECT ci.owner_id,
          c.phone AS owner_phone, c.full_name AS owner_name, c.sex AS owner_sex,
          'parcel:' || ci.parcel AS subject_key,
          ci.filed_on::text AS trigger_period,
          jsonb_build_object('parcel', ci.parcel) AS reason,
          jsonb_build_object('holderName', c.full_name, 'parcel', ci.parcel, 'address', ci.address) AS prefilled,
          ${day} + ${trigger.confirmDays}::int AS confirm_deadline,
          NULL::date AS legal_deadline,
          ARRAY[]::text[] AS co_parents,
          '{}'::jsonb AS sms_vars
        FROM construction_intents ci
        JOIN citizens c ON c.id = ci.owner_id
        WHERE ci.filed_on > ${day} - ${trigger.confirmDays}::int AND ci.filed_on <= ${day}${within(sql`ci.id`)}`;
  }
}
