-- timeline.lua: which entities the news ties to which dates.
--
--   lua5.4 examples/timeline.lua examples/corpus/*.txt
--   lua5.4 examples/timeline.lua --detail examples/corpus/*.txt
--
-- Every DATE mention ("Friday", "Jan. 21", "last week") is tied to the
-- named entities of its sentence.  The default table groups by date
-- expression (as written); '--detail' lists each date mention with its
-- sentence.

-- {====== find the module from a checkout, as bin/annot does
local root = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/.."
local build = os.getenv("ANNOT_BUILD") or "build"
if build:sub(1, 1) ~= "/" then build = root .. "/" .. build end
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
-- }======

local analysis = require "annot.analysis"
local corpus = require "annot.corpus"
local tabular = require "annot.tabular"

local detail, files = false, {}
for _, a in ipairs(arg) do
  if a == "--detail" then detail = true else files[#files + 1] = a end
end
if #files == 0 then
  io.stderr:write("usage: lua5.4 examples/timeline.lua [--detail] FILE...\n")
  os.exit(2)
end

local rows = analysis.timeline(corpus.new{files = files}, {detail = detail})
if detail then
  for _, r in ipairs(rows) do r.doc = tostring(r.doc):match("[^/]*$") end
  tabular.print(rows, {columns = {"doc", "date", "entities", "sentence"}, max = 60})
else
  tabular.print(rows, {columns = {"date", "count", "docs", "entities"}, max = 70})
end
