# Alim — the two commands: `make run` and `make test`. Both install what is missing first.
SWIFT ?= swift
WORKDIR ?= ./work
INBOX ?= Fixtures/inbox
RUN_DATE ?= 2026-09-01
FAULTS ?= 20
FUZZ_SECONDS ?= 60
TEST_FUZZ_SECONDS ?= 10
BIN = .build/debug/alim

.PHONY: deps build run test fixtures check-fixtures faults fuzz bench-xml bench-match bench-sheets bench-links bench-run clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

run: build
	@rm -rf $(WORKDIR)
	$(BIN) run --inbox $(INBOX) --workdir $(WORKDIR) --date $(RUN_DATE); status=$$?; \
	echo "Report: $(WORKDIR)/runs/latest/report.html"; \
	test $$status -eq 0 -o $$status -eq 65 -o $$status -eq 66

test: deps check-fixtures
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash scripts/faults.sh $(FAULTS)
	FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) bash scripts/fuzz.sh
	@rm -rf .build/report-check && .build/debug/alim run --inbox $(INBOX) --workdir .build/report-check --date $(RUN_DATE) >/dev/null
	bash scripts/check-report-chromium.sh .build/report-check/runs/latest/report.html .build/report-check/report.png

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

faults: build
	bash scripts/faults.sh $(FAULTS)

fixtures:
	python3 scripts/make_fixtures.py Fixtures

check-fixtures:
	@bash scripts/check-fixtures.sh

bench-xml: build
	bash scripts/bench-xml.sh

bench-match: build
	bash scripts/bench-match.sh

bench-sheets: build
	bash scripts/bench-sheets.sh

bench-links: build
	bash scripts/bench-links.sh

# The whole night (`alim run`) at 150,000 and 1,000,000 person records; SKIP_1M=1 for 150k only.
bench-run: deps
	bash scripts/bench-run.sh

clean:
	rm -rf .build $(WORKDIR)
