# Two commands on a fresh machine:  make demo  (set up, compare the known pair)  and  make test.
VENV ?= .venv
PY := $(VENV)/bin/python
PAIR := fixtures/asia-tour/000-asia-tour-begins-in-tokyo.txt fixtures/asia-tour/003-blinken-first-trip-tokyo-seoul.txt

.PHONY: setup bytecode demo test golden bench eval
setup: $(VENV)/.installed

# torch 2.13.0 first: it is the CPU build on local disk; a bare torch requirement pulls CUDA.
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check torch==2.13.0
	$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[torch,dev]'
	touch $@

# bytecode for the package, as a regular install has: every run skips compiling it (about 0.07 s)
bytecode: $(VENV)/.installed
	$(PY) -m compileall -q align

# align exits 1 when it finds differences (like diff): that is success here.
demo: setup bytecode
	$(VENV)/bin/align compare $(PAIR) --format all -o reports/known-pair; test $$? -le 1
	@echo "wrote reports/known-pair.md, .json and .html"

test: setup
	$(PY) -m pytest -q

golden: setup
	$(PY) -m pytest -q tests/test_golden.py --update-golden

bench: setup
	$(PY) benchmarks/speed.py

eval: setup
	$(VENV)/bin/align eval
