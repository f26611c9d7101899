-- annot.cli: the code of the 'annot' command-line tool (bin/annot).
--
-- 'cli.main(args)' parses the command line, reads the inputs (files,
-- directories of *.txt, standard input, or JSON Lines records), annotates
-- them, in batches on several threads when asked, and hands each doc, in
-- input order, to the subcommand's writer.  It returns the exit code:
-- 0 when all went well, 1 when some input failed, 2 for a usage error.
-- doc/cli.md is the reference of every command and option.

local string, table, io, os, math = string, table, io, os, math
local type, ipairs, tostring, tonumber = type, ipairs, tostring, tonumber
local pcall, require, error, setmetatable, getmetatable = pcall, require, error, setmetatable, getmetatable
local coroutine = coroutine
local loadfile, xpcall, traceback = loadfile, xpcall, debug.traceback
local G = _G
local format, concat, sort = string.format, table.concat, table.sort

local json = require "annot.json"
local tabular = require "annot.tabular"
local corpus = require "annot.corpus"
local csv_export = require "annot.export.csv"

local cli = { _VERSION = "annot.cli 0.1.0" }

_ENV = nil

-- the module, loaded on first need so that '--help' works without it
local annot_module
local function annot()
  if not annot_module then annot_module = require "annot" end
  return annot_module
end

-- an error that is the user's fault: exit code 2, message without a trace
local Usage = {}
local function usage_error(msg, ...)
  error(setmetatable({ msg = format(msg, ...) }, Usage), 0)
end


-- {==================================================================
-- Help
-- ===================================================================

local MAIN_HELP = [[
usage: annot COMMAND [OPTIONS] [INPUT...]

Annotate English news text: tokens, entities, quotations and who said them.
INPUT is a file, a directory (every *.txt below it, in name order) or '-'
for standard input (the default when no INPUT is given).

commands:
  json       one JSON object per document (JSON Lines), as in ANNOTATION.md
  tokens     one token a line: index, first, last, kind, text
  entities   entity mentions as a table
  quotes     quotations with their kind, speaker and cue, as a table
  speakers   who is quoted across all inputs, how often, with which verbs
  html       a self-contained HTML page per document
  brat       brat standoff annotations (.ann)
  conll      CoNLL-style BIO columns: token, tag
  csv        entities or quotes as CSV (or TSV)
  run        run a Lua script over the documents: annot run SCRIPT INPUT...

options for every command:
  -j, --jobs N          annotate on N threads (0: one per core); default 1
      --jsonl           inputs are JSON Lines: {"id": ..., "text": ...} a line
      --lexicon FILE    add a TSV lexicon (surface, type, canonical, role);
                        may be repeated
      --pattern LABEL=REGEX
                        tag PCRE2 matches as LABEL; may be repeated
      --no-default-lexicon
                        start from an empty lexicon
  -o, --output FILE     write to FILE instead of standard output
  -q, --quiet           no progress line (shown only when stderr is a terminal)
  -h, --help            this help; 'annot COMMAND --help' for a command's own
      --version         print the version

exit status: 0 all inputs annotated, 1 some input failed (the others are
still written, in order), 2 usage error.
See doc/cli.md for examples.
]]

-- per-command help: usage line, description, own options
local COMMAND_HELP = {
  json = [[
usage: annot json [OPTIONS] [INPUT...]

Write one JSON object per document on its own line (JSON Lines), in input
order.  With --jsonl each object starts with the record's "id"; a record
that cannot be read gives {"id": ..., "error": "..."} in its place (id
null when unknown) and the run goes on.

options:
      --no-tokens       leave the "tokens" list out
      --id              start each object with "id": the input's name
]],
  tokens = [[
usage: annot tokens [OPTIONS] [INPUT...]

Write one token a line, tab-separated: index, first, last, kind, text
(first and last are 1-based inclusive byte positions; a backslash, tab,
line break or NUL byte in the text is written \\, \t, \n, \r, \0).  With
several documents, each starts with a line '# NAME'.  Only the tokenizer
runs.
]],
  entities = [[
usage: annot entities [OPTIONS] [INPUT...]

List the entity mentions: doc, first, last, type, text, canonical, role,
source.

options:
      --type T[,T...]   only these types (PERSON, ORG, GPE, ...)
      --format F        table (aligned, the default), tsv, csv or jsonl
]],
  quotes = [[
usage: annot quotes [OPTIONS] [INPUT...]

List the quotations: doc, first, last, kind, speaker, canonical, cue, text.

options:
      --kind K[,K...]   only these kinds (direct, partial, scare, indirect)
      --speaker NAME    only quotes by this speaker (canonical name or text)
      --format F        table (the default), tsv, csv or jsonl
]],
  speakers = [[
usage: annot speakers [OPTIONS] [INPUT...]

Who is quoted across all the inputs: speaker, quotes, direct, partial,
indirect, docs (documents quoting them), cues (speech verbs, most used
first).  Most quoted first.

options:
      --format F        table (the default), tsv, csv or jsonl
      --top N           only the N most quoted
]],
  html = [[
usage: annot html [OPTIONS] [INPUT...]

Write a self-contained HTML page per document (no external assets):
entities highlighted by type, quotes marked with their speaker.  One input
goes to standard output (or --output); several inputs, a directory or
--jsonl need --out-dir.

options:
      --out-dir DIR     write DIR/NAME.html for each document
      --title TEXT      page title (default: the input's name)
]],
  brat = [[
usage: annot brat [OPTIONS] [INPUT...]

Write brat standoff annotations: 'T1<TAB>TYPE START END<TAB>text' lines for
entities (offsets in characters, as brat counts), then the quotes and
their speakers and cues.  One input goes to standard output; several
inputs, a directory or --jsonl need --out-dir, which receives NAME.txt and
NAME.ann for each document.

options:
      --out-dir DIR     write DIR/NAME.txt and DIR/NAME.ann
      --no-quotes       entities only
]],
  conll = [[
usage: annot conll [OPTIONS] [INPUT...]

Write CoNLL-style columns, one token a line: token, BIO entity tag; a blank
line between sentences.  With several documents each starts with a
'-DOCSTART-' line.
]],
  csv = [[
usage: annot csv [OPTIONS] [INPUT...]

Write a table as CSV (RFC 4180: header row, quoted fields, CRLF).

options:
      --table T         entities (the default) or quotes
      --tsv             tab-separated instead
]],
  run = [[
usage: annot run SCRIPT [OPTIONS] [INPUT...]

Run the Lua script SCRIPT with these globals at hand (besides the usual
ones):
  annot      the module (require "annot")
  docs()     an iterator over the inputs: for name, doc in docs() do ... end
             (documents are annotated as the loop asks for them, honouring
             --jobs, --jsonl, --lexicon and --pattern)
  inputs     the list of INPUT arguments
  pipeline   the pipeline built from --lexicon/--pattern, or nil
  arg        {[0] = SCRIPT, INPUT...}, as for a script run by lua
The script also receives the INPUT arguments as '...'.  If it returns an
integer, that is the exit code.
]],
}

-- }==================================================================


-- {==================================================================
-- Command line
-- ===================================================================

-- Options: 'key' in the options table, 'arg' names its value (none for a
-- flag), 'list' collects repeats, 'cmds' limits it to some commands.
local OPTIONS = {
  ["--jobs"] = { key = "jobs", arg = "N", number = true },
  ["-j"] = { key = "jobs", arg = "N", number = true },
  ["--jsonl"] = { key = "jsonl" },
  ["--lexicon"] = { key = "lexicons", arg = "FILE", list = true },
  ["--pattern"] = { key = "patterns", arg = "LABEL=REGEX", list = true },
  ["--no-default-lexicon"] = { key = "no_default_lexicon" },
  ["--output"] = { key = "output", arg = "FILE" },
  ["-o"] = { key = "output", arg = "FILE" },
  ["--quiet"] = { key = "quiet" },
  ["-q"] = { key = "quiet" },
  ["--help"] = { key = "help" },
  ["-h"] = { key = "help" },
  ["--version"] = { key = "version" },
  ["--no-tokens"] = { key = "no_tokens", cmds = { json = true } },
  ["--id"] = { key = "id", cmds = { json = true } },
  ["--type"] = { key = "types", arg = "T", cmds = { entities = true } },
  ["--kind"] = { key = "kinds", arg = "K", cmds = { quotes = true } },
  ["--speaker"] = { key = "speaker", arg = "NAME", cmds = { quotes = true } },
  ["--format"] = { key = "format", arg = "F",
                   cmds = { entities = true, quotes = true, speakers = true } },
  ["--top"] = { key = "top", arg = "N", number = true, cmds = { speakers = true } },
  ["--out-dir"] = { key = "out_dir", arg = "DIR", cmds = { html = true, brat = true } },
  ["--title"] = { key = "title", arg = "TEXT", cmds = { html = true } },
  ["--no-quotes"] = { key = "no_quotes", cmds = { brat = true } },
  ["--table"] = { key = "table", arg = "T", cmds = { csv = true } },
  ["--tsv"] = { key = "tsv", cmds = { csv = true } },
}

local COMMANDS = {}   -- name -> command; filled in below

-- Parse 'args' (a list of strings): returns the command name (or nil), the
-- options table and the list of positional arguments.  Options may come
-- before or after the command and among the inputs; '--' ends them;
-- '--name=value' is the same as '--name value'.
local function parse(args)
  local opts, positional, cmd = { lexicons = {}, patterns = {} }, {}, nil
  local i, n = 1, #args
  -- the options seen, checked against the command once it is known: it
  -- may come after them ('annot --type PERSON entities')
  local pending = {}
  while i <= n do
    local a = args[i]
    if a == "--" then
      for j = i + 1, n do positional[#positional + 1] = args[j] end
      break
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      -- an option; a lone '-' is standard input, an input like any other
      local name, value = a:match("^(%-%-[^=]+)=(.*)$")
      name = name or a
      local def = OPTIONS[name]
      if not def then usage_error("unknown option '%s'", name) end
      if def.arg then
        if value == nil then
          i = i + 1
          value = args[i]
          if value == nil then usage_error("option '%s' needs a value (%s)", name, def.arg) end
        end
        if def.number then
          -- counts only: "2.5" or "-1" threads make no sense
          local v = math.tointeger(tonumber(value))
          if not v or v < 0 then usage_error("option '%s': '%s' is not a count", name, value) end
          value = v
        end
        if def.list then
          local list = opts[def.key]
          list[#list + 1] = value
        else
          opts[def.key] = value
        end
      else
        if value ~= nil then usage_error("option '%s' takes no value", name) end
        opts[def.key] = true
      end
      pending[#pending + 1] = name
    elseif not cmd then
      cmd = a
    else
      positional[#positional + 1] = a
    end
    i = i + 1
  end
  -- a command's own option is an error with any other command
  if cmd and COMMANDS[cmd] then
    for _, name in ipairs(pending) do
      local def = OPTIONS[name]
      if def.cmds and not def.cmds[cmd] then
        usage_error("option '%s' does not apply to '%s'", name, cmd)
      end
    end
  end
  return cmd, opts, positional
end

-- Split a comma-separated list ("PERSON,ORG") into a list of names.
local function split_list(s)
  local list = {}
  for item in s:gmatch("[^,%s]+") do list[#list + 1] = item end
  return list
end

-- }==================================================================


-- {==================================================================
-- Inputs
-- ===================================================================

-- the file helpers are shared with annot.corpus
local is_dir, list_dir, read_all = corpus.is_dir, corpus.list_dir, corpus.read_file

-- Turn one JSON Lines record into an item: {name, id, text} or, when it
-- is malformed, {name, id, error}.  'where' is "FILE:LINE".
local function jsonl_item(line, where)
  local rec, msg = json.try_decode(line)
  -- a bad record is reported in place, never dropped, so that output line
  -- n still belongs to input line n
  if rec == nil then
    -- a broken record whose first key is "id" (the usual layout) still
    -- tells which record it was; anywhere else "id" might be nested
    local id = json.null
    local literal = line:match('^%s*{%s*"id"%s*:%s*(%-?%d+%.?%d*)%s*[,}]')
                    or line:match('^%s*{%s*"id"%s*:%s*("[^"\\]*")%s*[,}]')
    if literal then id = json.try_decode(literal) or json.null end
    local name = id ~= json.null and tostring(id) or where
    return { name = name, id = id, error = msg }
  end
  if type(rec) ~= "table" or rec[1] ~= nil then
    return { name = where, id = json.null, error = "record is not a JSON object" }
  end
  -- the id goes back out as it came in (string, number, ...); a missing
  -- one is written as null
  local id = rec.id
  if id == nil then id = json.null end
  local name = (type(id) == "string" or type(id) == "number") and tostring(id) or where
  if type(rec.text) ~= "string" then
    return { name = name, id = id, error = "record has no string field 'text'" }
  end
  return { name = name, rel = name, id = id, text = rec.text }
end

-- An iterator over the inputs, yielding one item per document, in order:
-- {name, rel, text [, id]} or {name, error [, id]}.  Files are read one at
-- a time, JSON Lines one line at a time, so memory stays bounded.  With
-- 'by_path' a file (not standard input) is not read here: its item is
-- {name, rel, path}, for the worker threads to read.
local function items(inputs, jsonl, by_path)
  return coroutine.wrap(function()
    local list = #inputs > 0 and inputs or { "-" }
    for _, path in ipairs(list) do
      -- a directory stands for its files; anything else is one input, and
      -- a missing file becomes an error item when it is read
      local files
      if path ~= "-" and is_dir(path) then
        files = list_dir(path, jsonl and ".jsonl" or ".txt")
      else
        files = { { path, (path:match("[^/]+$") or path) } }
      end
      for _, entry in ipairs(files) do
        local file, rel = entry[1], entry[2]
        local name = file == "-" and "<stdin>" or file
        if jsonl then
          local handle, msg
          if file == "-" then handle = io.stdin else handle, msg = io.open(file, "rb") end
          if not handle then
            coroutine.yield({ name = name, id = json.null, error = msg })
          else
            -- one record a line; line numbers name records without an id
            local lineno = 0
            for line in handle:lines("l") do
              lineno = lineno + 1
              line = line:gsub("\r$", "")   -- CRLF files
              if line:find("%S") then
                coroutine.yield(jsonl_item(line, name .. ":" .. lineno))
              end
            end
            if handle ~= io.stdin then handle:close() end
          end
        elseif by_path and file ~= "-" then
          coroutine.yield({ name = name, rel = rel, path = file })
        else
          local text, msg = read_all(file)
          if text then
            coroutine.yield({ name = name, rel = rel, text = text })
          else
            coroutine.yield({ name = name, error = msg })
          end
        end
      end
    end
  end)
end

-- }==================================================================


-- {==================================================================
-- Annotating in batches
-- ===================================================================

-- the most a batch holds before it is annotated (with --jobs)
local BATCH_BYTES = 32 * 1024 * 1024
-- the same for a batch of the json command, which holds each text's JSON
-- (several times the text, over ten times with tokens) rather than docs;
-- its batches hold more documents (32 per thread), so that the thread
-- left alone with a batch's last document idles for a smaller share
local JSON_BATCH_BYTES = 4 * 1024 * 1024
local JSON_BATCH_PER_JOB = 32
-- files read on the threads pass no text through Lua, so their batches
-- can hold more, and the threads idle less at each batch's end
local FILE_BATCH_PER_JOB = 64

-- Is standard error a terminal?  Asked once, by the shell.
local function stderr_is_tty()
  local ok = os.execute("test -t 2")
  return ok == true
end

-- Build the pipeline that the options ask for, or nil for the default.
-- 'stages' is set by commands that need less than every stage (tokens).
local function build_pipeline(opts, stages)
  if #opts.lexicons == 0 and #opts.patterns == 0 and not opts.no_default_lexicon
     and not stages then
    return nil
  end
  -- LABEL=REGEX splits at the first '=': a label never holds one, a
  -- regex may
  local patterns = {}
  for _, spec in ipairs(opts.patterns) do
    local label, regex = spec:match("^([^=]+)=(.+)$")
    if not label then usage_error("--pattern '%s': expected LABEL=REGEX", spec) end
    patterns[#patterns + 1] = { label, regex }
  end
  -- a missing lexicon is a usage error, named before anything is read
  for _, file in ipairs(opts.lexicons) do
    local f, msg = io.open(file, "rb")
    if not f then usage_error("--lexicon: %s", msg) end
    f:close()
  end
  local ok, p = pcall(annot().pipeline, {
    lexicons = opts.lexicons, patterns = patterns,
    default_lexicon = not opts.no_default_lexicon, stages = stages,
  })
  -- the binding names the option and pattern that failed; pass it on
  if not ok then usage_error("%s", tostring(p)) end
  return p
end

-- Annotate one text; returns the doc or nil and the message.
local function annotate_one(ctx, text)
  local ok, doc = pcall(function()
    if ctx.pipeline then return ctx.pipeline:annotate(text) end
    return annot().annotate(text)
  end)
  if ok and doc then return doc end
  return nil, tostring(doc)
end

-- Annotate the items of a batch on 'ctx.jobs' threads; fills item.doc or
-- item.error.  A failing text is retried alone to get its own message.
local function annotate_batch(ctx, batch)
  local texts, owners = {}, {}
  for _, item in ipairs(batch) do
    if item.text then
      texts[#texts + 1] = item.text
      owners[#owners + 1] = item
    end
  end
  if #texts == 0 then return end
  -- one thread, or one text: no batch call, each is annotated below
  local ok, docs
  if ctx.jobs == 1 or #texts == 1 then
    ok, docs = true, {}
  elseif ctx.pipeline then
    ok, docs = pcall(ctx.pipeline.annotate_many, ctx.pipeline, texts, { threads = ctx.jobs })
  else
    ok, docs = pcall(annot().annotate_many, texts, { threads = ctx.jobs })
  end
  -- a batch that failed as a whole is redone text by text, so that only
  -- the bad text fails and its message is its own
  if not ok then docs = {} end
  for i, item in ipairs(owners) do
    local doc = docs[i]
    if doc then
      item.doc = doc
    else
      local msg
      item.doc, msg = annotate_one(ctx, item.text)
      if not item.doc then item.error = msg end
    end
  end
end

-- The id a JSON object starts with: the record's, or with --id the
-- input's name; nil for none.
local function json_id(ctx, item)
  local id = item.id
  if id == nil and ctx.opts.id then id = item.name end
  return id
end

-- Annotate the items of a batch and export each straight to JSON, on
-- 'ctx.jobs' threads, for the json command: fills item.json or
-- item.error.  The C side does every per-text step on its threads
-- (annotate, export, free), so no doc reaches Lua and the only serial
-- work left is reading and writing.
local function json_batch(ctx, batch)
  -- texts read in Lua and files for the threads to read go in two calls
  for _, by_path in ipairs({ false, true }) do
    local inputs, owners, ids = {}, {}, {}
    for _, item in ipairs(batch) do
      local input = item.text
      if by_path then input = item.path end
      if input then
        inputs[#inputs + 1] = input
        owners[#owners + 1] = item
        -- the id goes first in the object: the C side writes it there, so
        -- that a document that may be megabytes long is not copied again
        local id = json_id(ctx, item)
        ids[#owners] = id ~= nil and json.encode(id) or false
      end
    end
    if #inputs > 0 then
      local opts = { threads = ctx.jobs, tokens = not ctx.opts.no_tokens, ids = ids,
                     paths = by_path }
      local ok, jsons, errors
      if ctx.pipeline then
        ok, jsons, errors = pcall(ctx.pipeline.to_json_many, ctx.pipeline, inputs, opts)
      else
        ok, jsons, errors = pcall(annot().to_json_many, inputs, opts)
      end
      for i, item in ipairs(owners) do
        local msg = errors and tostring(errors[i])
        if not ok then
          -- only running out of memory fails the call as a whole
          item.error = tostring(jsons)
        elseif jsons[i] then
          item.json = jsons[i]
        elseif by_path and msg:sub(1, #item.path + 2) == item.path .. ": " then
          -- a file the thread could not read, "<path>: <reason>": cut as
          -- 'read_all' cuts io.open's message of the same form, so that
          -- the record is the one --jobs 1 writes
          item.error = msg:gsub("^.-: ", "", 1)
        else
          -- worded as a failed doc:annotate is, for every command alike
          item.error = "annotate: " .. msg
        end
      end
    end
  end
end

-- Show how far the run is, on standard error, when it is a terminal.
local function progress(ctx, final)
  if not ctx.progress then return end
  -- at most five updates a second: the terminal is slower than we are
  local now = os.clock()
  if not final and now - (ctx.shown or -1) < 0.2 then return end
  ctx.shown = now
  io.stderr:write(format("\rannot: %d document%s, %.1f MB", ctx.done,
                         ctx.done == 1 and "" or "s", ctx.bytes / 1e6),
                  final and "\n" or "")
  io.stderr:flush()
end

-- Call 'handle(item)' for every input item, in order, each with 'item.doc'
-- (or 'item.error'); items are annotated in batches of 'ctx.jobs' * 8
-- documents (or 32 MB; for json 32 per job, or 4 MB) so that memory stays
-- bounded.  Each doc is closed after its handler unless 'keep' is set.
-- 'fill' (default 'annotate_batch') is what turns a batch's texts into
-- docs, or into 'item.json' for the json command.
local function for_each(ctx, handle, keep, fill)
  fill = fill or annotate_batch
  local batch, bytes = {}, 0
  -- with --jobs 0 (one thread per core, counted by the C side) the batch
  -- is sized for a machine of 8 cores
  local limit = ctx.jobs == 1 and 1 or (ctx.jobs == 0 and 8 or ctx.jobs) * 8
  local max_bytes = BATCH_BYTES
  -- one thread keeps batches of one, so that a stream of JSON Lines
  -- gets each answer as soon as its record is in; on several the json
  -- command leaves the files to the threads to read
  local by_path = false
  if fill == json_batch and ctx.jobs ~= 1 then
    by_path = not ctx.opts.jsonl
    limit = (ctx.jobs == 0 and 8 or ctx.jobs)
            * (by_path and FILE_BATCH_PER_JOB or JSON_BATCH_PER_JOB)
    max_bytes = JSON_BATCH_BYTES
  end
  local function flush()
    fill(ctx, batch)
    for i, item in ipairs(batch) do
      if item.error then
        ctx.failed = ctx.failed + 1
        -- clear the progress line first, or the message would run into it
        io.stderr:write(ctx.progress and "\r\27[K" or "", "annot: ", item.name, ": ",
                        tostring(item.error), "\n")
      end
      -- every item reaches the command, failed or not: commands that write
      -- one line per input keep their place with an error record
      handle(item)
      ctx.done = ctx.done + 1
      ctx.bytes = ctx.bytes + (item.text and #item.text or 0)
      -- free the C memory now rather than at the next collection: a long
      -- run then holds one batch at a time
      if item.doc and not keep and item.doc.close then item.doc:close() end
      batch[i] = nil
    end
    bytes = 0
    progress(ctx)
  end
  for item in items(ctx.inputs, ctx.opts.jsonl, by_path) do
    batch[#batch + 1] = item
    bytes = bytes + (item.text and #item.text or 0)
    if #batch >= limit or bytes >= max_bytes then flush() end
  end
  if #batch > 0 then flush() end
  if ctx.done > 0 then progress(ctx, true) end
end

-- }==================================================================


-- {==================================================================
-- Commands
-- ===================================================================

-- Write the pieces to the output.
local function out(ctx, ...)
  ctx.out:write(...)
end

-- Does this run hold more than one document (several inputs, a
-- directory, or JSON Lines)?
local function several(ctx)
  if ctx.opts.jsonl or #ctx.inputs > 1 then return true end
  return ctx.inputs[1] ~= nil and ctx.inputs[1] ~= "-" and is_dir(ctx.inputs[1])
end

-- Write rows (records keyed by 'columns') in 'ctx.format', streaming all
-- but the aligned table, which is written by 'finish_rows'.
local function emit_row(ctx, columns, row)
  local fmt = ctx.format
  if fmt == "table" then
    ctx.rows[#ctx.rows + 1] = row
  elseif fmt == "jsonl" then
    -- every column is present; absent values are null, not left out
    local rec = {}
    for _, c in ipairs(columns) do rec[c] = row[c] == nil and json.null or row[c] end
    out(ctx, json.encode(rec), "\n")
  else
    -- the header once, before the first row of the first document
    if not ctx.header_done then
      out(ctx, fmt == "csv" and tabular.csv_line(columns) or tabular.tsv_line(columns))
      ctx.header_done = true
    end
    local values = tabular.row(row, columns)
    out(ctx, fmt == "csv" and tabular.csv_line(values, ",", #columns)
             or tabular.tsv_line(values, #columns))
  end
end

-- Write the buffered aligned table, if any.
local function finish_rows(ctx, columns)
  if ctx.format == "table" then
    out(ctx, tabular.format(ctx.rows, { columns = columns }))
  elseif ctx.format ~= "jsonl" and not ctx.header_done then
    out(ctx, ctx.format == "csv" and tabular.csv_line(columns) or tabular.tsv_line(columns))
  end
end

-- The 'each' of the row commands (entities, quotes, csv): the rows of a
-- document, by 'ctx.rows_of' with 'ctx.filter', as 'ctx.columns'.
local function emit_doc_rows(ctx, item)
  if item.error then return end
  for _, row in ipairs(ctx.rows_of(item.doc, item.name, ctx.filter)) do
    emit_row(ctx, ctx.columns, row)
  end
end

-- Their 'finish'.
local function finish_doc_rows(ctx) finish_rows(ctx, ctx.columns) end

-- Check and store the '--format' option.
local function table_format(ctx)
  local fmt = ctx.opts.format or "table"
  if fmt ~= "table" and fmt ~= "tsv" and fmt ~= "csv" and fmt ~= "jsonl" then
    usage_error("--format '%s': expected table, tsv, csv or jsonl", fmt)
  end
  ctx.format, ctx.rows = fmt, {}
end

-- A file name for an item's output in '--out-dir': its path below the
-- input (or its id), '/' and unsafe bytes replaced, extension dropped.
local function out_name(ctx, item)
  local base = tostring(item.rel or item.name):gsub("%.txt$", "")
  base = base:gsub("[^%w%.%-_]", "_"):gsub("^%.", "_")
  -- two inputs with one name (a.txt in two directories) get a.html, a-2.html
  ctx.names = ctx.names or {}
  local name, k = base, 1
  while ctx.names[name] do
    k = k + 1
    name = base .. "-" .. k
  end
  ctx.names[name] = true
  return name
end

-- Write 'content' to 'path'; a failure is reported and counted (exit
-- status 1), and the run goes on with the next document.
local function write_file(ctx, path, content)
  local f, msg = io.open(path, "wb")
  local ok, wmsg = f and f:write(content)
  if f then f:close() end
  if not (f and ok) then
    ctx.failed = ctx.failed + 1
    io.stderr:write("annot: ", tostring(msg or wmsg), "\n")
  end
end

-- the tables of entities and quotes are the CSV exporter's
local ENTITY_COLUMNS, QUOTE_COLUMNS = csv_export.ENTITY_COLUMNS, csv_export.QUOTE_COLUMNS
local entity_rows, quote_rows = csv_export.entity_rows, csv_export.quote_rows

-- A command is a table of hooks, called in this order:
--   start(ctx)         check its own options, before any input is read
--   each(ctx, item)    every input, in order: 'item.doc', or 'item.error'
--                      when it failed ('item.name' always; 'item.id' for
--                      JSON Lines records)
--   finish(ctx)        write what waited for the last document
-- 'stages' asks for a pipeline with fewer stages; 'batch(ctx, batch)'
-- replaces the annotation of each batch (json: 'item.json' instead of
-- 'item.doc'); 'main(ctx, script)' replaces the loop altogether ('run'),
-- and 'script' says that the first positional argument is a script
-- rather than an input.

COMMANDS.json = {
  -- one JSON object a line; ids and error records keep the lines aligned
  -- with the inputs
  batch = json_batch,
  each = function(ctx, item)
    local id = json_id(ctx, item)
    if item.error then
      -- written by hand so that "id" comes first
      local key, value = "id", id
      if id == nil then key, value = "file", item.name end
      out(ctx, '{"', key, '":', json.encode(value), ',"error":',
          json.quote(tostring(item.error)), "}\n")
      return
    end
    -- made on the threads by 'json_batch', from the text straight to
    -- JSON, its id already first
    out(ctx, item.json, "\n")
  end,
}

-- the TSV escapes of a token's text (a token holds no whitespace, but a
-- backslash or a NUL byte must still be escaped for the column to read
-- back and for tools that stop at NUL)
local TSV_ESCAPES = { ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r", ["\\"] = "\\\\",
                      ["\0"] = "\\0" }

COMMANDS.tokens = {
  -- the hot loop of the CLI: no table per token, output in large pieces
  each = function(ctx, item)
    if ctx.multi then out(ctx, "# ", item.name, "\n") end
    if item.error then return end
    local buf, n = {}, 0
    for i, text, first, last, kind in item.doc:tokens() do
      if text:find("[\t\n\r\\%z]") then text = text:gsub("[\t\n\r\\%z]", TSV_ESCAPES) end
      n = n + 1
      buf[n] = format("%d\t%d\t%d\t%s\t%s\n", i, first, last, kind, text)
      if n == 4096 then
        out(ctx, concat(buf))
        buf, n = {}, 0
      end
    end
    out(ctx, concat(buf, "", 1, n))
  end,
  stages = "tokens",
}

COMMANDS.entities = {
  start = function(ctx)
    table_format(ctx)
    ctx.columns, ctx.rows_of = ENTITY_COLUMNS, entity_rows
    if ctx.opts.types then
      -- the filter is doc:entities's own, so the C side does the work
      ctx.filter = { type = split_list(ctx.opts.types) }
    end
  end,
  each = emit_doc_rows,
  finish = finish_doc_rows,
}

COMMANDS.quotes = {
  start = function(ctx)
    table_format(ctx)
    local filter = {}
    if ctx.opts.kinds then
      filter.kind = split_list(ctx.opts.kinds)
    end
    filter.speaker = ctx.opts.speaker
    ctx.filter = filter
    ctx.columns, ctx.rows_of = QUOTE_COLUMNS, quote_rows
  end,
  each = emit_doc_rows,
  finish = finish_doc_rows,
}

local SPEAKER_COLUMNS = { "speaker", "quotes", "direct", "partial", "indirect", "docs", "cues" }
COMMANDS.speakers = {
  start = function(ctx)
    table_format(ctx)
    ctx.speakers = require("annot.analysis").speaker_table()
  end,
  each = function(ctx, item)
    if item.error then return end
    ctx.speakers:add(item.doc, item.name)
  end,
  finish = function(ctx)
    local rows = ctx.speakers:rows(ctx.opts.top)
    for _, r in ipairs(rows) do emit_row(ctx, SPEAKER_COLUMNS, r) end
    finish_rows(ctx, SPEAKER_COLUMNS)
  end,
}

-- html and brat: one input to the output, several into --out-dir
local function check_out_dir(ctx)
  if ctx.opts.out_dir then
    if not is_dir(ctx.opts.out_dir) then
      usage_error("--out-dir '%s' is not a directory", ctx.opts.out_dir)
    end
  elseif several(ctx) then
    usage_error("several documents: give --out-dir DIR")
  end
end

COMMANDS.html = {
  start = check_out_dir,
  each = function(ctx, item)
    if item.error then return end
    local html = require "annot.html"
    local page = html.page(item.doc, { title = ctx.opts.title or item.name })
    if ctx.opts.out_dir then
      write_file(ctx, ctx.opts.out_dir .. "/" .. out_name(ctx, item) .. ".html", page)
    else
      out(ctx, page)
    end
  end,
}

COMMANDS.brat = {
  start = check_out_dir,
  each = function(ctx, item)
    if item.error then return end
    local brat = require "annot.export.brat"
    local ann = brat.ann(item.doc, { quotes = not ctx.opts.no_quotes })
    if ctx.opts.out_dir then
      local base = ctx.opts.out_dir .. "/" .. out_name(ctx, item)
      write_file(ctx, base .. ".txt", item.doc.text)
      write_file(ctx, base .. ".ann", ann)
      -- remember the types for annotation.conf
      ctx.types = ctx.types or {}
      for _, t in ipairs(brat.types(item.doc)) do ctx.types[#ctx.types + 1] = t end
    else
      out(ctx, ann)
    end
  end,
  finish = function(ctx)
    -- brat needs annotation.conf beside the files to show them
    if ctx.opts.out_dir then
      local brat = require "annot.export.brat"
      local types = { "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
                      "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL" }
      for _, t in ipairs(ctx.types or {}) do types[#types + 1] = t end
      write_file(ctx, ctx.opts.out_dir .. "/annotation.conf", brat.conf(types))
    end
  end,
}

COMMANDS.conll = {
  each = function(ctx, item)
    if item.error then return end
    local conll = require "annot.export.conll"
    if ctx.multi then out(ctx, "-DOCSTART-\tO\n\n") end
    out(ctx, conll.format(item.doc))
  end,
}

COMMANDS.csv = {
  start = function(ctx)
    local t = ctx.opts.table or "entities"
    if t ~= "entities" and t ~= "quotes" then
      usage_error("--table '%s': expected entities or quotes", t)
    end
    ctx.format, ctx.rows = ctx.opts.tsv and "tsv" or "csv", {}
    ctx.columns = t == "entities" and ENTITY_COLUMNS or QUOTE_COLUMNS
    ctx.rows_of = t == "entities" and entity_rows or quote_rows
  end,
  each = emit_doc_rows,
  finish = finish_doc_rows,
}

-- 'run' takes over the loop: the script pulls documents through docs()
COMMANDS.run = {
  script = true,
  main = function(ctx, script)
    local function docs()
      return coroutine.wrap(function()
        for_each(ctx, function(item)
          if item.doc then coroutine.yield(item.name, item.doc) end
        end, true)
      end)
    end
    local env = setmetatable({}, { __index = G })
    env.annot = annot()
    env.docs = docs
    env.inputs = ctx.inputs
    env.pipeline = ctx.pipeline
    env.arg = { [0] = script, table.unpack(ctx.inputs) }
    local chunk, msg = loadfile(script, "t", env)
    if not chunk then usage_error("%s", msg) end
    local ok, result = xpcall(chunk, traceback, table.unpack(ctx.inputs))
    if not ok then
      io.stderr:write("annot: ", script, ": ", tostring(result), "\n")
      return 1
    end
    if math.type(result) == "integer" then return result end
    return nil
  end,
}

-- }==================================================================


-- {==================================================================
-- Main
-- ===================================================================

-- Run the command line 'args'; returns the exit code.
local function run(args)
  local name, opts, positional = parse(args)
  if opts.version then
    io.stdout:write(annot()._VERSION or "annot", "\n")
    return 0
  end
  if not name or name == "help" then
    local topic = name == "help" and positional[1]
    if topic and COMMAND_HELP[topic] then io.stdout:write(COMMAND_HELP[topic])
    else io.stdout:write(MAIN_HELP) end
    if not name and not opts.help then return 2 end
    return 0
  end
  local cmd = COMMANDS[name]
  if not cmd then usage_error("unknown command '%s'", name) end
  if opts.help then
    io.stdout:write(COMMAND_HELP[name])
    return 0
  end
  local script
  if cmd.script then
    script = table.remove(positional, 1)
    if not script then usage_error("run: no SCRIPT given") end
  end
  -- without the module nothing can run: say so once, not per input
  local loaded, why = pcall(annot)
  if not loaded then
    io.stderr:write("annot: cannot load the annot module: ", tostring(why), "\n")
    return 1
  end
  local ctx = {
    opts = opts, inputs = positional, jobs = opts.jobs or 1,
    failed = 0, done = 0, bytes = 0, out = io.stdout,
  }
  ctx.multi = several(ctx)
  ctx.pipeline = build_pipeline(opts, cmd.stages)
  if cmd.start then cmd.start(ctx) end
  if opts.output then
    local f, msg = io.open(opts.output, "wb")
    if not f then usage_error("--output: %s", msg) end
    ctx.out = f
  end
  ctx.out:setvbuf("full")
  ctx.progress = not opts.quiet and stderr_is_tty()
  local code
  if cmd.main then
    code = cmd.main(ctx, script)
  else
    for_each(ctx, function(item) cmd.each(ctx, item) end, false, cmd.batch)
    if cmd.finish then cmd.finish(ctx) end
  end
  ctx.out:flush()
  if ctx.out ~= io.stdout then ctx.out:close() end
  if code then return code end
  return ctx.failed > 0 and 1 or 0
end

-- cli.main(args): run the command line 'args' (a list of strings, as the
-- global 'arg'); returns the exit code, having printed any error.
function cli.main(args)
  local list = {}
  for i = 1, #(args or {}) do list[i] = args[i] end
  local ok, code = xpcall(run, function(e)
    if getmetatable(e) == Usage then return e end
    return traceback(tostring(e), 2)
  end, list)
  if ok then return code end
  if type(code) == "table" and code.msg then
    io.stderr:write("annot: ", code.msg, "\ntry 'annot --help'\n")
    return 2
  end
  io.stderr:write("annot: ", tostring(code), "\n")
  return 1
end

-- }==================================================================

return cli
