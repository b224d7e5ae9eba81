#!/usr/bin/env bash
# A coordinator's decisions on a run's proposals: checked whole, then applied all or none.
# Usage: jobs/decide.sh --run-id ID --decisions FILE --coordinator ID [--home DIR]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
mm_java org.mentormatch.jobs.DecideJob "$@"
