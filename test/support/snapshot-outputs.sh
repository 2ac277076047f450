#!/usr/bin/env bash
# Writes every report dqc makes of the shipped fixtures into one folder, timings blanked, so that
# two builds can be compared byte for byte (a restructuring must not change what users see):
#
#   npm run build && bash test/support/snapshot-outputs.sh /tmp/before
#   ...change...
#   npm run build && bash test/support/snapshot-outputs.sh /tmp/after && diff -r /tmp/before /tmp/after
#
# Covered: check (console, json, html, markdown, junit; fix lists as CSV and JSONL; en and vi) on
# every fixture, reconcile on the fixture pair, profile (console, json, html) on every fixture,
# init on every fixture, fix on the defects and duplicates fixtures, and the usage errors.
set -uo pipefail
out="${1:?usage: snapshot-outputs.sh OUTPUT_DIR}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dqc=(node "$root/bin/dqc.js")
rm -rf "$out" && mkdir -p "$out"
out="$(cd "$out" && pwd)"
cd "$root"
export NO_COLOR=1 CI=1
unset DQC_LANG LC_ALL LC_MESSAGES LANG DQC_THREADS DQC_CSV_READER

# Timings and the clock are the only things allowed to differ between two runs.
blank() {
  sed -E -i \
    -e 's/"(durationMs|startedAt|finishedAt|generatedAt)": *("[^"]*"|[0-9.]+)/"\1": 0/g' \
    -e 's/time="[0-9.]+"/time="0"/g' \
    -e 's/timestamp="[^"]*"/timestamp="0"/g' \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(\.[0-9]+)?Z?( UTC)?/TIME/g' \
    -e 's/[0-9]{2}\/[0-9]{2}\/[0-9]{4},? [0-9]{2}:[0-9]{2}(:[0-9]{2})?( UTC)?/TIME/g' \
    -e 's/[0-9][0-9.,]* (ms|s|giây)\b/N \1/g' \
    -e 's#"\$schema": "[^"]*rules/pack.schema.json"#"$schema": "SCHEMA"#' \
    "$@"
}

run() { # name, then the command's arguments
  local name="$1"; shift
  "${dqc[@]}" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  echo "$?" >"$out/$name.exit"
}

mapfile -t inputs < <(ls fixtures/*.csv fixtures/formats/* fixtures/broken/* | grep -v expected.json)
for input in "${inputs[@]}"; do
  id="$(echo "$input" | tr '/.' '__')"
  extra=()
  case "$input" in *windows-1258*) extra=(--encoding windows-1258) ;; *latin1*) extra=(--encoding latin1) ;; esac
  for lang in en vi; do
    dir="$out/check-$id-$lang"; mkdir -p "$dir"
    run "check-$id-$lang" check "$input" "${extra[@]}" --as-of 2026-11-01 --lang "$lang" --threads 1 \
      --format console,json,html,markdown,junit -o "$dir" --fixes "$dir/fixes.csv"
    run "check-$id-$lang-jsonl" check "$input" "${extra[@]}" --as-of 2026-11-01 --lang "$lang" --threads 1 \
      --format json -o "$dir/report-jsonl-run.json" --fixes "$dir/fixes.jsonl" -q
  done
  dir="$out/profile-$id"; mkdir -p "$dir"
  run "profile-$id-console" profile "$input" "${extra[@]}" --as-of 2026-11-01
  run "profile-$id-json" profile "$input" "${extra[@]}" --as-of 2026-11-01 --format json -o "$dir/profile.json" -q
  run "profile-$id-html" profile "$input" "${extra[@]}" --as-of 2026-11-01 --format html -o "$dir/profile.html" -q
  dir="$out/init-$id"; mkdir -p "$dir"
  run "init-$id" init --from "$input" "${extra[@]}" --as-of 2026-11-01 -o "$dir/dqc.config.json"
done

run "check-duplicates-pack" check fixtures/duplicates.csv --pack fixtures/duplicates.pack.json --as-of 2026-11-01 \
  --format json -o "$out/check-duplicates-pack.json" --fixes "$out/check-duplicates-pack.fixes.csv"
run "check-gz-and-json" check fixtures/formats/comma.csv.gz fixtures/formats/data.ndjson --as-of 2026-11-01 --format json
run "check-warning-gate" check fixtures/population-clean.csv --as-of 2026-11-01 --fail-on warning --max-warnings 0

for lang in en vi; do
  dir="$out/reconcile-$lang"; mkdir -p "$dir"
  run "reconcile-$lang" reconcile fixtures/reconcile-local.csv --reference fixtures/reconcile-reference.csv \
    --expect-complete --as-of 2026-11-01 --lang "$lang" --format console,json,html,markdown,junit -o "$dir" \
    --fixes "$dir/fixes.csv"
done

for name in population-defects duplicates; do
  dir="$out/fix-$name"; mkdir -p "$dir"
  pack=(); [ "$name" = duplicates ] && pack=(--pack fixtures/duplicates.pack.json)
  "${dqc[@]}" check "fixtures/$name.csv" "${pack[@]}" --as-of 2026-11-01 --fixes "$dir/fixes.csv" -q >/dev/null 2>&1
  run "fix-$name" fix "fixtures/$name.csv" --fixes "$dir/fixes.csv" -o "$dir/clean.csv"
done

run "usage-bad-as-of" check fixtures/population-clean.csv --as-of 2026-13-45
run "usage-bad-fail-on" check fixtures/population-clean.csv --fail-on critical
run "usage-bad-sample" check fixtures/population-clean.csv --sample -5
run "usage-missing" check fixtures/nope.csv
run "usage-bad-pack" check fixtures/population-clean.csv --pack fixtures/broken/broken.json
run "usage-bad-format" check fixtures/population-clean.csv --format pdf
run "fix-usage-same" fix fixtures/population-clean.csv --fixes x.csv -o fixtures/population-clean.csv
run "checks" checks
run "checks-vi" checks --lang vi
run "rules" rules --pack vn-population
run "rules-vi" rules --pack vn-population --lang vi
run "pack" pack vn-population
run "help" --help
run "check-help" check --help

find "$out" -type f -print0 | xargs -0 sed -i -e "s#$out#OUT#g" -e "s#$root#ROOT#g"
find "$out" -type f \( -name '*.json' -o -name '*.html' -o -name '*.md' -o -name '*.xml' -o -name '*.stdout' \
  -o -name '*.stderr' -o -name '*.jsonl' -o -name '*.csv' \) -print0 | xargs -0 bash -c "$(declare -f blank); blank \"\$@\"" _
echo "wrote $(find "$out" -type f | wc -l) files to $out"
