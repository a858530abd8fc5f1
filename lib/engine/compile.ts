import { sql, type SQL } from "drizzle-orm";
import { commonDerived, datasetSpec, type Aliases, type ColumnType, type DatasetSpec } from "./datasets";
import type { Condition, PersonField, Rule, RuleKind, Source } from "./rule";
import { renewalDeadlines } from "./deadlines";

/** The day a rule is compiled for: the engine's scan of today, or a forecast of what falls due between two days. */
export type Horizon = { mode: "today"; today: string } | { mode: "between"; today: string; from: string; to: string };

export interface CompileContext {
  horizon: Horizon;
  slaWorkingDays: number;
}

/** What one pattern contributes to the statement; the rest (owner, values, conditions) is common. */
interface PatternParts {
  from: SQL;
  where: SQL[];
  period: SQL;
  dueOn: SQL;
  prepareOn: SQL;
  age: SQL;
  confirmDeadline: SQL;
  legalDeadline: SQL;
  coParents?: SQL;
  distinctOn?: SQL;
  aliases: Aliases;
}

type PatternCompiler<K extends RuleKind> = (rule: Extract<Rule, { kind: K }>, spec: DatasetSpec, ctx: CompileContext) => PatternParts;

const alias = { r: sql.raw("r"), s: sql.raw("s"), o: sql.raw("o") };

/** A column of the dataset, checked against the registry's whitelist before it becomes an identifier. */
function column(spec: DatasetSpec, table: SQL, name: string): SQL {
  if (!Object.hasOwn(spec.columns, name)) throw new Error(`unknown column ${name}`);
  return sql`${table}.${sql.identifier(name)}`;
}

const castOf: Record<ColumnType, SQL> = { text: sql.raw("text"), date: sql.raw("date"), int: sql.raw("int"), jsonb: sql.raw("jsonb") };

/** A value bound as a parameter and cast to the column's type: never spliced into the statement. */
const bound = (value: string | number, type: ColumnType) => sql`${value}::${castOf[type]}`;

/** The record, its subject and its owner: the owner is the subject unless the dataset names another. */
function recordJoins(spec: DatasetSpec): { from: SQL; aliases: Aliases } {
  const table = sql`${sql.identifier(spec.table)} r JOIN citizens s ON s.id = ${column(spec, alias.r, spec.subjectColumn)}`;
  if (!spec.owner) return { from: table, aliases: { r: alias.r, s: alias.s, o: alias.s } };
  const aliases = { ...alias };
  return { from: sql`${table} JOIN citizens o ON o.id = ${spec.owner(aliases)}`, aliases };
}

const day = (d: string) => sql`${d}::date`;

const window: PatternCompiler<"window"> = (rule, spec, { horizon, slaWorkingDays }) => {
  const { from, aliases } = recordJoins(spec);
  const due = column(spec, aliases.r, rule.column);
  const today = day(horizon.today);
  const prepareOn = sql`greatest(${due} - ${rule.daysBefore}::int, ${today})`;
  const common = { period: sql`${due}::text`, dueOn: due, prepareOn, age: sql`NULL::int`, legalDeadline: due, aliases };
  if (horizon.mode === "between") {
    return {
      ...common,
      from,
      where: [sql`${due} >= ${today}`, sql`${due} <= ${day(horizon.to)} + ${rule.daysBefore}::int`, sql`${prepareOn} >= ${day(horizon.from)}`],
      confirmDeadline: due,
    };
  }
  // The confirmation deadline of each expiry day the window can hold, computed once (working days).
  const deadlines = sql.join(
    renewalDeadlines(horizon.today, rule.daysBefore, slaWorkingDays).map(([e, d]) => sql`(${e}::date, ${d}::date)`),
    sql`, `,
  );
  return {
    ...common,
    from: sql`${from} JOIN (VALUES ${deadlines}) AS dl(due_on, deadline) ON dl.due_on = ${due}`,
    where: [sql`${due} >= ${today}`, sql`${due} <= ${today} + ${rule.daysBefore}::int`],
    confirmDeadline: sql`dl.deadline`,
  };
};

const event: PatternCompiler<"event"> = (rule, spec, { horizon }) => {
  const { from, aliases } = recordJoins(spec);
  const at = column(spec, aliases.r, rule.column);
  const today = day(horizon.today);
  const deadline = rule.deadlineFrom === "event" ? sql`${at} + ${rule.confirmDays}::int` : sql`${today} + ${rule.confirmDays}::int`;
  // What has not happened yet cannot be forecast: only recent events not prepared yet are due.
  const where = [sql`${at} > ${today} - ${rule.windowDays}::int`, sql`${at} <= ${today}`];
  if (horizon.mode === "between") where.push(sql`${today} BETWEEN ${day(horizon.from)} AND ${day(horizon.to)}`);
  return {
    from,
    where,
    period: rule.perOccurrence ? sql`${at}::text` : sql`'once'`,
    dueOn: deadline,
    prepareOn: today,
    age: sql`NULL::int`,
    confirmDeadline: deadline,
    legalDeadline: rule.deadlineFrom === "event" ? deadline : sql`NULL::date`,
    aliases,
  };
};

const list: PatternCompiler<"list"> = (rule, spec, { horizon }) => {
  const { from, aliases } = recordJoins(spec);
  const year = column(spec, aliases.r, rule.yearColumn);
  const today = day(horizon.today);
  const where =
    horizon.mode === "today"
      ? [sql`${year} = extract(year FROM ${today})::int`]
      : [sql`${year} BETWEEN extract(year FROM ${day(horizon.from)})::int AND extract(year FROM ${day(horizon.to)})::int`, sql`${year} >= extract(year FROM ${today})::int`];
  const prepareOn = sql`greatest(make_date(${year}, 1, 1), ${today})`;
  return {
    from,
    where,
    period: sql`${year}::text`,
    dueOn: sql`${prepareOn} + ${rule.confirmDays}::int`,
    prepareOn,
    age: sql`NULL::int`,
    confirmDeadline: sql`${today} + ${rule.confirmDays}::int`,
    legalDeadline: sql`NULL::date`,
    aliases,
  };
};

const age: PatternCompiler<"age"> = (rule, _spec, { horizon }) => {
  const years = sql`unnest(ARRAY[${sql.join(rule.years.map((y) => sql`${y}::int`), sql`, `)}]) AS y(n)`;
  const parents = rule.owner === "parents";
  const aliases: Aliases = { r: alias.s, s: alias.s, o: parents ? alias.o : alias.s };
  const ownerJoin = parents ? sql` JOIN family_relations fr ON fr.relative_id = s.id AND fr.relation = 'child' JOIN citizens o ON o.id = fr.citizen_id` : sql``;
  const shared = {
    age: sql`y.n`,
    aliases,
    ...(parents && {
      // One dossier per child: the first parent owns it and the others may act on it too.
      distinctOn: sql`s.id, y.n`,
      coParents: sql`ARRAY(SELECT x.citizen_id FROM family_relations x WHERE x.relative_id = s.id AND x.relation = 'child' AND x.citizen_id <> fr.citizen_id)`,
    }),
  };
  const today = day(horizon.today);
  if (rule.basis === "birthday") {
    const dueOn = sql`(s.birth_date + make_interval(years => y.n))::date`;
    // The birthday window is a range of birth dates, so an index on birth_date serves it.
    const born = (first: SQL, last: SQL) => [
      sql`s.birth_date >= (${first} - make_interval(years => y.n))::date`,
      sql`s.birth_date <= (${last} - make_interval(years => y.n))::date`,
    ];
    const where =
      horizon.mode === "today"
        ? born(sql`${today} - ${rule.graceDays}::int`, sql`${today} + ${rule.leadDays}::int`)
        : [...born(today, sql`${day(horizon.to)} + ${rule.leadDays}::int`), sql`greatest(${dueOn} - ${rule.leadDays}::int, ${today}) >= ${day(horizon.from)}`];
    return {
      ...shared,
      from: sql`citizens s CROSS JOIN ${years}${ownerJoin}`,
      where,
      period: sql`y.n::text`,
      dueOn,
      prepareOn: sql`greatest(${dueOn} - ${rule.leadDays}::int, ${today})`,
      confirmDeadline: sql`greatest(${dueOn}, ${today}) + ${rule.confirmDays}::int`,
      legalDeadline: sql`NULL::date`,
    };
  }
  if (rule.basis === "calendarYear") {
    if (rule.month === undefined) throw new Error("calendarYear needs a month");
    // The registration years whose window [opens − lead, closes + grace] can reach the horizon (lead and
    // grace are under a year each); each year's persons are a range of birth dates, served by the index.
    const first = horizon.mode === "today" ? today : day(horizon.from);
    const last = horizon.mode === "today" ? today : day(horizon.to);
    const opens = sql`make_date(cy.year, ${rule.month}::int, 1)`;
    const closes = sql`((${opens} + interval '1 month')::date - 1)`;
    const prepareOn = sql`greatest(${opens} - ${rule.leadDays}::int, ${today})`;
    return {
      ...shared,
      from: sql`generate_series(extract(year FROM ${first})::int - 1, extract(year FROM ${last})::int + 1) AS cy(year) CROSS JOIN ${years}
        JOIN citizens s ON s.birth_date >= make_date(cy.year - y.n, 1, 1) AND s.birth_date < make_date(cy.year - y.n + 1, 1, 1)${ownerJoin}`,
      where:
        horizon.mode === "today"
          ? [sql`${today} BETWEEN ${opens} - ${rule.leadDays}::int AND ${closes} + ${rule.graceDays}::int`]
          : [sql`${prepareOn} BETWEEN ${day(horizon.from)} AND ${day(horizon.to)}`, sql`${closes} + ${rule.graceDays}::int >= ${today}`],
      // The age, as on the birthday basis: one dossier per person and age, whichever basis prepared it.
      period: sql`y.n::text`,
      dueOn: closes,
      prepareOn,
      confirmDeadline: sql`greatest(${closes}, ${today} + ${rule.confirmDays}::int)`,
      legalDeadline: closes,
    };
  }
  if (horizon.mode === "today") {
    return {
      ...shared,
      from: sql`enrollment_periods p CROSS JOIN ${years} JOIN citizens s ON extract(year FROM s.birth_date)::int = p.year - y.n${ownerJoin}`,
      where: [sql`${today} BETWEEN p.opens_on AND p.closes_on`],
      period: sql`p.year::text`,
      dueOn: sql`p.closes_on`,
      prepareOn: today,
      confirmDeadline: sql`p.closes_on`,
      legalDeadline: sql`p.closes_on`,
    };
  }
  // A school year without a published plan yet: enrolment is expected to open in July.
  const opens = sql`coalesce(p.opens_on, make_date(sy.year, 7, 1))`;
  const closes = sql`coalesce(p.closes_on, make_date(sy.year, 7, 31))`;
  return {
    ...shared,
    from: sql`generate_series(extract(year FROM ${day(horizon.from)})::int, extract(year FROM ${day(horizon.to)})::int) AS sy(year)
      LEFT JOIN enrollment_periods p ON p.year = sy.year CROSS JOIN ${years}
      JOIN citizens s ON extract(year FROM s.birth_date)::int = sy.year - y.n${ownerJoin}`,
    where: [sql`greatest(${opens}, ${today}) BETWEEN ${day(horizon.from)} AND ${day(horizon.to)}`, sql`${closes} >= ${today}`],
    period: sql`sy.year::text`,
    dueOn: closes,
    prepareOn: sql`greatest(${opens}, ${today})`,
    confirmDeadline: closes,
    legalDeadline: closes,
  };
};

/** The one compiler per pattern: a new service of a known pattern adds no entry here. */
export const patternCompilers: { [K in RuleKind]: PatternCompiler<K> } = { window, event, list, age };

function personValue(p: SQL, field: PersonField): SQL {
  switch (field) {
    case "id":
      return sql`${p}.id`;
    case "fullName":
      return sql`${p}.full_name`;
    case "firstName":
      return sql`regexp_replace(${p}.full_name, '^.*\\s', '')`;
    case "surname":
      return sql`split_part(${p}.full_name, ' ', 1)`;
    case "birthDate":
      return sql`${p}.birth_date`;
    case "sex":
      return sql`${p}.sex`;
    case "commune":
      return sql`${p}.commune`;
    case "ethnicity":
      return sql`${p}.ethnicity`;
    case "hometown":
      return sql`${p}.hometown`;
    case "residence":
      return sql`concat_ws(', ', ${p}.address_line, ${p}.commune, ${p}.province)`;
  }
}

function valueOf(src: Source, spec: DatasetSpec, parts: PatternParts): SQL {
  const a = parts.aliases;
  if ("column" in src) return column(spec, a.r, src.column);
  if ("person" in src) return personValue(a.s, src.person);
  if ("owner" in src) return personValue(a.o, src.owner);
  if ("value" in src) return typeof src.value === "number" ? sql`${src.value}::int` : sql`${src.value}::text`;
  if ("rule" in src) return src.rule === "period" ? parts.period : src.rule === "dueOn" ? parts.dueOn : parts.age;
  const derive = (spec.derived && Object.hasOwn(spec.derived, src.derived) ? spec.derived[src.derived] : undefined) ?? commonDerived[src.derived];
  if (!derive) throw new Error(`unknown derived value ${src.derived}`);
  return derive(a);
}

function object(values: Record<string, Source>, spec: DatasetSpec, parts: PatternParts, wrap: (v: SQL) => SQL = (v) => v): SQL {
  const pairs = Object.entries(values).map(([key, src]) => sql`${key}::text, ${wrap(valueOf(src, spec, parts))}`);
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

function conditionSql(c: Condition, spec: DatasetSpec, r: SQL): SQL {
  const col = column(spec, r, c.column);
  const type = spec.columns[c.column]!;
  if (Array.isArray(c.value)) return sql`${col} IN (${sql.join(c.value.map((v) => bound(v, type)), sql`, `)})`;
  const v = bound(c.value, type);
  const op = { eq: sql`=`, neq: sql`IS DISTINCT FROM`, in: sql`=`, gte: sql`>=`, lte: sql`<=` }[c.op];
  return sql`${col} ${op} ${v}`;
}

export interface IdRange {
  from: number;
  to: number;
}

export interface CompileOptions {
  chunk?: IdRange;
  /** The communes where the service is switched on; undefined when it is on everywhere. */
  communes?: readonly string[];
}

interface CompilableService {
  trigger: Rule;
  slaWorkingDays: number;
}

function compileParts(service: CompilableService, horizon: Horizon) {
  const rule = service.trigger;
  const spec = datasetSpec(rule.dataset);
  const compile = patternCompilers[rule.kind] as PatternCompiler<typeof rule.kind>;
  const parts = compile(rule as never, spec, { horizon, slaWorkingDays: service.slaWorkingDays });
  return { rule, spec, parts };
}

function filters(service: CompilableService, horizon: Horizon, opts: CompileOptions): { rule: Rule; spec: DatasetSpec; parts: PatternParts; where: SQL } {
  const { rule, spec, parts } = compileParts(service, horizon);
  const r = parts.aliases.r;
  const where = [
    ...Object.entries(spec.scope ?? {}).map(([col, value]) => sql`${column(spec, r, col)} = ${bound(value, spec.columns[col]!)}`),
    ...parts.where,
    ...rule.where.map((c) => conditionSql(c, spec, r)),
  ];
  if (opts.chunk && spec.idColumn) {
    const id = sql`${r}.${sql.identifier(spec.idColumn)}`;
    where.push(sql`${id} >= ${opts.chunk.from}::int AND ${id} < ${opts.chunk.to}::int`);
  }
  if (opts.communes) {
    where.push(opts.communes.length ? sql`${parts.aliases.o}.commune IN (${sql.join(opts.communes.map((c) => sql`${c}::text`), sql`, `)})` : sql`false`);
  }
  return { rule, spec, parts, where: sql.join(where, sql` AND `) };
}

function subjectKey(spec: DatasetSpec, r: SQL): SQL {
  return sql`${spec.key.prefix}::text || ':' || ${sql.join(spec.key.columns.map((c) => column(spec, r, c)), sql` || ':' || `)}`;
}

/**
 * The dossiers a service's rule says should exist today, as one set-based SELECT. Columns: owner_id,
 * owner_phone, owner_name, owner_sex, subject_key, trigger_period, reason, prefilled, confirm_deadline,
 * legal_deadline, co_parents (text[]), sms_vars (jsonb), commune, due_on, subject_id.
 */
export function compileCandidates(service: CompilableService, today: string, opts: CompileOptions = {}): SQL {
  const horizon: Horizon = { mode: "today", today };
  const { rule, spec, parts, where } = filters(service, horizon, opts);
  const { r, s, o } = parts.aliases;
  const prefilled = object(rule.prefill, spec, parts);
  return sql`
    SELECT ${parts.distinctOn ? sql`DISTINCT ON (${parts.distinctOn}) ` : sql``}${o}.id AS owner_id,
      ${o}.phone AS owner_phone, ${o}.full_name AS owner_name, ${o}.sex AS owner_sex,
      ${subjectKey(spec, r)} AS subject_key,
      ${parts.period} AS trigger_period,
      ${object(rule.reason, spec, parts)} AS reason,
      ${spec.spread ? sql`${column({ ...spec, columns: { ...spec.columns, [spec.spread]: "jsonb" } }, r, spec.spread)} || ${prefilled}` : prefilled} AS prefilled,
      ${parts.confirmDeadline} AS confirm_deadline,
      ${parts.legalDeadline} AS legal_deadline,
      ${parts.coParents ?? (spec.coParents ? spec.coParents(parts.aliases) : sql`ARRAY[]::text[]`)} AS co_parents,
      ${object(rule.smsVars, spec, parts, (v) => sql`unaccent_vi(coalesce(${v}::text, ''))`)} AS sms_vars,
      ${o}.commune AS commune, ${parts.dueOn} AS due_on, ${s}.id AS subject_id
    FROM ${parts.from}
    WHERE ${where}${parts.distinctOn ? sql` ORDER BY ${parts.distinctOn}, ${o}.id` : sql``}`;
}

/**
 * What a service's rule will make due between two days and is not prepared yet (`includePrepared`: or is): for forecasts and the
 * citizen's household view. Columns: subject_id, owner_id, commune, subject_key, trigger_period, due_on,
 * prepare_on. `people` limits it to records whose subject or owner is one of them.
 */
export function dueBetween(
  service: CompilableService & { code: string },
  range: { today: string; from: string; to: string },
  opts: Omit<CompileOptions, "chunk"> & { people?: readonly string[]; includePrepared?: boolean } = {},
): SQL {
  const horizon: Horizon = { mode: "between", ...range };
  const { spec, parts, where } = filters(service, horizon, opts);
  const { r, s, o } = parts.aliases;
  const people = opts.people
    ? sql` AND (${s}.id IN (${sql.join(opts.people.map((p) => sql`${p}::text`), sql`, `)}) OR ${o}.id IN (${sql.join(opts.people.map((p) => sql`${p}::text`), sql`, `)}))`
    : sql``;
  return sql`
    SELECT * FROM (
      SELECT ${parts.distinctOn ? sql`DISTINCT ON (${parts.distinctOn}) ` : sql``}${s}.id AS subject_id, ${o}.id AS owner_id, ${o}.commune AS commune,
        ${subjectKey(spec, r)} AS subject_key, ${parts.period} AS trigger_period, ${parts.dueOn} AS due_on, ${parts.prepareOn} AS prepare_on
      FROM ${parts.from}
      WHERE ${where}${people}${parts.distinctOn ? sql` ORDER BY ${parts.distinctOn}, ${o}.id` : sql``}
    ) due${
      opts.includePrepared
        ? sql``
        : sql`
    WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.service_code = ${service.code} AND d.subject_key = due.subject_key AND d.trigger_period = due.trigger_period)`
    }`;
}

/** The id span of a rule's dataset, for the large registries scanned in chunks; undefined for the others. */
export function sourceIdSpan(rule: Rule): SQL | undefined {
  const spec = datasetSpec(rule.dataset);
  if (!spec.idColumn) return undefined;
  const id = column({ ...spec, columns: { ...spec.columns, [spec.idColumn]: "int" } }, alias.r, spec.idColumn);
  const scope = Object.entries(spec.scope ?? {}).map(([col, value]) => sql`${column(spec, alias.r, col)} = ${bound(value, spec.columns[col]!)}`);
  return sql`SELECT min(${id}) AS lo, max(${id}) AS hi FROM ${sql.identifier(spec.table)} r${scope.length ? sql` WHERE ${sql.join(scope, sql` AND `)}` : sql``}`;
}

/** Writes a renewal's new date back to the record it renewed, so the rule does not fire again for it. */
export function renewRecord(rule: Extract<Rule, { kind: "window" }>, subjectKeyValue: string, newDate: string): SQL {
  const spec = datasetSpec(rule.dataset);
  const scope = Object.entries(spec.scope ?? {}).map(([col, value]) => sql` AND ${column(spec, alias.r, col)} = ${bound(value, spec.columns[col]!)}`);
  return sql`UPDATE ${sql.identifier(spec.table)} r SET ${sql.identifier(rule.column)} = ${newDate}::date
    WHERE ${subjectKey(spec, alias.r)} = ${subjectKeyValue}::text${sql.join(scope, sql``)}`;
}
