#!/usr/bin/env bash
# Bring-your-own-scores: the exact assignment of mentee_id,mentor_id,score pairs.
# Usage: jobs/assign.sh --edges FILE --out FILE [--capacities FILE] [--min-score X] [--master URL] [--conf k=v]...
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
mm_spark_submit org.mentormatch.jobs.AssignJob "$@"
