#!/usr/bin/env bash
# The engine on several threads against one thread, and against an older build, on a generated
# export full of planted defects (bench/defect-soup.ts; 200,000 rows by default): every report
# format and both fix-list formats, byte for byte once timings are blanked. One thread reads the
# file whole; 2 and 4 read it by byte ranges (split-reading.ts). BASE, if given, is a checkout of
# an older commit, built (e.g. 2824185, the row engine the batch engine replaced): its outputs are
# the reference then. Prints the differences (none is the expected outcome) and exits 1 on any.
#
#   npm run build && [BASE=/path/to/old/checkout] bash bench/differential.sh [ROWS]
set -uo pipefail
rows="${1:-200000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/dqc-differential-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
export NO_COLOR=1 CI=1
unset DQC_LANG LC_ALL LC_MESSAGES LANG DQC_THREADS DQC_CSV_READER DQC_ENGINE
base="${BASE:-}"
soup="$work/soup-$rows.csv"
npx tsx -e "import('./bench/defect-soup.ts').then((m) => m.writeDefectSoup('$soup', $rows))"

blank() {
  sed -E -i \
    -e 's/"(durationMs|startedAt|finishedAt|generatedAt)": *("[^"]*"|[0-9.]+)/"\1": 0/g' \
    -e 's/time="[0-9.]+"/time="0"/g' -e 's/timestamp="[^"]*"/timestamp="0"/g' \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(\.[0-9]+)?Z?( UTC)?/TIME/g' \
    -e 's/[0-9]{2}\/[0-9]{2}\/[0-9]{4},? [0-9]{2}:[0-9]{2}(:[0-9]{2})?( UTC)?/TIME/g' \
    -e 's/[0-9][0-9.,]* (ms|s|giây)\b/N \1/g' "$@"
}

outputs() { # name, checkout, threads: every run writes to the same place, so paths in outputs agree
  local dir="$work/run"; rm -rf "$dir"; mkdir -p "$dir"
  for lang in en vi; do
    mkdir -p "$dir/$lang"
    node "$2/bin/dqc.js" check "$soup" --as-of 2026-11-01 --lang "$lang" --threads "$3" \
      --format console,json,html,markdown,junit -o "$dir/$lang" --fixes "$dir/$lang-fixes.csv" >"$dir/$lang.stdout" 2>&1
    echo "$?" >"$dir/$lang.exit"
    node "$2/bin/dqc.js" check "$soup" --as-of 2026-11-01 --lang "$lang" --threads "$3" -q \
      --format json -o "$dir/$lang-2.json" --fixes "$dir/$lang-fixes.jsonl" >/dev/null 2>&1
  done
  find "$dir" -type f -exec bash -c "$(declare -f blank); blank \"\$0\"" {} \;
  find "$dir" -type f -exec sed -i "s#$2/rules/#<root>/rules/#g" {} + # the pack's path names the checkout
  mv "$dir" "$work/$1"
}

if [ -n "$base" ]; then outputs reference "$base" 1; what="the build in $base"; else outputs reference "$root" 1; what="one thread"; fi
status=0
for threads in 1 2 4; do
  outputs "run-$threads" "$root" "$threads"
  if diff -r "$work/reference" "$work/run-$threads" >"$work/diff-$threads"; then
    echo "$threads thread(s): identical to $what ($(find "$work/reference" -type f | wc -l) files)"
  else
    echo "$threads thread(s): DIFFERS from $what:"; head -40 "$work/diff-$threads"; status=1
  fi
done
findings=$(node -e "const r=require('$work/reference/en-2.json'); console.log(r.rules.reduce((n, x) => n + x.findings, 0))" 2>/dev/null || echo '?')
echo "$rows rows, $findings findings in the report, $(($(wc -l < "$work/reference/en-fixes.jsonl"))) fix-list records"
exit $status
