# Two commands: `make run` (install, fetch model, build index, serve) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test test-fast install model index serve

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

model: install
	$(VENV)/bin/qa fetch-model
	$(VENV)/bin/qa optimize-model

index: model
	$(VENV)/bin/qa build --corpus seeds/ --index index/default

serve:
	$(VENV)/bin/qa serve --host 127.0.0.1 --port 8000 --index index/default

run: index serve

test: model
	$(PY) -m pytest -q

# The fast tier: no model needed (a stand-in encoder); real-model tests are marked `slow`, process-spawning ones `heavy`.
test-fast: install
	QA_MODEL_DIR=$$(mktemp -d) $(PY) -m pytest -q -m "not slow and not heavy"
