-- spec/11-badinput_spec.lua: inputs that must not break anything: invalid
-- UTF-8, NUL bytes, empty and blank texts, CRLF, a 20 MB text, unbalanced
-- quotes, wrong argument types, and patterns that blow up.

local support = require "spec.support"
local annot = require "annot"
local json = support.json

-- the layers of a doc are consistent with its text: tokens in order and
-- inside it, every span slices to its text, the JSON is valid
local function check_doc(doc, text)
  local prev_last = 0
  for _, tok, first, last in doc:tokens() do
    assert.is_true(first > prev_last and last >= first and last <= #text)
    assert.equal(text:sub(first, last), tok)
    prev_last = last
  end
  for _, layer in ipairs{"sentences", "paragraphs", "entities", "quotes"} do
    assert.spans_slice(text, support.collect(doc[layer](doc)))
  end
  local obj = json.decode(doc:to_json())
  assert.equal(#text, obj.text_bytes)
end

describe("invalid UTF-8", function()
  local cases = {
    {"stray continuation bytes", "Kyiv \x80\x81 talks \xBF."},
    {"truncated sequences", "Kyiv \xE2\x80 and \xF0\x9F\x98"},
    {"overlong and surrogate forms", "\xC0\xAF \xED\xA0\x80 Moscow"},
    {"bytes that are never UTF-8", "\xFE\xFF Minsk \xF8"},
    {"random bytes", (function()
       local t = {}
       for i = 1, 4000 do t[i] = string.char((i * 7919 + 13) % 256) end
       return table.concat(t)
     end)()},
  }
  for _, case in ipairs(cases) do
    it("annotates " .. case[1], function()
      local doc = annot.annotate(case[2])
      check_doc(doc, case[2])
    end)
  end

  it("makes invalid bytes tokens of kind invalid", function()
    local doc = annot.annotate("Kyiv \x80 Moscow")
    local kinds = {}
    for _, text, _, _, kind in doc:tokens() do kinds[text] = kind end
    assert.equal("invalid", kinds["\x80"])
  end)
end)

describe("NUL bytes", function()
  it("are text like any other", function()
    local text = "Kyiv\0Moscow said\0 no."
    local doc = annot.annotate(text)
    check_doc(doc, text)
    assert.equal(#text, #doc.text)
    local last = select(3, doc:token(#doc))
    assert.equal(#text, last)
  end)

  it("pass through patterns", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"CODE", "KX-\\d+"}}}
    local doc = p:annotate("\0KX-1\0 and KX-2")
    assert.equal(2, #support.collect(doc:entities()))
  end)
end)

describe("empty and blank texts", function()
  for _, text in ipairs{"", " ", "   \t  ", "\n\n\n", "\r\n\r\n"} do
    it(("give an empty doc for %q"):format(text), function()
      local doc = annot.annotate(text)
      assert.equal(0, #doc)
      local c = doc:counts()
      assert.equal(0, c.sentences)
      assert.equal(0, c.entities)
      assert.equal(0, c.quotes)
      local obj = json.decode(doc:to_json())
      assert.equal(#text, obj.text_bytes)
      assert.same({}, obj.tokens)
    end)
  end
end)

describe("CRLF", function()
  it("splits paragraphs as LF does", function()
    local lf = "Kyiv asked for help.\n\nMoscow refused."
    local crlf = lf:gsub("\n", "\r\n")
    local a, b = annot.annotate(lf), annot.annotate(crlf)
    assert.equal(a:counts().paragraphs, b:counts().paragraphs)
    assert.equal(2, b:counts().paragraphs)
    assert.equal(#a, #b)
    check_doc(b, crlf)
  end)
end)

describe("a 20 MB input", function()
  it("is annotated in one piece", function()
    local para = "Russian forces massed near the border on Tuesday, officials said. " ..
                 "“We are ready for any scenario,” the minister told reporters in Kyiv.\n\n"
    local text = para:rep(math.ceil(20 * 1024 * 1024 / #para))
    local doc = annot.annotate(text)
    assert.equal(#text, #doc.text)
    assert.is_true(#doc > 2000000)
    local c = doc:counts()
    assert.is_true(c.paragraphs > 100000)
    local last_first, last_last = select(2, doc:token(#doc))
    assert.is_true(last_last <= #text and last_first <= last_last)
    local s = doc:to_json{tokens = false}
    assert.equal("{", s:sub(1, 1))
    assert.equal("}", s:sub(-1))
    doc:close()
  end)
end)

describe("unbalanced quotes", function()
  local cases = {
    "“We will not give up, the mayor said.",
    "The mayor said we will not give up.”",
    "“Open “nested “marks without end",
    "\"\"\"\"\"",
    "He said: «",
    "’’’ ‘‘‘ ” “",
  }
  for _, text in ipairs(cases) do
    it(("are handled in %q"):format(text), function()
      local doc = annot.annotate(text)
      check_doc(doc, text)
      for q in doc:quotes() do
        assert.is_true(q.first >= 1 and q.last <= #text)
      end
    end)
  end
end)

describe("wrong argument types", function()
  local doc = annot.annotate("Kyiv said no.")
  local p = annot.pipeline{default_lexicon = false}
  local cases = {
    {"annotate(number)", function() annot.annotate(42) end, "bad argument #1 to 'annotate'"},
    {"annotate(text, string)", function() annot.annotate("x", "opts") end, "bad argument #2 to 'annotate'"},
    {"pipeline(string)", function() annot.pipeline("x") end, "bad argument #1 to 'pipeline'"},
    {"annotate_many(string)", function() annot.annotate_many("x") end, "bad argument #1 to 'annotate_many'"},
    {"annotate_many({1})", function() annot.annotate_many({1}) end, "text 1 is a number, not a string"},
    {"p:annotate(table)", function() p:annotate({}) end, "bad argument #1 to 'annotate'"},
    {"p.annotate(doc)", function() p.annotate(doc, "x") end, "annot.Pipeline expected"},
    {"doc.tokens(p)", function() doc.tokens(p) end, "annot.Doc expected"},
    {"doc:sentence(string)", function() doc:sentence("x") end, "bad argument #1 to 'sentence'"},
    {"doc:entities(string)", function() doc:entities("PERSON") end, "bad argument #1 to 'entities'"},
    {"doc:quotes(number)", function() doc:quotes(1) end, "bad argument #1 to 'quotes'"},
    {"doc:to_json(string)", function() doc:to_json("x") end, "bad argument #1 to 'to_json'"},
  }
  for _, case in ipairs(cases) do
    it("raise for " .. case[1], function()
      local ok, err = pcall(case[2])
      assert.is_false(ok)
      assert.truthy(tostring(err):find(case[3], 1, true), err)
    end)
  end
end)

describe("pathological patterns", function()
  it("fail to compile with the offset", function()
    local ok, err = pcall(annot.pipeline, {patterns = {{"X", "a{2,1}"}}})
    assert.is_false(ok)
    assert.matches("option 'patterns'%[1%]", err)
  end)

  it("that backtrack without end stop at the match limit", function()
    local p = annot.pipeline{default_lexicon = false, match_limit = 10000,
                             patterns = {{"SLOW", "(a+)+$"}}}
    local text = ("a"):rep(40) .. "!"
    local ok, err = pcall(p.annotate, p, text)
    assert.is_false(ok)
    assert.matches("^annotate: pattern 'SLOW': match limit", err)
  end)

  it("stop under the default limits too, quickly", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"SLOW", "(a|aa)+$"}}}
    local t0 = os.clock()
    local ok, err = pcall(p.annotate, p, ("a"):rep(60) .. "!")
    assert.is_false(ok)
    assert.matches("pattern 'SLOW'", err)
    assert.is_true(os.clock() - t0 < 5)
  end)

  it("fail annotate_many naming the text", function()
    local p = annot.pipeline{default_lexicon = false, match_limit = 10000,
                             patterns = {{"SLOW", "(a+)+$"}}}
    local ok, err = pcall(p.annotate_many, p, {"fine", ("a"):rep(40) .. "!"}, {threads = 2})
    assert.is_false(ok)
    assert.matches("^annotate_many: text 2: pattern 'SLOW'", err)
  end)

  it("that match empty strings make no mentions and end", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"EMPTY", "x*"}}}
    local doc = p:annotate("Kyiv and Moscow")
    for m in doc:entities() do assert.is_true(#m.text > 0) end
  end)
end)
