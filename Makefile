# Two commands for a newcomer: `make run` and `make test`. The rest are for the team.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve migrate demo test test-suite test-browser lint format bench bench-scale worker clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py load_demo

## make run: install, migrate, load demo content, serve on http://127.0.0.1:8000 over SQLite.
run: demo
	@echo ""
	@echo "  Newsroom is running at http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  user: admin  password: newsroom-admin"
	@echo ""
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py runserver $(HOST):$(PORT)

## make serve: production-style serving with gunicorn and WhiteNoise (set SECRET_KEY etc.).
serve: install
	$(BIN)/python manage.py collectstatic --noinput
	exec $(BIN)/gunicorn newsroom.wsgi --bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-2} --threads $${GUNICORN_THREADS:-4} --access-logfile -

worker: install
	$(BIN)/python manage.py run_worker

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

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/run.py

## make bench-scale: 50,000 articles on PostgreSQL + Redis, gunicorn under wrk (see README).
bench-scale: install
	$(BIN)/python bench/scale_bench.py

clean:
	rm -rf $(VENV) staticfiles
