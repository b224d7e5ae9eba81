#!/usr/bin/env bash
# Benchmarks with a written report (docs/benchmarks.md): orlib | quality | paraphrase | ablation | calibration | embedding | scale (see --help).
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
mm_spark_submit org.mentormatch.jobs.BenchJob "$@"
