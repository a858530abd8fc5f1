"use client";

import { useId, useState, type ReactNode } from "react";
import type { DraftIssue } from "@/lib/services/draft-issues";
import { issuesAt, switchDataset, switchPattern, valueAt, withValue, type DatasetOption, type Json } from "@/lib/services/draft-form";

export type { DatasetOption };

type Text = Record<string, string>;

const fill = (template: string, values: Record<string, string | number> = {}) => template.replace(/\{(\w+)\}/g, (w, k: string) => String(values[k] ?? w));

const input =
  "min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300";

interface FieldProps {
  path: string;
  label: string;
  hint?: string;
  issues?: DraftIssue[];
  text: { issue: Text };
  children: (a11y: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A label, the control, and the problems with it in the officer's language, read out with the control. */
function Field({ path, label, hint, issues, text, children }: FieldProps) {
  const id = `f-${useId().replace(/:/g, "")}`;
  const own = issuesAt(issues, path);
  const describedBy = [hint ? `${id}-hint` : "", own.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mb-1 text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": own.length > 0, "aria-describedby": describedBy })}
      {own.length > 0 && (
        <ul id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">
          {own.map((i, n) => (
            <li key={n}>{fill(text.issue[i.key] ?? text.issue.other!, i.values ?? {})}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A list of whole numbers typed as "25, 40, 60": kept as typed while it is being written. */
function NumberListInput({ value, onChange, ...a11y }: { value: unknown; onChange: (v: unknown) => void; id: string; "aria-invalid": boolean; "aria-describedby"?: string }) {
  const shown = Array.isArray(value) ? value.join(", ") : "";
  const [textValue, setText] = useState(shown);
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    // The JSON view changed the list: show it, unless it is what is being typed.
    setLastShown(shown);
    if (textValue.split(/[\s,;]+/).filter(Boolean).join(", ") !== shown) setText(shown);
  }
  return (
    <input
      {...a11y}
      type="text"
      inputMode="numeric"
      className={input}
      value={textValue}
      onChange={(e) => {
        setText(e.target.value);
        const parts = e.target.value.split(/[\s,;]+/).filter(Boolean);
        onChange(parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
      }}
    />
  );
}

/**
 * The parts of a service definition as a form: names, agency, legal basis, SLA, fee, the rule's dataset,
 * pattern and parameters, and the texts. It edits the same definition the JSON view shows (conditions,
 * pre-filled values and the citizen's fields stay there) and shows each problem beside its field.
 */
export function ServiceDraftForm({
  def,
  onChange,
  issues,
  datasets,
  agencyCode,
  smsVars,
  text,
}: {
  def: Json;
  onChange: (next: Json) => void;
  issues: DraftIssue[] | undefined;
  datasets: DatasetOption[];
  agencyCode: string;
  smsVars: string[];
  text: { form: Text; issue: Text };
}) {
  const f = text.form;
  const str = (path: string) => {
    const v = valueAt(def, path);
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
  };
  const set = (path: string, value: unknown) => onChange(withValue(def, path, value));
  const setNumber = (path: string, raw: string) => set(path, raw === "" ? undefined : Number.isFinite(Number(raw)) ? Number(raw) : raw);
  const trigger = (def.trigger ?? {}) as Json;
  const kind = String(trigger.kind ?? "");
  const dataset = datasets.find((d) => d.code === trigger.dataset);
  const common = { issues, text };

  const textField = (path: string, label: string, opts: { long?: boolean; hint?: string } = {}) => (
    <Field key={path} path={path} label={label} hint={opts.hint} {...common}>
      {(a11y) =>
        opts.long ? (
          <textarea {...a11y} rows={3} className={input} value={str(path)} onChange={(e) => set(path, e.target.value)} />
        ) : (
          <input {...a11y} type="text" className={input} value={str(path)} onChange={(e) => set(path, e.target.value)} />
        )
      }
    </Field>
  );
  // A value the schema defaults when it is left out shows as that default (placeholder or selection).
  const numberField = (path: string, label: string, hint?: string, byDefault?: number) => (
    <Field key={path} path={path} label={label} hint={hint} {...common}>
      {(a11y) => (
        <input
          {...a11y}
          type="number"
          inputMode="numeric"
          className={input}
          value={str(path)}
          placeholder={byDefault === undefined ? undefined : String(byDefault)}
          onChange={(e) => setNumber(path, e.target.value)}
        />
      )}
    </Field>
  );
  const selectField = (path: string, label: string, options: [string, string][], onSelect: (v: string) => void = (v) => set(path, v), byDefault = "") => (
    <Field key={path} path={path} label={label} {...common}>
      {(a11y) => (
        <select {...a11y} className={input} value={str(path) || byDefault} onChange={(e) => onSelect(e.target.value)}>
          {!options.some(([v]) => v === (str(path) || byDefault)) && <option value={str(path)}>{str(path) || "—"}</option>}
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const checkbox = (path: string, label: string, fallback: boolean) => (
    <label key={path} className="flex min-h-11 items-center gap-3 font-semibold">
      <input type="checkbox" className="h-6 w-6" checked={typeof valueAt(def, path) === "boolean" ? Boolean(valueAt(def, path)) : fallback} onChange={(e) => set(path, e.target.checked)} />
      {label}
    </label>
  );
  const columns = (list: string[] | undefined): [string, string][] => (list ?? []).map((c) => [c, c]);

  const parameters: Record<string, ReactNode[]> = {
    window: [
      selectField("trigger.column", f.column!, columns(dataset?.dateColumns)),
      numberField("trigger.daysBefore", f.daysBefore!),
      numberField("trigger.renewYears", f.renewYears!, f.renewYearsHint),
    ],
    event: [
      selectField("trigger.column", f.column!, columns(dataset?.dateColumns)),
      numberField("trigger.windowDays", f.windowDays!),
      numberField("trigger.confirmDays", f.confirmDays!),
      selectField("trigger.deadlineFrom", f.deadlineFrom!, [
        ["event", f.deadlineFromEvent!],
        ["scan", f.deadlineFromScan!],
      ]),
      checkbox("trigger.perOccurrence", f.perOccurrence!, false),
    ],
    list: [selectField("trigger.yearColumn", f.yearColumn!, columns(dataset?.intColumns)), numberField("trigger.confirmDays", f.confirmDays!)],
    age: [
      <Field key="trigger.years" path="trigger.years" label={f.years!} hint={f.yearsHint} {...common}>
        {(a11y) => <NumberListInput {...a11y} value={trigger.years} onChange={(v) => set("trigger.years", v)} />}
      </Field>,
      selectField(
        "trigger.basis",
        f.basis!,
        [
          ["birthday", f.basisBirthday!],
          ["schoolYear", f.basisSchoolYear!],
          ["calendarYear", f.basisCalendarYear!],
        ],
        (v) => onChange(withValue(withValue(def, "trigger.basis", v), "trigger.month", v === "calendarYear" ? (trigger.month ?? 1) : undefined)),
      ),
      ...(trigger.basis === "calendarYear"
        ? [selectField("trigger.month", f.month!, Array.from({ length: 12 }, (_, i) => [String(i + 1), fill(f.monthN!, { n: i + 1 })]), (v) => set("trigger.month", Number(v)))]
        : []),
      numberField("trigger.leadDays", f.leadDays!, undefined, 0),
      numberField("trigger.graceDays", f.graceDays!, undefined, 0),
      selectField(
        "trigger.owner",
        f.owner!,
        [
          ["self", f.ownerSelf!],
          ["parents", f.ownerParents!],
        ],
        undefined,
        "self",
      ),
      numberField("trigger.confirmDays", f.confirmDays!, undefined, 30),
    ],
  };

  return (
    <div className="space-y-4">
      <fieldset className="space-y-3 rounded-lg bg-white p-3 ring-1 ring-stone-200">
        <legend className="px-1 text-lg font-semibold">{f.service}</legend>
        {textField("code", f.code!, { hint: f.codeHint })}
        <div className="grid gap-3 sm:grid-cols-2">
          {textField("name.vi", f.nameVi!)}
          {textField("name.en", f.nameEn!)}
          {textField("shortName.vi", f.shortNameVi!)}
          {textField("shortName.en", f.shortNameEn!)}
        </div>
        <p className="text-sm text-stone-700">{fill(f.agencyCode!, { code: agencyCode })}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {textField("agency.name.vi", f.agencyVi!, { hint: f.agencyHint })}
          {textField("agency.name.en", f.agencyEn!)}
        </div>
        {textField("legalBasis", f.legalBasis!, { long: true })}
        <div className="grid gap-3 sm:grid-cols-2">
          {numberField("slaWorkingDays", f.sla!)}
          {numberField("feeVnd", f.fee!)}
          {textField("result.vi", f.resultVi!)}
          {textField("result.en", f.resultEn!)}
        </div>
        {checkbox("declinable", f.declinable!, true)}
      </fieldset>

      <fieldset className="space-y-3 rounded-lg bg-white p-3 ring-1 ring-stone-200">
        <legend className="px-1 text-lg font-semibold">{f.rule}</legend>
        {selectField(
          "trigger.dataset",
          f.dataset!,
          datasets.filter((d) => kind !== "age" || d.code === "population").map((d) => [d.code, d.name]),
          (v) => set("trigger", switchDataset(trigger, v, datasets)),
        )}
        {selectField(
          "trigger.kind",
          f.pattern!,
          [
            ["window", f.patternWindow!],
            ["event", f.patternEvent!],
            ["list", f.patternList!],
            ["age", f.patternAge!],
          ],
          (v) => set("trigger", switchPattern(trigger, v, datasets)),
        )}
        <div className="grid gap-3 sm:grid-cols-2">{parameters[kind]}</div>
        <p className="text-sm text-stone-600">{f.advancedParts}</p>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg bg-white p-3 ring-1 ring-stone-200">
        <legend className="px-1 text-lg font-semibold">{f.texts}</legend>
        {textField("reason.vi", f.reasonVi!, { long: true })}
        {textField("reason.en", f.reasonEn!, { long: true })}
        {textField("prepared.vi", f.preparedVi!, { long: true })}
        {textField("prepared.en", f.preparedEn!, { long: true })}
        <Field path="sms" label={f.sms!} hint={fill(f.smsHint!, { vars: smsVars.map((v) => `{${v}}`).join(" ") })} {...common}>
          {(a11y) => (
            <>
              <textarea {...a11y} rows={3} className={`${input} font-mono text-sm`} value={str("sms")} onChange={(e) => set("sms", e.target.value)} />
              <p className="text-sm text-stone-600">{fill(f.smsLength!, { length: str("sms").length })}</p>
            </>
          )}
        </Field>
      </fieldset>
    </div>
  );
}
