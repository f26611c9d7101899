-- spec/support/quotes.lua: the harness shared by the quote specs
-- (spec/07-quotes*_spec.lua).
--
--   local quotes = require "spec.support.quotes"
--   quotes.of(text, filter)     the quotes of 'text' as a list
--   quotes.find(list, text)     the quote whose text is 'text', or nil
--   quotes.dump(list)           a readable dump, for failure messages
--   quotes.check(list, want)    assert one expected quote; returns it
--   quotes.runner(it)           run_cases(cases): one 'it' per case of a
--                               table ('it' is passed in: busted gives it
--                               to spec files, not to modules they require)

local assert = require "luassert"
local annot = require "annot"

local quotes = {}

-- the quotes of 'text' as a list; 'filter' as for doc:quotes()
function quotes.of(text, filter)
  local list = {}
  for q in annot.annotate(text):quotes(filter) do list[#list + 1] = q end
  return list
end

-- the quote of 'list' whose text is 'text', or nil
function quotes.find(list, text)
  for _, q in ipairs(list) do
    if q.text == text then return q end
  end
  return nil
end

-- a readable dump of a list of quotes, for failure messages: every field
-- a case may check, so a failure shows what was found instead
function quotes.dump(list)
  local out = {}
  for _, q in ipairs(list) do
    local sp = q.speaker
    out[#out + 1] = string.format("  %s %q speaker=%s/%s anon=%s cue=%s", q.kind,
      q.text, sp and sp.text, sp and sp.canonical, sp and tostring(sp.anonymous),
      q.cue and q.cue.text)
  end
  return table.concat(out, "\n")
end

-- check one expected quote as far as 'want' describes it: kind, speaker
-- (its text; false for no speaker at all), canonical (false asks for
-- none), anonymous, cue and the flags unclosed/turn/nested.  Returns the
-- quote found, for further checks.
function quotes.check(list, want)
  local q = quotes.find(list, want.text)
  local where = " for " .. want.text .. "\nfound:\n" .. quotes.dump(list)
  assert(q, "no quote" .. where)
  if want.kind then assert.equal(want.kind, q.kind, "kind" .. where) end
  if want.speaker == false then
    assert.is_nil(q.speaker, "speaker" .. where)
  elseif want.speaker then
    assert(q.speaker, "no speaker" .. where)
    assert.equal(want.speaker, q.speaker.text, "speaker text" .. where)
  end
  if want.canonical ~= nil then
    assert.equal(want.canonical or nil, q.speaker and q.speaker.canonical,
                 "canonical" .. where)
  end
  if want.anonymous ~= nil then
    assert.equal(want.anonymous, q.speaker and q.speaker.anonymous, "anonymous" .. where)
  end
  if want.cue then
    assert(q.cue, "no cue" .. where)
    assert.equal(want.cue, q.cue.text, "cue" .. where)
  end
  for _, flag in ipairs{"unclosed", "turn", "nested"} do
    if want[flag] ~= nil then assert.equal(want[flag], q[flag], flag .. where) end
  end
  return q
end

-- run_cases for a spec file's 'it': it runs a table of cases, one 'it'
-- each: {name, text, {quote...}, absent = {text...}, count = n}; the quote
-- list and 'absent' may be left out, 'count' checks the number of quotes
function quotes.runner(it)
  return function(cases)
    for _, case in ipairs(cases) do
      it(case[1], function()
        local list = quotes.of(case[2])
        for _, want in ipairs(case[3] or {}) do quotes.check(list, want) end
        for _, text in ipairs(case.absent or {}) do
          assert.is_nil(quotes.find(list, text),
                        "unexpected quote " .. text .. "\n" .. quotes.dump(list))
        end
        if case.count then assert.equal(case.count, #list, quotes.dump(list)) end
      end)
    end
  end
end

return quotes
