-- spec/support: helpers shared by the specs.
--
--   local support = require "spec.support"
--   support.json.decode(s)          strict JSON decoder (spec/support/json.lua)
--   support.collect(iter, ...)      the values of an iterator, as a list
--   support.corpus_dir()            ../shared/corpus, or nil when absent
--   support.read(path)              the contents of a file
--   support.scorer_ready()          ../shared/tools/score.py and python3 run
--   support.score(dir, ids)         the scorer's figures for the articles
--                                   of 'dir' (spec/support/score.lua)
--   assert.has_span(spans, fields)  some span of 'spans' (a list, or an
--                                   iterator function) has all 'fields'
--   assert.spans_slice(text, list)  every span's first/last slice to its text
--
-- Requiring it registers the assertions once.

local assert = require "luassert"
local say = require "say"

local support = {}

support.json = require "spec.support.json"

-- scoring a corpus with the shared scorer, for the accuracy specs
local score = require "spec.support.score"
support.read = score.read
support.scorer_ready = score.scorer_ready
support.score = score.score

-- the values of an iterator (the first of each step), as a list
function support.collect(iter, state, ctl)
  local list = {}
  for v in iter, state, ctl do list[#list + 1] = v end
  return list
end

-- the shared corpus directory, or nil: specs that read it skip without it
function support.corpus_dir()
  local dir = "../shared/corpus"
  local f = io.open(dir .. "/gold", "r")
  if f then f:close() return dir end
  return nil
end

-- a readable list of spans for failure messages
local function describe_spans(list)
  local out = {}
  for i, s in ipairs(list) do out[i] = "  " .. tostring(s) end
  return #out > 0 and table.concat(out, "\n") or "  (none)"
end

-- does span 's' have every field of 'fields'?
local function matches(s, fields)
  for k, v in pairs(fields) do
    if s[k] ~= v then return false end
  end
  return true
end

-- assert.has_span(spans, fields): a span with all these field values
local function has_span(state, arguments)
  local spans, fields = arguments[1], arguments[2]
  local list = type(spans) == "function" and support.collect(spans) or spans
  for _, s in ipairs(list) do
    if matches(s, fields) then return true end
  end
  local want = {}
  for k, v in pairs(fields) do want[#want + 1] = k .. "=" .. tostring(v) end
  table.sort(want)
  arguments[1] = table.concat(want, ", ") .. "\nfound:\n" .. describe_spans(list)
  arguments[2] = nil
  arguments.n = 1
  return false
end

say:set("assertion.has_span.positive", "Expected a span with %s")
say:set("assertion.has_span.negative", "Expected no span with %s")
assert:register("assertion", "has_span", has_span,
                "assertion.has_span.positive", "assertion.has_span.negative")

-- assert.spans_slice(text, list): text:sub(first, last) == span.text
local function spans_slice(state, arguments)
  local text, list = arguments[1], arguments[2]
  for _, s in ipairs(list) do
    if text:sub(s.first, s.last) ~= s.text then
      arguments[1] = tostring(s)
      arguments.n = 1
      return false
    end
  end
  return true
end

say:set("assertion.spans_slice.positive", "Expected every span to slice to its text: %s")
say:set("assertion.spans_slice.negative", "Expected a span not to slice to its text")
assert:register("assertion", "spans_slice", spans_slice,
                "assertion.spans_slice.positive", "assertion.spans_slice.negative")

return support
