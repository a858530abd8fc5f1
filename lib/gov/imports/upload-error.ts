type UploadProblem =
  | "invalidEncoding"
  | "unsupportedMediaType"
  | "missingFile"
  | "invalidMultipart"
  | "invalidSpreadsheet"
  | "spreadsheetTooLarge";

/** A refused import file. Thrown from inside a body stream, so it surfaces wherever the stream is read. */
export class UploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem);
  }
}
