# annot: build, test, check, bench, install.
#
#   make            the Lua module build/annot/core.so and build/libannot.a
#   make test       C tests and busted specs (lua5.4)
#   make check      the same under AddressSanitizer + UndefinedBehaviorSanitizer,
#                   then valgrind on the C tests
#   make bench      benchmarks (figures, not pass/fail)
#   make demo       the main job on the bundled sample corpus
#   make install    the module, the Lua layer and the CLI under PREFIX

LUA      ?= lua5.4
BUSTED   ?= /usr/bin/busted
PREFIX   ?= /usr/local
LUA_VER   = 5.4
PKGS      = lua$(LUA_VER) libpcre2-8

BUILD    ?= build
OPT      ?= -O2
CC       ?= cc
WARN      = -Wall -Wextra -pedantic -Wcast-align -Wpointer-arith -Wshadow \
            -Wsign-compare -Wundef -Wwrite-strings -Wmissing-prototypes \
            -Wstrict-prototypes -Wnested-externs -Wredundant-decls
CFLAGS   ?= $(OPT) -g
ALL_CFLAGS = $(CFLAGS) $(WARN) -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC \
            -DPCRE2_CODE_UNIT_WIDTH=8 $(shell pkg-config --cflags $(PKGS))
PCRE_LIBS = $(shell pkg-config --libs libpcre2-8)
LIBS      = $(PCRE_LIBS) -lpthread -lm

# the Lua glue is csrc/l*.c (but not the lexicon); everything else is core
LUA_SRC   = $(filter-out csrc/lexicon%,$(wildcard csrc/l*.c))
CORE_SRC  = $(filter-out $(LUA_SRC),$(wildcard csrc/*.c))
CORE_OBJ  = $(CORE_SRC:csrc/%.c=$(BUILD)/obj/%.o)
LUA_OBJ   = $(LUA_SRC:csrc/%.c=$(BUILD)/obj/%.o)
HEADERS   = $(wildcard csrc/*.h)

CTEST_SRC = $(wildcard spec/c/test_*.c)
CTESTS    = $(CTEST_SRC:spec/c/%.c=$(BUILD)/%)
EXAMPLES_C = $(wildcard examples/*.c)
EXAMPLES  = $(EXAMPLES_C:examples/%.c=$(BUILD)/%)

BENCH_C   = $(BUILD)/bench_core

MODULE    = $(BUILD)/annot/core.so
LIB       = $(BUILD)/libannot.a

.PHONY: all test ctest spec check check-threads bench demo install clean lexicon unicode

all: $(MODULE) $(LIB) $(EXAMPLES)

$(BUILD)/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# the module links the core in and takes Lua's symbols from the host
$(MODULE): $(CORE_OBJ) $(LUA_OBJ)
	@mkdir -p $(dir $@)
	$(CC) -shared $(LDFLAGS) $(CFLAGS) $^ -o $@ $(LIBS)

$(BUILD)/test_%: spec/c/test_%.c $(LIB) $(wildcard spec/c/*.h)
	$(CC) $(ALL_CFLAGS) -Icsrc $< $(LIB) -o $@ $(LIBS)

$(BUILD)/bench_%: bench/bench_%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -Icsrc $< $(LIB) -o $@ $(LIBS)

# C host programs: those that embed Lua link liblua5.4 too
$(BUILD)/%: examples/%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -Icsrc $< $(LIB) -o $@ $(LIBS) \
	  $(if $(findstring lua.h,$(shell cat $<)),$(shell pkg-config --libs lua$(LUA_VER)) -ldl)

# generated sources, committed so that a build needs neither Lua nor the UCD
lexicon:
	$(LUA) tools/embed_lexicon.lua csrc/lexicon csrc/lexicon_data.c
unicode:
	$(LUA) tools/gen_unicode.lua /usr/share/unicode/UnicodeData.txt csrc/unicode_table.c

test: all $(CTESTS)
	@BUILD=$(BUILD) LUA=$(LUA) BUSTED=$(BUSTED) sh tools/run-tests $(CTESTS)

ctest: $(CTESTS)
	@for t in $(CTESTS); do ./$$t || exit 1; done

spec: all
	$(LUA) $(BUSTED) --cpath="./$(BUILD)/?.so"

# sanitizers: a separate build tree; the Lua interpreter is not built with
# ASan, so the runtime is preloaded.  Leak checks are valgrind's job below,
# with PCRE2's JIT off (its vector loads read past the subject on purpose).
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
check:
	$(MAKE) BUILD=build-san OPT=-O1 CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" all $(CTESTS:$(BUILD)/%=build-san/%)
	BUILD=build-san LUA=$(LUA) BUSTED=$(BUSTED) \
	  LD_PRELOAD="$$($(CC) -print-file-name=libasan.so) $$($(CC) -print-file-name=libubsan.so)" \
	  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  sh tools/run-tests $(CTESTS:$(BUILD)/%=build-san/%)
	$(MAKE) $(CTESTS)
	@for t in $(CTESTS); do \
	  ANNOT_NO_JIT=1 valgrind -q --error-exitcode=1 --leak-check=full ./$$t >/dev/null || exit 1; \
	  echo "valgrind clean: $$t"; done

check-threads:
	$(MAKE) BUILD=build-tsan OPT=-O1 CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" build-tsan/test_threads
	./build-tsan/test_threads

bench: all $(BENCH_C)
	BUILD=$(BUILD) $(LUA) bench/run.lua

demo: all
	$(LUA) examples/who_said_what.lua examples/corpus/*.txt

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/lua/$(LUA_VER)/annot $(DESTDIR)$(PREFIX)/share/lua/$(LUA_VER)/annot/export \
	  $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib
	install -m 755 $(MODULE) $(DESTDIR)$(PREFIX)/lib/lua/$(LUA_VER)/annot/core.so
	install -m 644 lua/annot/*.lua $(DESTDIR)$(PREFIX)/share/lua/$(LUA_VER)/annot/
	install -m 644 lua/annot/export/*.lua $(DESTDIR)$(PREFIX)/share/lua/$(LUA_VER)/annot/export/
	install -m 755 bin/annot $(DESTDIR)$(PREFIX)/bin/annot
	install -m 644 csrc/annot.h $(DESTDIR)$(PREFIX)/include/annot.h
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libannot.a

clean:
	rm -rf build build-san build-tsan
