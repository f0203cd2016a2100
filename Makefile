# SPDX-License-Identifier: Apache-2.0
# Convenience targets over scripts/ (the scripts are what README and CI run).
.PHONY: demo check check-sanitize check-tsan fuzz build deps
deps: ; bash scripts/install-deps.sh
build: ; bash scripts/build.sh
demo: ; bash scripts/demo.sh
check: ; bash scripts/check.sh
check-sanitize: ; bash scripts/check-sanitize.sh
check-tsan: ; bash scripts/check-tsan.sh
fuzz: ; bash scripts/fuzz-smoke.sh 60
