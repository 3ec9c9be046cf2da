# kollen: GNU make. `make` builds ./kollen, `make run` opens the TUI on the bundled bank,
# `make test` runs every test and ends with "N passed, N failed".

.DEFAULT_GOAL := all
VERSION := 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/kollen
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
CPPFLAGS ?=
LDFLAGS ?=
WERROR ?=
BUILD ?= build

CSTD := -std=c11 -D_XOPEN_SOURCE=700 -DNCURSES_WIDECHAR=1
# -Werror=enum-conversion: a message id of another layer's table does not compile (msg.h)
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wcast-qual -Wwrite-strings -Wundef -Wvla -Werror=enum-conversion
DEFS := -DKOLLEN_VERSION='"$(VERSION)"' -DKOLLEN_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(CSTD) $(WARN) $(WERROR) $(DEFS) -Iinclude -MMD -MP $(SAN) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

# only --libs: ncursesw's --cflags adds a conflicting _XOPEN_SOURCE=600. Linked statically
# where the static libraries are installed (Debian's libncurses-dev has them): the dynamic
# loader then spends nothing on curses in a command that draws nothing (0.43 M instructions and
# 0.5 ms of `kollen --version`, bench/compare.sh). CURSES_STATIC=0 links the shared ones.
CURSES_STATIC ?= 1
CURSES_A := $(wildcard $(shell $(CC) -print-file-name=libncursesw.a) \
                       $(shell $(CC) -print-file-name=libtinfo.a))
ifeq ($(CURSES_STATIC)$(words $(CURSES_A)),12)
CURSES_LIBS = -Wl,-Bstatic -lncursesw -ltinfo -Wl,-Bdynamic
else
CURSES_LIBS = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
endif
# libxlsxwriter (Debian libxlsxwriter-dev) writes the report's workbook (src/cli/report_xlsx.c).
# It is loaded when a workbook is written (src/cli/xlsx_lib.c), not linked: it brings libcrypto
# and minizip, whose loading cost every command 3.5 M instructions at start. Its file name is
# the SONAME of the library the header came with; dlopen is in the C library from glibc 2.34,
# in libdl before (linked only where it is needed).
XLSX_SONAME := $(shell objdump -p "$$($(CC) -print-file-name=libxlsxwriter.so)" 2>/dev/null | \
                 sed -n 's/^ *SONAME *//p')
$(BUILD)/src/cli/xlsx_lib.o: DEFS += $(if $(XLSX_SONAME),-DKOLLEN_XLSX_SONAME='"$(XLSX_SONAME)"')
DL_LIBS = -Wl,--push-state,--as-needed -ldl -Wl,--pop-state
LIBS = -liniparser -lpthread $(DL_LIBS)

# The layers (docs/architecture.md): core <- store <- ops (use cases) <- cli | tui; main.c
# picks a front end. The lower three make one static library; each front end another.
CORE_SRC := $(sort $(wildcard src/core/*.c src/store/*.c src/ops/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TUI_SRC := $(sort $(wildcard src/tui/*.c))
TUI_LOGIC_SRC := $(filter-out src/tui/curses_%.c,$(TUI_SRC))
TUI_CURSES_SRC := $(filter src/tui/curses_%.c,$(TUI_SRC))
MAIN_SRC := src/main.c
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ := $(TUI_SRC:%.c=$(BUILD)/%.o)
TUI_LOGIC_OBJ := $(TUI_LOGIC_SRC:%.c=$(BUILD)/%.o)
TUI_CURSES_OBJ := $(TUI_CURSES_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c))

# cli_main.o embeds the version and the share folder: rebuild it when either changes
CONFIG_STAMP := $(BUILD)/config.stamp
CONFIG_TEXT := $(VERSION) $(DATADIR)
$(shell mkdir -p $(BUILD) && (echo '$(CONFIG_TEXT)' | cmp -s - $(CONFIG_STAMP) || echo '$(CONFIG_TEXT)' >$(CONFIG_STAMP)))
$(BUILD)/src/cli/cli_main.o: $(CONFIG_STAMP)

LIBCORE := $(BUILD)/libkollen.a
LIBCLI := $(BUILD)/libkollen-cli.a
LIBTUI := $(BUILD)/libkollen-tui.a
BIN := $(BUILD)/kollen

.PHONY: all deps run test test-run check-asan units install uninstall clean format \
        fuzz fuzz-build bench man-keys deb

all: deps kollen

# Packages: the one target that may install them. It checks the Debian packages a build needs
# (DEPS=build), a build and every test (DEPS=test, set by test, check-asan and fuzz) or the
# browser of the HTML report's test (DEPS=browser, set by test-browser); missing ones are
# installed when we are root, otherwise the exact command is printed.
DEPS ?= build
test check-asan fuzz: DEPS = test
test-browser: DEPS = browser
deps:
	@echo "kollen: checking the packages for $(DEPS) (.ci/deps $(DEPS))"
	@sh .ci/deps $(DEPS)

kollen: $(BIN)
	@cp $(BIN) kollen.tmp && mv -f kollen.tmp kollen

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIBCORE): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIBCLI): $(CLI_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIBTUI): $(TUI_LOGIC_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(MAIN_OBJ) $(TUI_CURSES_OBJ) $(LIBCLI) $(LIBTUI) $(LIBCORE)
	$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(TUI_CURSES_OBJ) $(LIBCLI) $(LIBTUI) $(LIBCORE) \
		$(LIBS) $(CURSES_LIBS)

# Unit tests see the private headers of every layer and link every library but curses.
$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIBCLI) $(LIBTUI) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Isrc/store -Isrc/cli -Isrc/tui -o $@ $< $(LIBCLI) $(LIBTUI) \
		$(LIBCORE) $(ALL_LDFLAGS) $(TEST_LDFLAGS) -lcmocka $(LIBS)

# the allocation-failure test wraps the allocator of everything it links statically
$(BUILD)/tests/test_oom: TEST_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
$(BUILD)/tests/test_many_oom: TEST_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc

# sessions are sensitive: the folder is private (a clone makes it 0755 and its files 0644)
run: all
	@mkdir -p sessions && chmod 700 sessions && chmod 600 sessions/*.ini 2>/dev/null; true
	./kollen

units: $(UNIT_BIN) $(TOOL_BIN)

# Test tools (kill drivers...): linked with the core, no cmocka.
$(BUILD)/tools/%: tests/tools/%.c $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBCORE) $(ALL_LDFLAGS) $(LIBS)

# The man pages' key lists, from the TUI's key table and help texts: `make man-keys` rewrites
# them between the KEYS markers; tests/sh/man.sh fails when a committed page differs.
$(BUILD)/tools/man_keys: tests/tools/man_keys.c $(LIBTUI) $(LIBCORE)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc/tui -o $@ $< $(LIBTUI) $(LIBCORE) $(ALL_LDFLAGS) $(LIBS)

MAN_PAGES := docs/kollen.1 docs/kollen.sv.1
man-keys: $(BUILD)/tools/man_keys
	@for page in $(MAN_PAGES); do \
		case $$page in *.sv.1) lang=sv ;; *) lang=en ;; esac; \
		$(BUILD)/tools/man_keys $$lang >$(BUILD)/keys.$$lang || exit 1; \
		sh tests/man_keys_splice.sh $$page $(BUILD)/keys.$$lang >$$page.tmp && \
		mv -f $$page.tmp $$page || { rm -f $$page.tmp; exit 1; }; done

# Everything: the suite, valgrind, the suite again under ASan+UBSan, bounded fuzzing.
test: deps
	@MAKE="$(MAKE)" sh tests/all.sh

# One build's suite only (BUILD=build-asan SAN=... for the sanitizer build).
test-run: $(BIN) kollen $(UNIT_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) KOLLEN=$(BIN) sh tests/run.sh

# The whole suite under AddressSanitizer and UBSan, in its own build folder.
check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		CFLAGS="-O1 -g" test-run

# PREFIX, DESTDIR, BINDIR, DATADIR (the banks), MANDIR, BASHCOMPDIR and ZSHCOMPDIR, as
# Debian's rules and a `make install PREFIX=~/.local` expect; CFLAGS, CPPFLAGS and LDFLAGS
# from the environment. The binary is $(BIN) as built (./kollen is left alone). uninstall
# removes only what install put there, and the folders of kollen's own that it leaves empty.
BANKS := $(patsubst questions/%/,%,$(sort $(dir $(wildcard questions/*/bank.ini))))
install: $(BIN)
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" "$(DESTDIR)$(MANDIR)/sv/man1" \
		"$(DESTDIR)$(BASHCOMPDIR)" "$(DESTDIR)$(ZSHCOMPDIR)"
	install -m 755 $(BIN) "$(DESTDIR)$(BINDIR)/kollen"
	for id in $(BANKS); do \
		install -d "$(DESTDIR)$(DATADIR)/questions/$$id" || exit 1; \
		install -m 644 questions/$$id/*.ini "$(DESTDIR)$(DATADIR)/questions/$$id/" || exit 1; \
	done
	install -m 644 docs/kollen.1 "$(DESTDIR)$(MANDIR)/man1/kollen.1"
	install -m 644 docs/kollen.sv.1 "$(DESTDIR)$(MANDIR)/sv/man1/kollen.1"
	install -m 644 src/shell/kollen.bash "$(DESTDIR)$(BASHCOMPDIR)/kollen"
	sed 's|@BASHCOMPDIR@|$(BASHCOMPDIR)|' src/shell/_kollen >"$(DESTDIR)$(ZSHCOMPDIR)/_kollen"
	chmod 644 "$(DESTDIR)$(ZSHCOMPDIR)/_kollen"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/kollen" "$(DESTDIR)$(MANDIR)/man1/kollen.1" \
		"$(DESTDIR)$(MANDIR)/sv/man1/kollen.1" "$(DESTDIR)$(BASHCOMPDIR)/kollen" \
		"$(DESTDIR)$(ZSHCOMPDIR)/_kollen"
	for id in $(BANKS); do \
		for f in questions/$$id/*.ini; do rm -f "$(DESTDIR)$(DATADIR)/$$f"; done; \
		rmdir "$(DESTDIR)$(DATADIR)/questions/$$id" 2>/dev/null; done; \
	rmdir "$(DESTDIR)$(DATADIR)/questions" "$(DESTDIR)$(DATADIR)" 2>/dev/null; true

# The Debian package (debian/): built unsigned from a copy of the tracked files in
# DEB_OUT/kollen-VERSION, so the .deb and its .changes land in DEB_OUT (build-deb/) and the
# checkout's build/ is left alone; then lintian. Needs dpkg-dev, debhelper, fakeroot, lintian.
DEB_OUT ?= build-deb
DEB_ARCH = $(shell dpkg --print-architecture 2>/dev/null)
deb:
	@for t in dpkg-buildpackage dh lintian fakeroot git; do command -v $$t >/dev/null || { \
		echo "kollen: make deb needs $$t: apt-get install dpkg-dev debhelper fakeroot lintian git" >&2; \
		exit 1; }; done
	rm -rf "$(DEB_OUT)" && mkdir -p "$(DEB_OUT)/kollen-$(VERSION)"
	git ls-files -z | xargs -0 cp --parents -t "$(DEB_OUT)/kollen-$(VERSION)"
	cd "$(DEB_OUT)/kollen-$(VERSION)" && dpkg-buildpackage -us -uc -b
	lintian --info "$(DEB_OUT)/kollen_$(VERSION)_$(DEB_ARCH).changes"
	@deb="$(DEB_OUT)/kollen_$(VERSION)_$(DEB_ARCH).deb"; case $$deb in /*) ;; *) deb=./$$deb;; esac; \
		echo "kollen: $$deb (sudo apt install $$deb)"

# libFuzzer targets (clang): `make fuzz` runs each for FUZZ_TIME seconds (default 300).
FUZZ_CC ?= clang
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_XOPEN_SOURCE=700 \
              -Iinclude -Isrc/store $(DEFS)
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_SRC) $(wildcard include/kollen/*.h src/store/*.h)
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $< $(CORE_SRC) $(LIBS)

fuzz-build: $(FUZZ_BIN)

fuzz: deps fuzz-build
	@FUZZ_TIME=$${FUZZ_TIME:-300} RESULTS=$$(mktemp) sh -c 'sh tests/fuzz/run.sh; sh tests/summary.sh $$RESULTS'

# The HTML report in headless Chromium (Debian's chromium, installed when missing and root;
# the test says SKIP loudly when it cannot be). Also part of `make test` (tests/sh).
.PHONY: test-browser
test-browser: deps $(BIN)
	@KOLLEN=$(BIN) sh tests/sh/report_browser.sh

# clang-format with the committed .clang-format, on the files named (FILES=...), by default
# every C file; review the diff, and leave files you do not otherwise change alone.
FORMAT_FILES ?= $(CORE_SRC) $(CLI_SRC) $(TUI_SRC) $(MAIN_SRC) $(UNIT_SRC) include/kollen/*.h \
                src/*/*.h
format:
	clang-format -i --style=file $(or $(FILES),$(FORMAT_FILES))

clean:
	rm -rf build build-asan build-fuzz build-deb kollen kollen.tmp

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_BIN:=.d) \
         $(TOOL_BIN:=.d)
