const URL_PATTERN = /(https?:\/\/\S+)/;

/** An SMS body with its links made clickable, as a phone shows it. */
export function MessageText({ body }: { body: string }) {
  // split with a capture group puts every link at an odd index.
  const parts = body.split(URL_PATTERN);
  return (
    <p lang="vi" className="mt-2 whitespace-pre-line break-words leading-relaxed">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="inline-block break-all py-2 font-semibold text-blue-800 underline underline-offset-4">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}
