# AIVM build entry points. The two README commands are `make devnet` (set up
# and run the main job) and `make test` (set up and run every test); .ci/run
# calls `make test`.

SHELL := /bin/bash
GO ?= go
export CGO_ENABLED ?= 0
FORGE := node_modules/.bin/forge
APT_PACKAGES := qemu-user binutils-mips-linux-gnu dataset-fashion-mnist fortunes chromium pocl-opencl-icd ocl-icd-libopencl1 clinfo

.PHONY: setup setup-apt setup-npm setup-go build devnet demo test test-go test-forge \
        bindings check-bindings lint bench fuzz clean

## setup: install everything the project needs from its own files (apt, npm, Go modules).
setup: setup-apt setup-npm setup-go

setup-apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "==> apt-get install$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

setup-npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup-go:
	$(GO) mod download

build:
	$(GO) build -o bin/aivm ./cmd/aivm

## devnet: the main job: the whole flow on an in-process chain (`aivm devnet`).
devnet: setup build
	bin/aivm devnet

demo: setup build
	bash scripts/demo.sh

## test: every test: Go, forge, and the generated-file drift check.
test: setup check-bindings test-forge test-go

test-go:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) test -count=1 -timeout 60m ./...

test-forge: setup-npm
	$(FORGE) test

## bindings: regenerate contract artifacts and Go bindings (needs node).
bindings: setup-npm
	bash scripts/gen-bindings.sh

## check-bindings: fail if committed artifacts or bindings differ from a fresh generation.
check-bindings: bindings
	@git diff --exit-code --stat -- contracts/artifacts contracts/bindings || \
	  (echo "generated contract files drifted: run 'make bindings' and commit"; exit 1)
	@if [ -n "$$(git status --porcelain -- contracts/artifacts contracts/bindings)" ]; then \
	  git status --porcelain -- contracts/artifacts contracts/bindings; \
	  echo "untracked generated files: run 'make bindings' and commit"; exit 1; fi

## bench: run the benchmarks that feed docs/benchmarks.md.
bench: setup build
	bash scripts/bench.sh

clean:
	rm -rf bin contracts/out contracts/cache
