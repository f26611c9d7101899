-- annot.corpus: a set of texts to annotate, iterated lazily as (name, doc).
--
--   local c = annot.corpus{files = {"a.txt", "b.txt"}}
--   local c = annot.corpus{dir = "news/"}               -- every *.txt below
--   local c = annot.corpus{texts = {"...", "..."}}      -- or {name = text}
--   for name, doc in c:docs() do ... end
--
-- Options: 'pipeline' (default: the default pipeline), 'cache' (true:
-- keep the docs after the first pass instead of annotating again).  A
-- corpus does not read or annotate anything until it is iterated; files
-- are read one at a time.  The analysis helpers (annot.analysis) take a
-- corpus, a doc, a list of docs or a (name, doc) iterator.
--
-- The module also holds the file helpers that the CLI shares:
-- 'corpus.is_dir', 'corpus.list_dir', 'corpus.read_file'.

local io, table, string = io, table, string
local type, ipairs, pairs, tostring, error, pcall, require, setmetatable =
      type, ipairs, pairs, tostring, error, pcall, require, setmetatable
local sort = table.sort

local corpus = { _VERSION = "annot.corpus 0.1.0" }

-- lfs, when installed, lists directories; otherwise 'find' does
local has_lfs, lfs = pcall(require, "lfs")

_ENV = nil

-- {==================================================================
-- Files
-- ===================================================================

-- corpus.is_dir(path): is 'path' a directory?
function corpus.is_dir(path)
  if has_lfs then return lfs.attributes(path, "mode") == "directory" end
  local f = io.open(path, "rb")
  if not f then return false end
  local ok, _, code = f:read(0)
  f:close()
  return ok == nil and code == 21   -- EISDIR
end

-- corpus.list_dir(dir [, suffix]): the files under 'dir' whose names end
-- with 'suffix' (default ".txt"), recursively, in name order, as a list
-- of {path, rel} (rel: the path below 'dir').
function corpus.list_dir(dir, suffix)
  suffix = suffix or ".txt"
  dir = dir:gsub("(.)/+$", "%1")
  local found = {}
  if has_lfs then
    local function walk(path, rel)
      local names = {}
      for name in lfs.dir(path) do
        if name ~= "." and name ~= ".." then names[#names + 1] = name end
      end
      sort(names)
      for _, name in ipairs(names) do
        local full = path .. "/" .. name
        local below = rel == "" and name or rel .. "/" .. name
        local mode = lfs.attributes(full, "mode")
        if mode == "directory" then walk(full, below)
        elseif mode == "file" and name:sub(-#suffix) == suffix then
          found[#found + 1] = { full, below }
        end
      end
    end
    walk(dir, "")
  else
    -- no lfs: ask find, and sort by bytes as the lfs walk does
    local quoted = "'" .. dir:gsub("'", "'\\''") .. "'"
    local p = io.popen("find " .. quoted .. " -type f -name '*" .. suffix
                       .. "' 2>/dev/null | LC_ALL=C sort")
    if p then
      for line in p:lines() do found[#found + 1] = { line, line:sub(#dir + 2) } end
      p:close()
    end
  end
  return found
end

-- corpus.read_file(path): the bytes of 'path' ('-': standard input), or
-- nil and a message that does not repeat the path.
function corpus.read_file(path)
  if path == "-" then return io.stdin:read("a") or "" end
  local f, msg = io.open(path, "rb")
  if not f then return nil, (msg:gsub("^.-: ", "", 1)) end
  local text, rmsg = f:read("a")
  f:close()
  if not text then return nil, (tostring(rmsg):gsub("^.-: ", "", 1)) end
  return text
end

-- }==================================================================


-- {==================================================================
-- Corpus objects
-- ===================================================================

local Corpus = {}
Corpus.__index = Corpus
Corpus.__name = "annot.Corpus"

-- Add the sources of 'spec' to the corpus's list of {name, path | text}.
local function collect(c, spec)
  local list = c.sources
  if spec.files ~= nil then
    if type(spec.files) ~= "table" then error("annot.corpus: option 'files' must be a list", 3) end
    for _, path in ipairs(spec.files) do list[#list + 1] = { name = path, path = path } end
  end
  if spec.dir ~= nil then
    if type(spec.dir) ~= "string" then error("annot.corpus: option 'dir' must be a string", 3) end
    if not corpus.is_dir(spec.dir) then
      error("annot.corpus: option 'dir': '" .. spec.dir .. "' is not a directory", 3)
    end
    for _, entry in ipairs(corpus.list_dir(spec.dir, spec.suffix)) do
      list[#list + 1] = { name = entry[1], path = entry[1] }
    end
  end
  if spec.texts ~= nil then
    if type(spec.texts) ~= "table" then error("annot.corpus: option 'texts' must be a table", 3) end
    if #spec.texts > 0 then
      for i, text in ipairs(spec.texts) do list[#list + 1] = { name = "text" .. i, text = text } end
    else
      -- a map name -> text: in name order, so runs are repeatable
      local names = {}
      for name in pairs(spec.texts) do names[#names + 1] = tostring(name) end
      sort(names)
      for _, name in ipairs(names) do list[#list + 1] = { name = name, text = spec.texts[name] } end
    end
  end
  for _, s in ipairs(list) do
    if s.text ~= nil and type(s.text) ~= "string" then
      error("annot.corpus: text '" .. s.name .. "' is not a string", 3)
    end
  end
end

-- corpus.new(spec) (or annot.corpus(spec)): a corpus over the files,
-- directory and texts that 'spec' names (any mix of them).
function corpus.new(spec)
  if type(spec) ~= "table" then error("annot.corpus: expected a table of options", 2) end
  local c = setmetatable({ sources = {}, pipeline = spec.pipeline,
                           cache = spec.cache and {} or nil, errors = {} }, Corpus)
  collect(c, spec)
  return c
end

-- #c: the number of texts in the corpus.
function Corpus.__len(c)
  return #c.sources
end

-- c:names(): the list of the texts' names (file paths, "textN" or keys).
function Corpus.names(c)
  local names = {}
  for i, s in ipairs(c.sources) do names[i] = s.name end
  return names
end

-- Annotate source 'i'; returns the doc or nil and a message.
local function annotate_source(c, s)
  local text, msg = s.text, nil
  if text == nil then
    text, msg = corpus.read_file(s.path)
    if not text then return nil, msg end
  end
  local annot = require "annot"
  local ok, doc = pcall(function()
    if c.pipeline then return c.pipeline:annotate(text) end
    return annot.annotate(text)
  end)
  if not ok then return nil, tostring(doc) end
  return doc
end

-- c:docs(): an iterator of (name, doc), annotating each text as the loop
-- reaches it.  A file that cannot be read or annotated is skipped, and
-- its message kept in 'c.errors' ({name, message} per failure).
function Corpus.docs(c)
  local i = 0
  return function()
    while true do
      i = i + 1
      local s = c.sources[i]
      if not s then return nil end
      local doc = c.cache and c.cache[i]
      if not doc then
        local msg
        doc, msg = annotate_source(c, s)
        if doc and c.cache then c.cache[i] = doc end
        if not doc then c.errors[#c.errors + 1] = { name = s.name, message = msg } end
      end
      if doc then return s.name, doc end
    end
  end
end

-- c(): the same iterator as c:docs().
Corpus.__call = Corpus.docs

-- }==================================================================

-- the module is callable: annot.corpus{...} is corpus.new{...}
return setmetatable(corpus, { __call = function(_, spec) return corpus.new(spec) end })
