-- custom_rules.lua: extend the annotator with a user lexicon and a PCRE2
-- rule, then list what they found.
--
--   lua5.4 examples/custom_rules.lua                      (a built-in sample)
--   lua5.4 examples/custom_rules.lua examples/corpus/*.txt
--
-- The lexicon is examples/my_names.tsv (surface, type, canonical, role);
-- the rule tags military unit names ("72nd Mechanized Brigade") with a new
-- label, UNIT, and another tags "Operation X" names as EVENT.

-- {====== find the module from a checkout, as bin/annot does
local here = arg[0]:match("^(.*)/[^/]*$") or "."
local root = here .. "/.."
local build = os.getenv("ANNOT_BUILD") or "build"
if build:sub(1, 1) ~= "/" then build = root .. "/" .. build end
package.path = root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;" .. package.path
package.cpath = build .. "/?.so;" .. package.cpath
-- }======

local annot = require "annot"
local tabular = require "annot.tabular"
local corpus = require "annot.corpus"

-- a pipeline with the default lexicon, our names and two rules
local pipeline = annot.pipeline{
  lexicons = {here .. "/my_names.tsv"},
  patterns = {
    -- \s+ rather than a space: a name may be broken across lines
    {"UNIT", [[\b\d{1,3}(?:st|nd|rd|th)\s+(?:\p{Lu}\p{Ll}+\s+){1,3}(?:Brigade|Division|Regiment|Battalion|Army)\b]]},
    {"EVENT", [[\bOperation\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\b]]},
  },
}

-- a short text of our own when no file is given
local SAMPLE = [[
Shelling along the line of contact intensified on Thursday, monitors from
the SMM reported. Political analyst Tatyana Stanovaya said the Kremlin saw
little reason to compromise. Michael Kofman noted that the 72nd Mechanized
Brigade had moved closer to the contact line, while NATO allies prepared
Operation Steadfast Defender.
]]

local c = #arg > 0 and corpus.new{files = arg, pipeline = pipeline}
                   or corpus.new{texts = {sample = SAMPLE}, pipeline = pipeline}

-- the canonical names our lexicon gives (third column, else the surface)
local ours = {}
for line in io.lines(here .. "/my_names.tsv") do
  local surface, _, canonical = line:match("^([^#\t][^\t]*)\t([^\t]+)\t?([^\t]*)")
  if surface then ours[canonical ~= "" and canonical or surface] = true end
end

-- what the lexicon entries and the rules found, leaving the rest out
local rows = {}
for name, doc in c:docs() do
  for m in doc:entities() do
    if m.source == "pattern" or (m.canonical and ours[m.canonical]) then
      rows[#rows + 1] = {doc = tostring(name):match("[^/]*$"), type = m.type, text = m.text,
                         canonical = m.canonical, role = m.role, source = m.source}
    end
  end
end
tabular.print(rows, {columns = {"doc", "type", "text", "canonical", "role", "source"}})
for _, e in ipairs(c.errors) do io.stderr:write("custom_rules: ", e.name, ": ", e.message, "\n") end
