"use client";

import { useState } from "react";

export interface UploaderText {
  file: string;
  dataset: string;
  submit: string;
  uploading: string;
  progress: string;
  accepted: string;
  unchanged: string;
  rejected: string;
  prepared: string;
  errorsTitle: string;
  line: string;
  reason: string;
  failed: string;
}

interface Report {
  accepted: number;
  unchanged: number;
  rejected: number;
  errors: { line: number; reason: string }[];
  engine: { prepared: Record<string, number>; sms: number };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Uploads a CSV or .xlsx with a progress bar (XHR reports upload progress; fetch does not) and shows the import report. */
export function CsvUploader({ datasets, text }: { datasets: { code: string; label: string }[]; text: UploaderText }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError(text.failed);
    setReport(null);
    setError(null);
    setPercent(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/officer/imports/upload?dataset=${encodeURIComponent(String(form.get("dataset")))}`);
    // The server tells .xlsx from CSV by the file's first bytes; the type only says which was meant.
    xhr.setRequestHeader("Content-Type", /\.xlsx$/i.test(file.name) ? XLSX_TYPE : "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && setPercent(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setPercent(null);
      const body = JSON.parse(xhr.responseText || "{}") as Report & { message?: string };
      if (xhr.status === 200) setReport(body);
      else setError(body.message ?? text.failed);
    };
    xhr.onerror = () => {
      setPercent(null);
      setError(text.failed);
    };
    xhr.send(file);
  }

  const prepared = report ? Object.values(report.engine.prepared).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
        <label className="block font-semibold">
          {text.dataset}
          <select name="dataset" className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-2">
            {datasets.map((d) => (
              <option key={d.code} value={d.code}>{d.label}</option>
            ))}
          </select>
        </label>
        <label className="block font-semibold">
          {text.file}
          <input type="file" name="file" accept={`.xlsx,${XLSX_TYPE},.csv,text/csv`} required className="mt-1 block min-h-11 w-full" />
        </label>
        <button type="submit" disabled={percent !== null} className="min-h-11 rounded-lg bg-slate-800 px-4 font-semibold text-white disabled:opacity-70">
          {percent === null ? text.submit : text.uploading}
        </button>
        {percent !== null && (
          <div>
            <label htmlFor="upload-progress" className="text-sm">{text.progress}</label>
            <progress id="upload-progress" max={100} value={percent} className="block h-3 w-full">{percent}%</progress>
          </div>
        )}
      </form>
      {error && <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">{error}</p>}
      {report && (
        <section role="status" className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <div><dt className="text-sm text-stone-600">{text.accepted}</dt><dd className="text-2xl font-bold" data-count="accepted">{report.accepted}</dd></div>
            <div><dt className="text-sm text-stone-600">{text.unchanged}</dt><dd className="text-2xl font-bold" data-count="unchanged">{report.unchanged}</dd></div>
            <div><dt className="text-sm text-stone-600">{text.rejected}</dt><dd className="text-2xl font-bold" data-count="rejected">{report.rejected}</dd></div>
            <div><dt className="text-sm text-stone-600">{text.prepared}</dt><dd className="text-2xl font-bold" data-count="prepared">{prepared}</dd></div>
          </dl>
          {report.errors.length > 0 && (
            <table className="w-full text-left text-sm">
              <caption className="text-left font-semibold">{text.errorsTitle}</caption>
              <thead><tr><th scope="col" className="py-1 pr-3">{text.line}</th><th scope="col">{text.reason}</th></tr></thead>
              <tbody>
                {report.errors.map((e) => (
                  <tr key={e.line} className="border-t border-stone-200"><td className="py-1 pr-3 font-mono">{e.line}</td><td>{e.reason}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
