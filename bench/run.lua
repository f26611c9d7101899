-- bench/run.lua: the benchmarks behind `make bench`.  Figures, not tests:
-- every figure is a median of several runs (CPU time for single-threaded
-- work, the wall clock for threads and the CLI), and speeds are also given as
-- ratios to a baseline measured in the same run (machines here are shared
-- and noisy).
--
-- It builds a corpus of at least 10 MB from ../shared/corpus/*.txt (or
-- examples/corpus/*.txt where ../shared is absent), then measures:
--   the C core (bench/bench_core.c): scanner, pipeline, JSON, threads;
--   the Lua binding iterating every token, against a pure Lua 5.4
--   tokenizer built on string.gmatch (the baseline);
--   the CLI over the corpus as files, with --jobs 1 and --jobs 2;
--   each exporter's cost per MB.

local BUILD = os.getenv("BUILD") or "build"
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./" .. BUILD .. "/?.so;" .. package.cpath
local annot = require "annot"

local RUNS = tonumber(os.getenv("RUNS") or "") or 5
local OUT = "bench/out/" .. BUILD   -- one per build tree: runs may overlap
local TARGET_BYTES = 10 * 1000 * 1000

-- {======================================================
-- Helpers
-- =======================================================

local function median(v)
  table.sort(v)
  local n = #v
  if n % 2 == 1 then return v[(n + 1) // 2] end
  return (v[n // 2] + v[n // 2 + 1]) / 2
end

-- wall-clock seconds (os.clock is CPU time, wrong for child processes)
local function wall()
  local p = assert(io.popen("date +%s.%N"))
  local t = tonumber(p:read("l"))
  p:close()
  return t
end

-- median CPU seconds of RUNS calls of f (single-threaded work only)
local function cpu_time(f)
  local t = {}
  for r = 1, RUNS do
    local t0 = os.clock()
    f()
    t[r] = os.clock() - t0
  end
  return median(t)
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local function sh(cmd)
  local ok = os.execute(cmd)
  if not ok then error("bench: command failed: " .. cmd) end
end

local function line(name, value, note)
  print(string.format("%-34s %14s  %s", name, value, note or ""))
end

-- }======================================================


-- {======================================================
-- The corpus
-- =======================================================

local function source_texts()
  local texts, from = {}, nil
  for _, dir in ipairs { "../shared/corpus", "examples/corpus" } do
    local p = io.popen("ls " .. dir .. "/*.txt 2>/dev/null")
    for path in p:lines() do
      texts[#texts + 1] = assert(read(path))
    end
    p:close()
    if #texts > 0 then from = dir break end
  end
  assert(#texts > 0, "bench: no corpus texts found")
  return texts, from
end

-- the texts repeated, as one big text and as ~10 KB files for the CLI
local function build_corpus()
  local texts, from = source_texts()
  local parts, size, i = {}, 0, 0
  while size < TARGET_BYTES do
    local t = texts[i % #texts + 1]
    parts[#parts + 1] = t
    size = size + #t + 2
    i = i + 1
  end
  local corpus = table.concat(parts, "\n\n")
  sh("mkdir -p " .. OUT .. "/files && rm -f " .. OUT .. "/files/*.txt")
  write(OUT .. "/corpus.txt", corpus)
  local file, chunk, n = 0, {}, 0
  for j, t in ipairs(parts) do
    chunk[#chunk + 1] = t
    n = n + #t
    if n >= 10000 or j == #parts then
      file = file + 1
      write(string.format("%s/files/%05d.txt", OUT, file), table.concat(chunk, "\n\n"))
      chunk, n = {}, 0
    end
  end
  return corpus, from, file
end

-- }======================================================


-- {======================================================
-- The pure Lua baseline: words (letters, digits, any non-ASCII byte) and
-- single punctuation characters, with their positions
-- =======================================================

local function lua_tokenize(text)
  local n = 0
  for first, last in text:gmatch("()[%w\128-\255]+()") do
    n = n + 1
  end
  for first in text:gmatch("()%p") do
    n = n + 1
  end
  return n
end

-- }======================================================


local corpus, from, nfiles = build_corpus()
local mb = #corpus / 1e6
print(string.format("annot bench: %.1f MB corpus from %s (%d files for the CLI), medians of %d runs",
                    mb, from, nfiles, RUNS))
print()

-- the C core
print("C core (bench/bench_core.c)")
local c = {}
local p = assert(io.popen("./" .. BUILD .. "/bench_core " .. OUT .. "/corpus.txt " .. RUNS))
for l in p:lines() do
  local k, v = l:match("^(%S+) (%S+)$")
  if k then c[k] = tonumber(v) end
end
assert(p:close(), "bench: bench_core failed")
line("scanner", string.format("%.0f MB/s", c.scan_mbps), "tokens, sentences, paragraphs")
line("scanner tokens", string.format("%.1f M/s", c.scan_tokens_per_s / 1e6))
line("doc memory per token", string.format("%.1f B", c.doc_bytes_per_token), "(plus the input itself)")
line("doc memory per input byte", string.format("%.2f B", c.doc_bytes_per_input_byte))
line("peak RSS per input byte", string.format("%.2f B", c.peak_rss_bytes_per_input_byte), "(process, input included)")
line("default pipeline build", string.format("%.1f ms", c.pipeline_build_ms))
line("pipeline (scan+entities+quotes)", string.format("%.0f MB/s", c.pipeline_docs_mbps), "10 KB article-sized docs")
line("pipeline, one 10 MB doc", string.format("%.0f MB/s", c.pipeline_mbps), "first-touch pages of its arrays")
line("JSON export, no tokens", string.format("%.0f MB/s", c.json_mbps))
line("JSON export, with tokens", string.format("%.0f MB/s", c.json_tokens_mbps))
line("pipeline + JSON", string.format("%.0f MB/s", c.pipeline_json_mbps),
     string.format("one 10 MB doc: %.2f of the pipeline alone", c.pipeline_json_mbps / c.pipeline_mbps))
line("annotate_many, 1 thread", string.format("%.0f MB/s", c.many_1_mbps))
line("annotate_many, 2 threads", string.format("%.0f MB/s", c.many_2_mbps),
     string.format("speed-up %.2fx", c.many_2_mbps / c.many_1_mbps))
print()

-- Lua: the binding's token loop against the pure Lua baseline
print("Lua 5.4")
local tokens_only = annot.pipeline { stages = "tokens", default_lexicon = false }
local doc = tokens_only:annotate(corpus)
local ntok = #doc
local t_iter = cpu_time(function()
  local n = 0
  for i, text, first, last, kind in doc:tokens() do n = n + 1 end
  assert(n == ntok)
end)
local t_scan_iter = cpu_time(function()
  local d = tokens_only:annotate(corpus)
  for i, text, first, last, kind in d:tokens() do end
  d:close()
end)
local nbase
local t_base = cpu_time(function() nbase = lua_tokenize(corpus) end)
line("iterate every token", string.format("%.1f M tokens/s", ntok / t_iter / 1e6))
line("annotate + iterate (tokens)", string.format("%.0f MB/s", mb / t_scan_iter))
line("pure Lua gmatch tokenizer", string.format("%.1f MB/s", mb / t_base),
     string.format("%.1f M tokens/s (baseline)", nbase / t_base / 1e6))
line("C scanner / Lua baseline", string.format("%.1fx", c.scan_mbps / (mb / t_base)))
line("annotate+iterate / Lua baseline", string.format("%.1fx", (mb / t_scan_iter) / (mb / t_base)))
print()

-- the CLI over the corpus as files
print("CLI: bin/annot json --no-tokens over " .. nfiles .. " files")
local cli = {}
for _, jobs in ipairs { 1, 2 } do
  local t = {}
  for r = 1, RUNS do
    local t0 = wall()
    sh(string.format("ANNOT_BUILD=%s ./bin/annot json --no-tokens --jobs %d %s/files > /dev/null",
                     BUILD, jobs, OUT))
    t[r] = wall() - t0
  end
  cli[jobs] = mb / median(t)
  line(string.format("--jobs %d", jobs), string.format("%.0f MB/s", cli[jobs]),
       jobs == 2 and string.format("speed-up %.2fx", cli[2] / cli[1]) or "")
end
print()

-- exporters: cost per MB on the annotated corpus, one doc per file
print("Exporters (CPU seconds per MB of text, after annotation)")
local docs = {}
for i = 1, nfiles do
  docs[i] = annot.annotate(read(string.format("%s/files/%05d.txt", OUT, i)))
end
local function per_mb(f)
  return cpu_time(function() for _, d in ipairs(docs) do f(d) end end) / mb
end
local export, html = annot.export, annot.html
local exporters = {
  { "json (C)", function(d) return d:to_json { tokens = false } end },
  { "csv (entities + quotes)", function(d) return export.csv.entities(d) .. export.csv.quotes(d) end },
  { "brat", function(d) return export.brat.ann(d) end },
  { "conll", function(d) return export.conll.format(d) end },
  { "html", function(d) return html.page(d) end },
}
for _, e in ipairs(exporters) do
  line(e[1], string.format("%.4f s/MB", per_mb(e[2])))
end
