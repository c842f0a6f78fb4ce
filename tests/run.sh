#!/usr/bin/env bash
# Runs every test: the three test projects of Timeline.sln, Timeline.Core.Tests (unit, and the store on real LiteDB
# files), Timeline.Web.Tests (the host through WebApplicationFactory, components in bUnit) and Timeline.EndToEnd.Tests
# (Playwright driving Debian's Chromium, kill -9, the app started as a service would). It builds once, then runs the
# projects one after another: the suite is CPU-bound on two cores, and running them side by side was measured slower
# (10 min against 9 min 24 s from a fresh clone); dotnet test on the solution sometimes overlaps two of them.
# Installs Chromium and nginx when they are missing (Playwright cannot download browsers here). Ends with a line
# "N passed, N failed[, N skipped]" counted from the TRX results of all three.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests start themselves: Chromium (the browser tests) and nginx (the cache in front of the app).
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium fonts-dejavu-core"
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
if [ -n "$missing" ]; then
  echo "Installing Debian's$missing for the tests..."
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet build Timeline.sln || exit $?
# The three test projects (a new one goes here too), the fast ones first, so that a broken unit says so in seconds.
for name in Timeline.Core.Tests Timeline.Web.Tests Timeline.EndToEnd.Tests; do
  dotnet test "tests/$name" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=$?
done

# Sum one attribute of the <Counters> element over every TRX file.
count() {
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' \
    | awk '{ sum += $1 } END { print sum + 0 }'
}
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
# xunit's skipped tests are counted in "total" but not in "executed".
skipped=$(( $(count total) - $(count executed) ))

if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # Every test passed, yet the run failed: a class or collection cleanup threw (xunit prints it above as
  # "[Test Class Cleanup Failure ...]"). The counts stay honest; the exit status says the run failed.
  echo "dotnet test exited with $status although no test failed: see the cleanup failure above." >&2
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
