#!/usr/bin/env bash
# The coordinator's review console in the browser: a small web server over a programme's home.
# Usage: jobs/review.sh [--home DIR] [--run-id ID] [--port N] [--bind ADDR]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
mm_java org.mentormatch.jobs.ReviewJob "$@"
