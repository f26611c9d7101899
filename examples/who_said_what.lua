-- who_said_what.lua: who is quoted across a set of news articles, how
-- often, with which speech verbs, about whom, and what they said.
--
--   lua5.4 examples/who_said_what.lua examples/corpus/*.txt
--   lua5.4 examples/who_said_what.lua --quotes 3 news/        (a directory)
--
-- Options: '--top N' speakers (default 15), '--quotes N' sample quotes per
-- speaker in the second table (default 2; 0 for none).  Runs from a
-- checkout after 'make' (it puts ./lua and ./build on the module paths)
-- or with annot installed.

-- {====== find the module from a checkout, as bin/annot does
local root = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/.."
local build = os.getenv("ANNOT_BUILD") or "build"
if build:sub(1, 1) ~= "/" then build = root .. "/" .. build end
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
-- }======

local annot = require "annot"
local analysis = require "annot.analysis"
local corpus = require "annot.corpus"
local tabular = require "annot.tabular"

-- the command line: options, then files or directories
local top, per_speaker, files, dirs = 15, 2, {}, {}
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--top" then i = i + 1; top = math.tointeger(tonumber(arg[i])) or top
  elseif a == "--quotes" then i = i + 1; per_speaker = math.tointeger(tonumber(arg[i])) or per_speaker
  elseif corpus.is_dir(a) then dirs[#dirs + 1] = a
  else files[#files + 1] = a end
  i = i + 1
end
if #files == 0 and #dirs == 0 then
  io.stderr:write("usage: lua5.4 examples/who_said_what.lua [--top N] [--quotes N] FILE|DIR...\n")
  os.exit(2)
end

-- one corpus over every file named and every *.txt below the directories
for _, d in ipairs(dirs) do
  for _, entry in ipairs(corpus.list_dir(d)) do files[#files + 1] = entry[1] end
end
local c = corpus.new{files = files}

-- the speakers table: most quoted first
local speakers = analysis.who_said_what(c, {top = top})
print(("%s: %d documents, %d speakers quoted"):format(annot._VERSION, #c, #speakers))
print()
tabular.print(speakers, {columns = {"speaker", "quotes", "direct", "partial", "indirect",
                                    "docs", "cues", "about"}, max = 40})

-- what they said: a few quotes of each speaker, in corpus order
if per_speaker > 0 and #speakers > 0 then
  local rows = {}
  for _, s in ipairs(speakers) do
    for k, q in ipairs(s.examples) do
      if k > per_speaker then break end
      rows[#rows + 1] = {speaker = s.speaker, kind = q.kind,
                         doc = tostring(q.doc):match("[^/]*$"), quote = q.text}
    end
  end
  print()
  tabular.print(rows, {columns = {"speaker", "kind", "doc", "quote"}, max = 70})
end

-- files that could not be read are reported, not fatal
for _, e in ipairs(c.errors) do
  io.stderr:write("who_said_what: ", e.name, ": ", e.message, "\n")
end
os.exit(#c.errors == 0 and 0 or 1)
