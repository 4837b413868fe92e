#!/usr/bin/env bash
# The README's SLURM script on a real scheduler: a single-node cluster (this machine as controller
# and compute node) runs deploy/slurm/shard.sbatch, unchanged, as arrays of 4 tasks over an ensemble
# and a sweep; their merged shards must be byte for byte the same jobs run on one machine. Then one
# task of an array is cancelled: the merge must refuse, naming the missing shard, and resubmitting
# that index alone must complete the job. Every daemon it starts is stopped by PID, and its state
# (keys, configs, spool, logs, outputs) lives in one temporary folder, removed at the end.
#
# Run from the repository: bash deploy/slurm/ci-test.sh. It needs root (or sudo) to install
# Debian's slurm-wlm and munge when they are missing and to run the daemons; without either it
# says so and exits 0 (skipped, never silently).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
started=$(date +%s)

say() { echo "slurm-ci: $*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    say "SKIPPED: needs root or password-less sudo to install slurm-wlm and munge and start their daemons"
    exit 0
  fi
fi

missing=()
for pkg in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  $SUDO apt-get update -qq
  # Debian's packages would start their services where an init system lets them; this test
  # starts its own daemons, on its own sockets and ports, and leaves any others alone.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

state=$(mktemp -d /tmp/llm-market-sim-slurm.XXXXXX)
chmod 755 "$state"
pids=()
cleanup() {
  local status=$?
  # Stop what this test started, by PID, newest first, and wait until each is gone.
  for pidfile in "$state/slurmd.pid" "$state/slurmctld.pid" "$state/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      $SUDO kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && $SUDO kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ $status -ne 0 ]; then
    for log in "$state"/*.log "$state"/out/*.out; do
      [ -f "$log" ] || continue
      echo "----- $log"
      tail -n 30 "$log"
    done
  fi
  if [ -n "${KEEP_SLURM_STATE:-}" ]; then say "state kept in $state (KEEP_SLURM_STATE)"; else $SUDO rm -rf "$state"; fi
  exit $status
}
trap cleanup EXIT

# munge: its own key, socket, pid, log and seed files in the state folder.
$SUDO dd if=/dev/urandom of="$state/munge.key" bs=1024 count=1 status=none
$SUDO chmod 400 "$state/munge.key"
$SUDO munged --force --socket="$state/munge.socket" --key-file="$state/munge.key" \
  --pid-file="$state/munged.pid" --log-file="$state/munged.log" --seed-file="$state/munged.seed"

host=$(hostname -s)
cpus=$(nproc)
# Ports of our own, so that a cluster already on this machine (6817/6818) is not disturbed.
cat >"$state/slurm.conf" <<CONF
ClusterName=llmsimci
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=$(id -un)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$state/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1
MinJobAge=300
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
mkdir -p "$state/ctld" "$state/spool" "$state/out"
export SLURM_CONF="$state/slurm.conf"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF"
$SUDO env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF"
for _ in $(seq 1 100); do
  if sinfo -h -N -o '%T' 2>/dev/null | grep -qx 'idle'; then break; fi
  sleep 0.2
done
sinfo -h -N -o '%T' | grep -qx 'idle' || { say "the node did not come up"; exit 1; }
say "cluster up in $(($(date +%s) - started)) s: $(sinfo -h -N -o '%N %c CPUs %T')"

# A command on this machine, as npm run runs it (and as shard.sbatch does): compiled, from dist/.
node_cli() { node scripts/launch.mjs "$@"; }
# Submits deploy/slurm/shard.sbatch as the README shows it, waits for the array and returns its status.
submit() {
  local array=$1 shards=$2
  shift 2
  sbatch --wait --parsable --array="$array" --chdir="$repo" --output="$state/out/%x-%A_%a.out" \
    --export=ALL,SHARDS="$shards",N=4 deploy/slurm/shard.sbatch "$@"
}
same_outputs() {
  if ! diff -r "$1" "$2" >/dev/null; then
    say "FAILED: $1 differs from $2:"
    diff -rq "$1" "$2" || true
    exit 1
  fi
}

# Two years of the baseline keep the test short; the shards' bytes do not depend on the length.
ensemble=(simulate configs/baseline.json --runs 4 --ticks 25)
sweep=(sweep configs/baseline.json --param enterprises.policies.switching.params.reviewProbability=0.02:0.2:4 --ticks 25 --no-charts)

# 1. An ensemble and a sweep, each an array of 4 tasks, submitted together (the cluster runs them
# side by side), merged and compared with the same jobs run on one machine.
t0=$(date +%s)
submit 0-3 "$state/shards/ensemble" "${ensemble[@]}" >"$state/ensemble.jobid" &
ensemble_submit=$!
submit 0-3 "$state/shards/sweep" "${sweep[@]}" >"$state/sweep.jobid" &
sweep_submit=$!
wait $ensemble_submit || { say "FAILED: the ensemble's array failed"; exit 1; }
wait $sweep_submit || { say "FAILED: the sweep's array failed"; exit 1; }
for job in ensemble sweep; do
  declare -n args=$job
  node_cli merge "$state"/shards/$job/{0..3} --out "$state/merged/$job" --quiet
done
t1=$(date +%s)
say "ensemble (4 runs) and sweep (4 points) as two arrays of 4 tasks, with their merges, in $((t1 - t0)) s"
for job in ensemble sweep; do
  declare -n args=$job
  node_cli "${args[0]}" "${args[@]:1}" --out "$state/one/$job" --quiet
  same_outputs "$state/merged/$job" "$state/one/$job"
  say "$job: merged shards byte-identical to one machine ($(ls "$state/one/$job" | wc -l) files)"
done

# 2. A task cancelled: the merge refuses, naming the missing shard; resubmitting its index completes the job.
job=$(sbatch --parsable --hold --array=0-3 --chdir="$repo" --output="$state/out/%x-%A_%a.out" \
  --export=ALL,SHARDS="$state/shards/cancelled",N=4 deploy/slurm/shard.sbatch "${ensemble[@]}")
scancel "${job}_2"
scontrol release "$job"
for _ in $(seq 1 600); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.5
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] || { say "FAILED: array $job did not finish"; exit 1; }
set +e
message=$(node_cli merge "$state"/shards/cancelled/{0..3} --out "$state/merged/cancelled" --quiet 2>&1)
code=$?
set -e
if [ $code -eq 0 ] || ! grep -q "shards/cancelled/2" <<<"$message"; then
  say "FAILED: the merge without shard 2 exited $code, saying: $message"
  exit 1
fi
[ ! -e "$state/merged/cancelled" ] || { say "FAILED: the refused merge left $state/merged/cancelled"; exit 1; }
say "task 2 cancelled: merge refused (exit $code): $(head -n 1 <<<"$message")"
# A task killed while it runs (scancel sends SIGTERM) leaves neither its shard nor a staging folder.
running=$(sbatch --parsable --array=1 --chdir="$repo" --output="$state/out/%x-%A_%a.out" \
  --export=ALL,SHARDS="$state/shards/killed",N=4 deploy/slurm/shard.sbatch simulate configs/baseline.json --runs 4)
for _ in $(seq 1 300); do
  [ -n "$(ls -A "$state/shards/killed" 2>/dev/null)" ] && break
  sleep 0.1
done
[ "$(squeue -h -j "$running" -o '%T' 2>/dev/null)" = "RUNNING" ] || { say "FAILED: task ${running}_1 was not running when its staging folder appeared"; exit 1; }
scancel "${running}_1"
for _ in $(seq 1 300); do
  [ -z "$(squeue -h -j "$running" 2>/dev/null)" ] && break
  sleep 0.1
done
if [ -n "$(ls -A "$state/shards/killed")" ]; then
  say "FAILED: a task killed mid-run left $(ls -A "$state/shards/killed")"
  exit 1
fi
say "a task killed mid-run (scancel while running) left no shard and no staging folder"
submit 2 "$state/shards/cancelled" "${ensemble[@]}" >/dev/null
node_cli merge "$state"/shards/cancelled/{0..3} --out "$state/merged/cancelled" --quiet
same_outputs "$state/merged/cancelled" "$state/one/ensemble"
say "task 2 resubmitted alone (--array=2): the merge completes, byte-identical to one machine"
say "passed in $(($(date +%s) - started)) s"
