"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { dryRunDraft, submitDraft, validateDraft } from "@/app/officer/services/actions";
import type { DryRun } from "@/lib/engine/dry-run";
import type { DraftIssue } from "@/lib/services/draft-issues";
import { preparedSmsVarsOf } from "@/lib/sms/templates";
import { fieldPaths, issuesAt, type DatasetOption } from "@/lib/services/draft-form";
import { ServiceDraftForm } from "./service-draft-form";

interface Text {
  definition: string;
  advanced: string;
  jsonUnreadable: string;
  valid: string;
  invalid: string;
  otherIssues: string;
  checking: string;
  communes: string;
  dryRun: string;
  dryRunning: string;
  submit: string;
  submitting: string;
  submitted: string;
  errors: Record<string, string>;
  dry: Record<string, string>;
  form: Record<string, string>;
  issue: Record<string, string>;
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (w, k: string) => String(values[k] ?? w));

function parse(json: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The department's draft: a form over the definition, with the JSON as the advanced view of the same
 * text, checked by the catalogue's own schema as it is typed; a dry run, and the submission to the centre.
 */
export function ServiceDraftEditor({
  initialJson,
  communes,
  datasets,
  agencyCode,
  text,
}: {
  initialJson: string;
  communes: string[];
  datasets: DatasetOption[];
  agencyCode: string;
  text: Text;
}) {
  const [json, setJson] = useState(initialJson);
  const [chosen, setChosen] = useState<string[]>([]);
  const [issues, setIssues] = useState<DraftIssue[] | undefined>(undefined);
  const [run, setRun] = useState<DryRun | undefined>();
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const def = useMemo(() => parse(json), [json]);

  useEffect(() => {
    const timer = setTimeout(() => void validateDraft(json).then(setIssues), 400);
    return () => clearTimeout(timer);
  }, [json]);

  const edit = (next: string) => {
    setJson(next);
    setIssues(undefined);
  };
  const toggle = (commune: string) => setChosen((c) => (c.includes(commune) ? c.filter((x) => x !== commune) : [...c, commune]));
  // Problems no form field shows (a pre-filled value, a condition): listed with their path, for the JSON view.
  const shownPaths = def ? fieldPaths(def) : [];
  const others = (issues ?? []).filter((i) => !shownPaths.some((p) => issuesAt([i], p).length > 0));
  const trigger = def?.trigger as { smsVars?: Record<string, unknown> } | undefined;
  const smsVars = preparedSmsVarsOf({ smsVars: trigger?.smsVars && typeof trigger.smsVars === "object" ? trigger.smsVars : {} });

  return (
    <div className="space-y-4">
      <div id="definition-status" role="status" aria-live="polite" className="sticky top-0 z-10 rounded-lg bg-stone-50 py-2 text-sm">
        {issues === undefined ? (
          text.checking
        ) : issues.length === 0 ? (
          <span className="font-semibold text-green-800">{text.valid}</span>
        ) : (
          <span className="font-semibold text-red-800">{fill(text.invalid, { count: issues.length })}</span>
        )}
      </div>
      {def ? (
        <ServiceDraftForm
          def={def}
          onChange={(next) => edit(JSON.stringify(next, null, 2))}
          issues={issues}
          datasets={datasets}
          agencyCode={agencyCode}
          smsVars={[...smsVars]}
          text={{ form: text.form, issue: text.issue }}
        />
      ) : (
        <p className="rounded-lg bg-amber-50 p-3 font-semibold text-amber-900 ring-1 ring-amber-300">{text.jsonUnreadable}</p>
      )}
      {others.length > 0 && (
        <div className="rounded-lg bg-white p-3 text-sm ring-1 ring-red-300">
          <p className="font-semibold text-red-800">{text.otherIssues}</p>
          <ul className="list-disc pl-5">
            {others.map((i, n) => (
              <li key={n}>
                <code>{i.path || "—"}</code>: {fill(text.issue[i.key] ?? text.issue.other!, i.values ?? {})}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="rounded-lg bg-white p-3 ring-1 ring-stone-200" open={!def}>
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300">{text.advanced}</summary>
        <label htmlFor="definition" className="mb-1 mt-2 block font-semibold">
          {text.definition}
        </label>
        <textarea
          id="definition"
          value={json}
          onChange={(e) => edit(e.target.value)}
          spellCheck={false}
          rows={18}
          aria-describedby="definition-status"
          className="w-full rounded-lg border border-stone-400 p-2 font-mono text-sm focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300"
        />
      </details>
      <fieldset className="rounded-lg bg-white p-3 ring-1 ring-stone-200">
        <legend className="font-semibold">{text.communes}</legend>
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {communes.map((c) => (
            <label key={c} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="h-5 w-5" checked={chosen.includes(c)} onChange={() => toggle(c)} />
              {c}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setMessage("");
              const r = await dryRunDraft({ json, communes: chosen });
              if (r.ok) setRun(r.run);
              else setIssues(r.issues);
            })
          }
          className="min-h-11 rounded-lg border border-stone-500 bg-white px-4 font-semibold focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300"
        >
          {pending ? text.dryRunning : text.dryRun}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const r = await submitDraft({ json, communes: chosen });
              setMessage(r.ok ? fill(text.submitted, { version: r.version }) : (text.errors[r.error] ?? text.errors.failed!));
            })
          }
          className="min-h-11 rounded-lg bg-red-700 px-4 font-semibold text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-red-300"
        >
          {pending ? text.submitting : text.submit}
        </button>
      </div>
      <p role="status" aria-live="polite" className="font-semibold">{message}</p>
      {run && <DryRunView run={run} text={text.dry} />}
    </div>
  );
}

export function DryRunView({ run, text }: { run: DryRun; text: Record<string, string> }) {
  return (
    <section aria-labelledby="dry-run" className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-stone-200">
      <h2 id="dry-run" className="text-lg font-semibold">{text.title}</h2>
      <p className="font-semibold">
        {run.total.small === 0
          ? fill(text.total!, { count: run.total.count })
          : run.total.count === 0
            ? text.totalSmall
            : fill(text.totalPlus!, { count: run.total.count, small: run.total.small })}
      </p>
      {run.perCommune.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">{text.commune}</th>
              <th scope="col">{text.count}</th>
              <th scope="col">{text.chosen}</th>
            </tr>
          </thead>
          <tbody>
            {run.perCommune.map((r) => (
              <tr key={r.commune}>
                <td>{r.commune}</td>
                <td>{r.count ?? text.fewer}</td>
                <td>{r.chosen ? text.yes : text.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {run.samples.length > 0 && (
        <>
          <h3 className="font-semibold">{text.samples}</h3>
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">{text.age}</th>
                <th scope="col">{text.commune}</th>
                <th scope="col">{text.due}</th>
              </tr>
            </thead>
            <tbody>
              {run.samples.map((s, i) => (
                <tr key={i}>
                  <td>{s.ageBand}</td>
                  <td>{s.commune}</td>
                  <td>{s.dueOn ? s.dueOn.slice(0, 10).split("-").reverse().join("/") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3 className="font-semibold">{text.sms}</h3>
      <p className="break-all rounded bg-stone-100 p-2 font-mono text-sm">{run.sms.text}</p>
      <p className="text-sm">{fill(text.length!, { length: run.sms.length })}</p>
    </section>
  );
}
