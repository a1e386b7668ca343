# Alim — the two commands: `make run` and `make test`. Both install what is missing first.
SWIFT ?= swift
WORKDIR ?= ./work
INBOX ?= Fixtures/inbox
RUN_DATE ?= 2026-09-01
NIGHT2_DATE ?= 2026-09-02
# Schools whose bundle the simulated ENT imports between the two nights of `make run` (the others wait).
ENT_SCHOOLS ?= 0610001A,0610003C,0610005E
FAULTS ?= 20
FUZZ_SECONDS ?= 60
TEST_FUZZ_SECONDS ?= 10
BIN = .build/debug/alim

.PHONY: deps build run test fixtures check-fixtures faults fuzz bench-xml bench-match bench-sheets bench-links bench-run clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Two nights and the ENT in between: night 1 writes the import bundles (runs/…/ent/) and no sheet
# (every One account waits for the ENT); scripts/play_ent.py plays the ENT importing ENT_SCHOOLS and
# drops its two exports into a copy of the inbox; night 2 prints those schools' sheets with the ENT's
# logins and codes while the other schools still wait. Exit 65 or 66 (a file refused, a school held)
# still count as a run.
run: build
	@rm -rf $(WORKDIR)
	@echo "== Nuit 1 ($(RUN_DATE)) : $(INBOX)"
	@$(BIN) run --inbox $(INBOX) --workdir $(WORKDIR) --date $(RUN_DATE); status=$$?; \
	test $$status -eq 0 -o $$status -eq 65 -o $$status -eq 66 || exit $$status
	@echo "== L'ENT importe les paquets de $(ENT_SCHOOLS) et exporte ses identifiants et codes"
	@mkdir -p $(WORKDIR)/inbox-night2 && cp -R $(INBOX)/. $(WORKDIR)/inbox-night2/
	python3 scripts/play_ent.py --bundle $(WORKDIR)/runs/latest/ent --out $(WORKDIR)/inbox-night2/ent \
		--schools $(ENT_SCHOOLS) --activate 2 --seed 16
	@echo "== Nuit 2 ($(NIGHT2_DATE)) : $(WORKDIR)/inbox-night2"
	@$(BIN) run --inbox $(WORKDIR)/inbox-night2 --workdir $(WORKDIR) --date $(NIGHT2_DATE); status=$$?; \
	echo "Report (night 1, every One account waiting for the ENT): $$(ls -d $(WORKDIR)/runs/$(RUN_DATE)-* | head -n 1)/report.html"; \
	echo "Report (night 2, ENT credentials for $(ENT_SCHOOLS)): $(WORKDIR)/runs/latest/report.html"; \
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
