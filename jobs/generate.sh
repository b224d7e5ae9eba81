#!/usr/bin/env bash
# A synthetic members CSV of any size: departments with manager trees, offices, time zones,
# languages, seniority, capacities, consent, goals and skills in natural wording, broken rows.
# Usage: jobs/generate.sh --members N --out FILE [--seed S] [--broken-rows true|false]
#                         [--style realistic|sample] [--header-order contract|shuffled]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# It streams, so a small heap is enough at any size (and keeps it polite on a shared machine).
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}" mm_java org.mentormatch.tools.GeneratorCommand "$@"
