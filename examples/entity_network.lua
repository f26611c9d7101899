-- entity_network.lua: which entities are mentioned together, as an edge
-- list in CSV or as a Graphviz DOT graph.
--
--   lua5.4 examples/entity_network.lua examples/corpus/*.txt > edges.csv
--   lua5.4 examples/entity_network.lua --dot --min 2 examples/corpus/*.txt | dot -Tsvg > net.svg
--
-- Options: '--dot' (DOT instead of CSV), '--paragraph' (pairs within a
-- paragraph rather than a sentence), '--min N' (leave out edges seen fewer
-- than N times), '--types T,T' (default the named types).

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

local dot, unit, min, types, files = false, "sentence", nil, nil, {}
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--dot" then dot = true
  elseif a == "--paragraph" then unit = "paragraph"
  elseif a == "--min" then i = i + 1; min = math.tointeger(tonumber(arg[i]))
  elseif a == "--types" then
    i = i + 1
    types = {}
    for t in (arg[i] or ""):gmatch("[^,]+") do types[#types + 1] = t end
  else files[#files + 1] = a end
  i = i + 1
end
if #files == 0 then
  io.stderr:write("usage: lua5.4 examples/entity_network.lua [--dot] [--paragraph] [--min N] [--types T,T] FILE...\n")
  os.exit(2)
end

local edges = analysis.cooccurrence(corpus.new{files = files},
                                    {unit = unit, min = min, types = types})

if not dot then
  io.write(tabular.csv(edges, {columns = {"source", "target", "weight", "docs",
                                          "source_type", "target_type"}}))
  os.exit(0)
end

-- DOT: one node per entity, coloured by type; edge width grows with weight
local colours = {PERSON = "#ffd6a5", ORG = "#caffbf", GPE = "#9bf6ff", LOC = "#a0c4ff",
                 NORP = "#d7cffc", FAC = "#ffc6ff", EVENT = "#fdffb6"}
-- a DOT string literal
local function q(s) return '"' .. s:gsub('[\\"]', "\\%0"):gsub("\n", " ") .. '"' end
local nodes, order = {}, {}
for _, e in ipairs(edges) do
  for _, end_ in ipairs({{e.source, e.source_type}, {e.target, e.target_type}}) do
    if not nodes[end_[1]] then nodes[end_[1]] = end_[2]; order[#order + 1] = end_[1] end
  end
end
print("graph entities {")
print('  graph [overlap=false, splines=true];')
print('  node [shape=box, style="rounded,filled", fontname="Helvetica"];')
for _, name in ipairs(order) do
  print(("  %s [fillcolor=%s, tooltip=%s];"):format(q(name), q(colours[nodes[name]] or "#eeeeee"),
                                                   q(nodes[name] or "")))
end
for _, e in ipairs(edges) do
  print(("  %s -- %s [weight=%d, penwidth=%.1f, label=%d];"):format(q(e.source), q(e.target),
        e.weight, 1 + math.log(e.weight, 2), e.weight))
end
print("}")
