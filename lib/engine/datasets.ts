import { sql, type SQL } from "drizzle-orm";
import type { DatasetCode } from "../gov/datasets";

/** A column's type: how a rule's value is cast when compared with it. */
export type ColumnType = "text" | "date" | "int" | "jsonb";

/** The aliases a compiled rule gives its tables: r the dataset's record, s the subject person, o the owner. */
export interface Aliases {
  r: SQL;
  s: SQL;
  o: SQL;
}

/**
 * One registry the engine may read, as reviewed code: its table, typed columns, whose record it is
 * and how a record is named. Rules (data, possibly drafted in the console) may name only what is here:
 * this is the whitelist every identifier in a compiled rule comes from.
 */
export interface DatasetSpec {
  table: string;
  /** Fixed column values that carve this dataset out of a shared table (licences of one kind). */
  scope?: Record<string, string>;
  /** A person's record, or a household's (owned by its head). */
  subject: "person" | "household";
  /** The column holding the subject's personal id (the household head's for a household). */
  subjectColumn: string;
  /** The dossier's owner when not the subject (the father, else the mother, of a newborn). */
  owner?: (a: Aliases) => SQL;
  /** Other citizens who may act on the dossier (the other parent). */
  coParents?: (a: Aliases) => SQL;
  /** What makes one record: the dossier's subject key is the prefix and these columns. */
  key: { prefix: string; columns: string[] };
  /** A serial id column, for scanning large registries in chunks. */
  idColumn?: string;
  columns: Record<string, ColumnType>;
  /** A jsonb column whose keys are spread into the pre-filled data (a licence's extra details). */
  spread?: string;
  /** Text columns a first SMS may name (not personal data), each with a made-up value for the dry run's preview. */
  smsColumns?: Record<string, string>;
  /** Pre-filled values that need a join, written once here and named by rules. */
  derived?: Record<string, (a: Aliases) => SQL>;
}

const licenceColumns = {
  kind: "text",
  number: "text",
  holder_id: "text",
  subject: "text",
  issuer: "text",
  scope: "text",
  address: "text",
  expires_on: "date",
} as const satisfies Record<string, ColumnType>;

function licenceDataset(kind: string): DatasetSpec {
  return {
    table: "licences",
    scope: { kind },
    subject: "person",
    subjectColumn: "holder_id",
    key: { prefix: "licence", columns: ["kind", "number"] },
    idColumn: "id",
    columns: licenceColumns,
    spread: "details",
  };
}

function listDataset(listName: string): DatasetSpec {
  return {
    table: "social_protection_list",
    scope: { list_name: listName },
    subject: "household",
    subjectColumn: "household_head_id",
    key: { prefix: "household", columns: ["household_head_id"] },
    idColumn: "id",
    columns: { list_name: "text", year: "int", household_head_id: "text", category: "text", members: "int", commune: "text" },
  };
}

const residence = (p: SQL) => sql`concat_ws(', ', ${p}.address_line, ${p}.commune, ${p}.province)`;
const schoolsOf = (level: string) => ({
  options: ({ s }: Aliases) =>
    sql`(SELECT coalesce(jsonb_agg(sc.name ORDER BY sc.name), '[]'::jsonb) FROM schools sc WHERE sc.commune = ${s}.commune AND sc.level = ${level})`,
  addresses: ({ s }: Aliases) =>
    sql`(SELECT coalesce(jsonb_object_agg(sc.name, sc.address), '{}'::jsonb) FROM schools sc WHERE sc.commune = ${s}.commune AND sc.level = ${level} AND sc.address IS NOT NULL)`,
});
const primary = schoolsOf("primary");
const lowerSecondary = schoolsOf("lower-secondary");

/** The people the population register lists with the subject at the same address (spouse, children, parents). */
const householdMembers = ({ s }: Aliases) =>
  sql`(SELECT coalesce(jsonb_agg(m.full_name ORDER BY m.birth_date), '[]'::jsonb)
       FROM family_relations fr JOIN citizens m ON m.id = fr.relative_id
       WHERE fr.citizen_id = ${s}.id AND m.commune = ${s}.commune AND m.address_line IS NOT DISTINCT FROM ${s}.address_line)`;

/** Pre-filled values any rule may name, whatever its dataset: they read the subject person only. */
export const commonDerived: Record<string, (a: Aliases) => SQL> = {
  residence: ({ s }) => residence(s),
  householdMembers,
  primarySchools: primary.options,
  primarySchoolAddresses: primary.addresses,
  lowerSecondarySchools: lowerSecondary.options,
  lowerSecondarySchoolAddresses: lowerSecondary.addresses,
};

/** The registries the engine reads, keyed like the datasets citizens see under "Dữ liệu của tôi". */
export const ruleDatasets: Partial<Record<DatasetCode, DatasetSpec>> = {
  population: {
    table: "citizens",
    subject: "person",
    subjectColumn: "id",
    key: { prefix: "person", columns: ["id"] },
    columns: { id: "text", full_name: "text", birth_date: "date", sex: "text", commune: "text", province: "text", ethnicity: "text" },
  },
  "birth-notices": {
    table: "birth_notices",
    subject: "person",
    // The newborn has no personal id yet: the subject is the mother, the owner the father when known.
    subjectColumn: "mother_id",
    owner: ({ r }) => sql`coalesce(${r}.father_id, ${r}.mother_id)`,
    coParents: ({ r }) => sql`CASE WHEN ${r}.father_id IS NULL THEN ARRAY[]::text[] ELSE ARRAY[${r}.mother_id] END`,
    key: { prefix: "birth", columns: ["certificate_no"] },
    columns: { certificate_no: "text", hospital: "text", birth_date: "date", sex: "text", mother_id: "text", father_id: "text", weight_grams: "int" },
    derived: {
      motherName: ({ r }) => sql`(SELECT full_name FROM citizens WHERE id = ${r}.mother_id)`,
      fatherName: ({ r }) => sql`(SELECT full_name FROM citizens WHERE id = ${r}.father_id)`,
      ethnicity: ({ r }) => sql`(SELECT coalesce(f.ethnicity, m.ethnicity) FROM citizens m LEFT JOIN citizens f ON f.id = ${r}.father_id WHERE m.id = ${r}.mother_id)`,
      residence: ({ o }) => residence(o),
      ownerCommune: ({ o }) => sql`${o}.commune`,
      fatherHometown: ({ r }) => sql`(SELECT hometown FROM citizens WHERE id = ${r}.father_id)`,
      motherHometown: ({ r }) => sql`(SELECT hometown FROM citizens WHERE id = ${r}.mother_id)`,
      fatherSurname: ({ r }) => sql`(SELECT split_part(full_name, ' ', 1) FROM citizens WHERE id = ${r}.father_id)`,
      motherSurname: ({ r }) => sql`(SELECT split_part(full_name, ' ', 1) FROM citizens WHERE id = ${r}.mother_id)`,
      defaultHometown: ({ r }) => sql`CASE WHEN ${r}.father_id IS NULL THEN 'mother' ELSE 'father' END`,
    },
  },
  "death-notices": {
    table: "death_notices",
    subject: "person",
    subjectColumn: "deceased_id",
    // The relative who declared the death acts for the family; the deceased has no phone to text.
    owner: ({ r }) => sql`${r}.declarant_id`,
    key: { prefix: "death", columns: ["certificate_no"] },
    columns: { certificate_no: "text", deceased_id: "text", declarant_id: "text", died_on: "date", place: "text", pensioner: "text", pension_no: "text", social_allowance: "text" },
  },
  "medical-licences": licenceDataset("medical"),
  "tour-guide-cards": licenceDataset("tour-guide"),
  "veterinary-certs": licenceDataset("veterinary"),
  // The vehicle plate names the vehicle whose badge is due, not its owner.
  "transport-badges": { ...licenceDataset("transport-badge"), smsColumns: { subject: "43A-000.00" } },
  "driving-licences": licenceDataset("driving"),
  "food-safety-certs": licenceDataset("food-safety"),
  "health-insurance-cards": licenceDataset("health-insurance"),
  "temporary-residence": licenceDataset("temporary-residence"),
  passports: licenceDataset("passport"),
  "fishing-licences": licenceDataset("fishing"),
  "building-permits": licenceDataset("building-permit"),
  "poor-households": listDataset("poor-households"),
  "disability-register": listDataset("disability"),
  "merit-people": listDataset("merit-people"),
  "land-records": {
    table: "construction_intents",
    subject: "person",
    subjectColumn: "owner_id",
    key: { prefix: "parcel", columns: ["parcel"] },
    idColumn: "id",
    columns: { owner_id: "text", parcel: "text", address: "text", filed_on: "date" },
  },
};

export function datasetSpec(code: DatasetCode): DatasetSpec {
  const spec = ruleDatasets[code];
  if (!spec) throw new Error(`dataset ${code} is not registered for rules`);
  return spec;
}
