#!/usr/bin/env bash
# CPU profile of the stream thread during the topology throughput phase, with async-profiler (from Maven
# Central, tools.profiler:async-profiler). Prints the stream thread's hottest methods, inclusive and self.
#
#   bench/profile.sh                         # topology phase, 400,000 records, one measured round
#   bench/profile.sh --records 1000000       # arguments go to io.newsflow.bench.BenchMain
#
# Environment: SKIP_BUILD=1, MVN_OFFLINE=-o, TOP (rows per table, default 40), OUT (collapsed stacks file).
set -euo pipefail
cd "$(dirname "$0")/.."

AP_VERSION=4.0
AP_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
if [[ ! -f "$AP_JAR" ]]; then
  mvn -q -B ${MVN_OFFLINE:-} dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION"
fi
AP_DIR="$(mktemp -d)"
trap 'rm -rf "$AP_DIR"' EXIT
unzip -q -o "$AP_JAR" 'linux-x64/*' -d "$AP_DIR"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q -B ${MVN_OFFLINE:-} -Pbench -pl bench -am package -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
OUT="${OUT:-$(mktemp --suffix=.collapsed)}"

# itimer: works without perf_event access; 1 ms samples; one file of collapsed stacks per thread
java -agentpath:"$AP_DIR/linux-x64/libasyncProfiler.so=start,event=itimer,interval=1ms,threads,collapsed,file=$OUT" \
  -Xms2g -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" io.newsflow.bench.BenchMain \
  --only topology --repeat 1 "$@" | grep -E '^\| (topology|throughput run)'

echo "# stacks: $OUT"
python3 - "$OUT" "${TOP:-40}" <<'EOF'
import collections, sys
path, top = sys.argv[1], int(sys.argv[2])
own, incl, total = collections.Counter(), collections.Counter(), 0
for line in open(path):
    stack, _, count = line.rstrip().rpartition(' ')
    frames = stack.split(';')
    if not frames[0].startswith('[bench-newsflow-'):
        continue  # only the stream thread of the topology under test (its client threads have other names)
    n = int(count)
    total += n
    own[frames[-1]] += n
    for frame in set(frames[1:]):
        incl[frame] += n
print(f"stream-thread samples: {total}")
for title, counter in (("inclusive", incl), ("self", own)):
    print(f"\n{title} % of stream-thread samples")
    for frame, n in counter.most_common(top):
        print(f"{100.0 * n / max(total, 1):5.1f}  {frame}")
EOF
