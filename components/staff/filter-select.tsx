/** One labelled filter of a GET form, with an "all" choice first; the officer queue and /ioc share it. */
export function FilterSelect({
  label,
  name,
  value,
  all,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  all: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="block text-sm font-semibold">
      {label}
      <select name={name} defaultValue={value ?? ""} className="mt-1 block min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-2">
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
