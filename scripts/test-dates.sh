#!/usr/bin/env bash
# The unit tests on shifted system dates (Debian's faketime): tests must pass on any date.
# DATE_SHIFTS picks the shifts (CI runs one to stay fast; before a stop, run the default two).
set -euo pipefail
command -v faketime >/dev/null || { echo "faketime is not installed (apt-get install faketime)" >&2; exit 1; }
for shift in ${DATE_SHIFTS:-+40d +400d}; do
  echo "== unit tests with the system date shifted by $shift"
  # The monotonic clock stays real: Node's timers and vitest's timeouts rely on it.
  FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "$shift" npx vitest run
done
