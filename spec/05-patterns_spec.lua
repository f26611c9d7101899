-- spec/05-patterns_spec.lua: user PCRE2 patterns (csrc/patterns.c) through
-- the Lua API: labels, matches snapped to whole tokens, precedence,
-- compile errors with their offset, limits that stop a pathological
-- pattern, and texts that are not valid UTF-8.

require "spec.support"
local annot = require "annot"

-- a pipeline with only these patterns: no default lexicon, so the
-- mentions a spec sees are the patterns' (and the rules')
local function with_patterns(patterns, opts)
  local o = {default_lexicon = false, patterns = patterns}
  for k, v in pairs(opts or {}) do o[k] = v end
  return annot.pipeline(o)
end

-- the pattern mentions of 'doc' as "LABEL:text" strings, in order
local function pattern_mentions(doc)
  local out = {}
  for e in doc:entities() do
    if e.source == "pattern" then out[#out + 1] = e.type .. ":" .. e.text end
  end
  return out
end

describe("patterns", function()
  local cases = {
    { name = "a new label",
      patterns = {{"OPERATION", [[Operation \p{Lu}\w+]]}},
      text = "Kyiv said Operation Sentinel began at dawn.",
      want = {"OPERATION:Operation Sentinel"} },
    { name = "a built-in type as the label",
      patterns = {{"EVENT", [[Allies Resolve]]}},
      text = "Belarus hosted drills called Allies Resolve in February.",
      want = {"EVENT:Allies Resolve"} },
    { name = "several patterns, every match of each",
      patterns = {{"MONEY", [[\$\d+(?:\.\d+)? (?:million|billion)]]},
                  {"SUMMIT", [[\p{Lu}\w+ summit]]}},
      text = "The Madrid summit pledged $40 million; the Vilnius summit " ..
             "added $1.5 billion.",
      want = {"SUMMIT:Madrid summit", "MONEY:$40 million",
              "SUMMIT:Vilnius summit", "MONEY:$1.5 billion"} },
    { name = "a match inside a word grows to the whole token",
      patterns = {{"NEG", "egotia"}},
      text = "The negotiations resumed in Istanbul.",
      want = {"NEG:negotiations"} },
    { name = "a match ending on a space ends at the token before",
      patterns = {{"CITY", [[Minsk\s]]}},
      text = "Both sides signed the Minsk accords.",
      want = {"CITY:Minsk"} },
    { name = "empty matches and matches of spaces make nothing",
      patterns = {{"NOTHING", "x*"}, {"GAP", "  +"}},
      text = "Envoys  met   in Geneva.",
      want = {} },
    { name = "case-insensitive and Unicode classes",
      patterns = {{"CITY", [[(?i)\bzaporizhzhia\b]]},
                  {"WORD", [[\bKrak\ww\b]]}},
      text = "Shelling near ZAPORIZHZHIA; talks in Kraków.",
      want = {"CITY:ZAPORIZHZHIA", "WORD:Kraków"} },
    { name = "the first pattern keeps a token two patterns match",
      patterns = {{"FIRST", "Black Sea"}, {"SECOND", [[Sea \w+|Sea]]}},
      text = "The Black Sea Fleet sailed past the Sea of Azov.",
      want = {"FIRST:Black Sea", "SECOND:Sea of"} },
  }
  for _, c in ipairs(cases) do
    it("matches: " .. c.name, function()
      local doc = with_patterns(c.patterns):annotate(c.text)
      assert.same(c.want, pattern_mentions(doc))
    end)
  end

  it("gives mentions whose positions slice to their text, on token bounds",
     function()
    local text = "Moscow denied that Operation Z was planned, officials said."
    local doc = with_patterns{{"OPERATION", [[peration Z]]}}:annotate(text)
    local seen = 0
    for e in doc:entities{type = "OPERATION"} do
      seen = seen + 1
      assert.equal("Operation Z", e.text)
      assert.equal(e.text, text:sub(e.first, e.last))
      assert.equal(e.first - 1, e.start)
      assert.equal(e.last, e.stop)
      local _, tfirst = doc:token(e.first_token)
      local _, _, tlast = doc:token(e.last_token)
      assert.equal(e.first, tfirst)
      assert.equal(e.last, tlast)
      assert.equal("pattern", e.source)
    end
    assert.equal(1, seen)
  end)

  it("keeps the mentions sorted by position", function()
    local doc = with_patterns{{"B", "Warsaw"}, {"A", "Berlin"}}
      :annotate("Berlin and Warsaw, then Berlin again and Warsaw.")
    local last = 0
    local n = 0
    for e in doc:entities() do
      assert.is_true(e.first > last)
      last = e.first
      n = n + 1
    end
    assert.equal(4, n)
  end)

  it("makes its labels types that filters accept", function()
    local doc = with_patterns{{"OPERATION", [[Operation \w+]]}}
      :annotate("Operation Dawn and Operation Dusk")
    local n = 0
    for e in doc:entities{type = "OPERATION"} do n = n + 1 end
    assert.equal(2, n)
  end)

  it("wins over the lexicon's mentions it overlaps", function()
    local text = "Diplomats gathered in Geneva for talks."
    local plain = annot.pipeline{default_lexicon = false,
                                 entries = {{"Geneva", "GPE", "Geneva"}}}
    local before = {}
    for e in plain:annotate(text):entities() do before[#before + 1] = e.type end
    assert.same({"GPE"}, before)
    local p = annot.pipeline{default_lexicon = false,
                             entries = {{"Geneva", "GPE", "Geneva"}},
                             patterns = {{"VENUE", [[in Geneva]]}}}
    local after = {}
    for e in p:annotate(text):entities() do
      after[#after + 1] = e.type .. ":" .. e.text
    end
    assert.same({"VENUE:in Geneva"}, after)
  end)
end)

describe("bad patterns", function()
  it("raise an error naming the label, the reason and the offset", function()
    assert.has_error(function()
      with_patterns{{"OPERATION", [[Operation (\w+]]}}
    end, "annot.pipeline: option 'patterns'[1]: pattern 'OPERATION': " ..
         "missing closing parenthesis at offset 14")
  end)

  it("name the position of the bad pattern in the list", function()
    local ok, msg = pcall(with_patterns, {{"A", "fine"}, {"B", "a{2,1}"}})
    assert.is_false(ok)
    assert.matches("option 'patterns'%[2%]: pattern 'B': .+ at offset %d+", msg)
  end)

  it("reject a pattern that is not valid UTF-8", function()
    local ok, msg = pcall(with_patterns, {{"BAD", "caf\xC3"}})
    assert.is_false(ok)
    assert.matches("pattern 'BAD': ", msg, 1, true)
  end)
end)

describe("limits", function()
  local runaway = string.rep("a", 5000) .. "!"

  it("stop a catastrophic pattern with an error instead of hanging", function()
    local p = with_patterns{{"RUNAWAY", "(a+)+$"}}
    local t0 = os.clock()
    local ok, msg = pcall(p.annotate, p, runaway)
    assert.is_false(ok)
    assert.matches("pattern 'RUNAWAY': match limit exceeded", msg, 1, true)
    assert.is_true(os.clock() - t0 < 10)
  end)

  it("take a smaller match limit from the options", function()
    local p = with_patterns({{"RUNAWAY", "(a+)+$"}}, {match_limit = 1000})
    assert.has_error(function() p:annotate(string.rep("a", 30) .. "!") end)
    -- a sane pattern is not troubled by the same limit
    local q = with_patterns({{"CITY", "Kyiv"}}, {match_limit = 1000})
    assert.same({"CITY:Kyiv"}, pattern_mentions(q:annotate("back in Kyiv")))
  end)

  it("take the depth limit from the options", function()
    local words = string.rep("talks ", 20000)
    local deep = {{"RUN", [[(?:\w+\s?)+]]}}
    local p = with_patterns(deep)
    assert.has_error(function() p:annotate(words) end,
                     "annotate: pattern 'RUN': depth limit exceeded near byte 0")
    local q = with_patterns(deep, {depth_limit = 1000000})
    local doc = q:annotate(words)
    local n = 0
    for e in doc:entities{type = "RUN"} do
      n = n + 1
      assert.equal(1, e.first)
      assert.equal(#words - 1, e.last)
    end
    assert.equal(1, n)
  end)

  it("leave the pipeline usable after a failure", function()
    local p = with_patterns{{"RUNAWAY", "(a+)+$"}}
    assert.has_error(function() p:annotate(runaway) end)
    assert.same({"RUNAWAY:aaa"}, pattern_mentions(p:annotate("aaa")))
  end)
end)

describe("texts with any bytes", function()
  local texts = {
    "Kyiv\xFF\xFE said \xC3\x28 envoys met",
    "caf\xC3\xA9 \xE2\x80 truncated \xF0\x9F",
    "nul\0inside\0Geneva talks",
    "",
    "\x80\x80\x80",
  }
  for i, text in ipairs(texts) do
    it("match without crashing, inside the text (" .. i .. ")", function()
      local p = with_patterns{{"WORD", [[\w+]]}, {"ANY", "(?s)."}, {"E", ""}}
      local doc = p:annotate(text)
      for e in doc:entities() do
        assert.is_true(e.first >= 1 and e.last <= #text and e.first <= e.last)
        assert.equal(text:sub(e.first, e.last), e.text)
      end
    end)
  end

  it("never lets a match cross an invalid byte", function()
    local doc = with_patterns{{"PAIR", [[b.c]]}}:annotate("ab\xFFcd and b c")
    assert.same({"PAIR:b c"}, pattern_mentions(doc))
  end)
end)
