# Sourced by the load scripts. wait_ready LOG PID: returns when the service has written its
# "ready: accepting traffic" line to LOG (it does when readiness turns UP), fails when PID ends first.
# It waits on the line itself (tail follows the file, grep stops at the first match), not by polling.
wait_ready() {
  local log=$1 pid=$2
  if ! timeout 180 grep -q -m1 "ready: accepting traffic" <(tail -F -n +1 --pid="$pid" "$log" 2> /dev/null); then
    tail -5 "$log"
    return 1
  fi
}
