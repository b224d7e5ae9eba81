#!/usr/bin/env bash
# The nightly match: members CSV -> pending, explained proposals in <home>/runs/<run-id>/.
# Usage: jobs/match.sh [--members FILE] [--home DIR] [--run-id ID] [--config FILE] [--master URL] [--conf k=v]...
#        jobs/match.sh --help | --settings
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
mm_spark_submit org.mentormatch.jobs.MatchJob "$@"
