# Two commands for a newcomer: `make run` and `make test`. The rest are for the team.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve migrate demo test test-suite test-browser lint format bench bench-scale bench-webhooks worker clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo

## make run: install, migrate, load demo content (printing its logins), then serve on
## http://127.0.0.1:8000 over SQLite with the background worker beside it (Procfile.dev), so
## emails print here. Ctrl-C stops both.
run: demo
	@echo ""
	@echo "  Newsroom is running at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  The worker runs beside it: emails, such as newsletter confirmations, print below."
	@echo "  Ctrl-C stops both."
	@echo ""
	@# The settings read .env themselves (the environment wins), so honcho reads none.
	@# Links in emails point where this serves, unless SITE_URL is set.
	DEBUG=$${DEBUG:-1} SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} PYTHONUNBUFFERED=1 \
		HOST=$(HOST) PATH="$(abspath $(BIN)):$$PATH" \
		$(BIN)/honcho start --procfile Procfile.dev --env /dev/null --port $(PORT)

## make serve: production-style serving with gunicorn and WhiteNoise (set SECRET_KEY etc.).
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	exec $(BIN)/gunicorn newsroom.wsgi --bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-2} --threads $${GUNICORN_THREADS:-4} --access-logfile -

worker: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py run_worker

## make test: migrations check plus the whole suite (browser tests excluded).
test: install
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=tests.settings
	$(MAKE) --no-print-directory test-suite

test-suite: install
	$(BIN)/pytest -m "not browser"

test-browser: install
	$(BIN)/pytest -m browser tests/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: the demo site on SQLite (anonymous, subscriber and signed-in article pages),
## then newsletter sending to a real SMTP server (aiosmtpd; needs PostgreSQL). Each prints
## its figures, the load average and which targets are met (see bench/README.md).
bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/smtp_bench.py

## make bench-scale: 50,000 articles on PostgreSQL + Redis, gunicorn under wrk (see README):
## signed-in readers, publish bursts, new searches (and over 500,000 articles), then the
## newsletter sending run.
bench-scale: install
	$(BIN)/python bench/scale_bench.py
	$(BIN)/python bench/smtp_bench.py

## make bench-webhooks: 10,000 signed Stripe webhook deliveries on PostgreSQL (see bench/README.md).
bench-webhooks: install
	$(BIN)/python bench/webhook_bench.py

clean:
	rm -rf $(VENV) staticfiles
