#!/usr/bin/env bash
# CPU (or allocation) profile of the stream thread during the topology throughput phase, with async-profiler
# (from Maven Central, tools.profiler:async-profiler). Prints the stream thread's hottest methods, inclusive
# and self, and the share of all samples each thread group takes.
#
#   bench/profile.sh                         # topology phase, 400,000 records, one measured round
#   bench/profile.sh --records 1000000       # arguments go to io.newsflow.bench.BenchMain
#   EVENT=alloc bench/profile.sh --only latency --latency-warmup 10 --duration 20   # who allocates (GC pauses)
#
# Environment: SKIP_BUILD=1, MVN_OFFLINE=-o, EVENT (itimer: CPU, default; alloc: heap allocations),
# TOP (rows per table, default 40), OUT (collapsed stacks file).
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

# itimer: works without perf_event access; 1 ms samples. alloc: sampled by allocated size. Stacks per thread.
EVENT="${EVENT:-itimer}"
AGENT="start,event=$EVENT,threads,collapsed,file=$OUT"
[[ "$EVENT" == itimer ]] && AGENT="$AGENT,interval=1ms"
java -agentpath:"$AP_DIR/linux-x64/libasyncProfiler.so=$AGENT" \
  -Xms2g -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" io.newsflow.bench.BenchMain \
  --only topology --repeat 1 "$@" | grep -E '^\| (topology|throughput run|latency run)'

echo "# stacks: $OUT"
python3 - "$OUT" "${TOP:-40}" <<'EOF'
import collections, re, sys
path, top = sys.argv[1], int(sys.argv[2])
own, incl, threads, total = collections.Counter(), collections.Counter(), collections.Counter(), 0
for line in open(path):
    stack, _, count = line.rstrip().rpartition(' ')
    frames = stack.split(';')
    n = int(count)
    threads[re.sub(r'[-_ ]?[0-9a-f]*[0-9][0-9a-f]*', '#', frames[0].split(' tid=')[0])] += n
    if not frames[0].startswith('[bench-newsflow-') or 'StreamThread' not in frames[0]:
        continue  # only the stream thread of the topology under test (its client threads have other names)
    total += n
    own[frames[-1]] += n
    for frame in set(frames[1:]):
        incl[frame] += n
all_samples = sum(threads.values())
print("% of all samples, by thread")
for name, n in threads.most_common(8):
    print(f"{100.0 * n / max(all_samples, 1):5.1f}  {name}")
print(f"\nstream-thread samples: {total}")
for title, counter in (("inclusive", incl), ("self", own)):
    print(f"\n{title} % of stream-thread samples")
    for frame, n in counter.most_common(top):
        print(f"{100.0 * n / max(total, 1):5.1f}  {frame}")
EOF
