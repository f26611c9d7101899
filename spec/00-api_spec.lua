-- spec/00-api_spec.lua: every function of doc/lua-api.md, argument errors
-- naming the argument, and validation of options tables.

local support = require "spec.support"
local annot = require "annot"

local TEXT = "Foreign ministers met in Geneva on Friday for talks on Ukraine.\n\n" ..
             "“We made progress,” the Swiss host said. Officials expect another round next week."

-- a pipeline whose only mentions come from one user pattern, so the
-- binding can be checked without depending on the default lexicon
local function code_pipeline()
  return annot.pipeline{default_lexicon = false,
                        patterns = {{"CODE", "\\bKX-\\d+\\b"}}}
end

describe("module", function()
  it("has a version", function()
    assert.equal("annot 0.1.0", annot._VERSION)
  end)

  it("lists the built-in types", function()
    assert.same({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE",
                 "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"},
                annot.types)
  end)

  it("writes no globals", function()
    local before = {}
    for k in pairs(_G) do before[k] = true end
    package.loaded["annot"] = nil
    require "annot"
    for k in pairs(_G) do assert.is_true(before[k], "new global " .. tostring(k)) end
  end)

  it("loads the toolkit modules on first use", function()
    assert.equal(require "annot.corpus", annot.corpus)
    assert.equal(require "annot.analysis", annot.analysis)
    assert.equal(require "annot.export.csv", annot.export.csv)
    assert.is_nil(annot.export.no_such_exporter)
  end)

  it("returns nil for a name it does not know", function()
    assert.is_nil(annot.no_such_thing)
  end)
end)

describe("annot.annotate", function()
  it("returns a doc holding the text", function()
    local doc = annot.annotate(TEXT)
    assert.equal(TEXT, doc.text)
    assert.is_true(#doc > 10)
  end)

  it("reuses one default pipeline", function()
    local a = annot.annotate("Kyiv, Jan. 21")
    local b = annot.annotate("Moscow, Jan. 22")
    assert.equal(a.text, "Kyiv, Jan. 21")
    assert.equal(b.text, "Moscow, Jan. 22")
  end)

  it("takes a pipeline in its options", function()
    local doc = annot.annotate("Convoy KX-12 left.", {pipeline = code_pipeline()})
    assert.has_span(doc:entities(), {type = "CODE", text = "KX-12"})
  end)

  it("builds a pipeline from pipeline options", function()
    local doc = annot.annotate("Convoy KX-12 left.", {default_lexicon = false,
                               patterns = {{"CODE", "KX-\\d+"}}})
    assert.has_span(doc:entities(), {type = "CODE", text = "KX-12"})
  end)

  it("names a bad text argument", function()
    assert.has_error(function() annot.annotate(nil) end,
                     "bad argument #1 to 'annotate' (string expected, got nil)")
    assert.has_error(function() annot.annotate({}) end,
                     "bad argument #1 to 'annotate' (string expected, got table)")
  end)

  it("rejects an unknown option", function()
    assert.has_error(function() annot.annotate("x", {tokenz = true}) end,
                     "annot.annotate: option 'tokenz': unknown")
  end)

  it("rejects a pipeline option that is not a pipeline", function()
    assert.has_error(function() annot.annotate("x", {pipeline = {}}) end,
                     "annot.annotate: option 'pipeline': a pipeline expected")
  end)

  it("rejects pipeline options next to a pipeline", function()
    assert.has_error(function()
      annot.annotate("x", {pipeline = code_pipeline(), stages = "tokens"})
    end, "annot.annotate: option 'stages': not with 'pipeline'")
  end)
end)

describe("annot.pipeline", function()
  it("builds with no options", function()
    local p = annot.pipeline()
    assert.matches("^annot.Pipeline", tostring(p))
    assert.equal("Kyiv", p:annotate("Kyiv").text)
  end)

  it("adds entries, named or positional", function()
    local p = annot.pipeline{default_lexicon = false, entries = {
      {surface = "Zorya Station", type = "FAC", canonical = "Zorya Rail Station"},
      {"Kalyna Group", "ORG", "Kalyna Group Ltd"},
    }}
    local doc = p:annotate("Trains left Zorya Station, Kalyna Group said.")
    assert.has_span(doc:entities(), {type = "FAC", text = "Zorya Station",
                                     canonical = "Zorya Rail Station", source = "lexicon"})
    assert.has_span(doc:entities(), {type = "ORG", canonical = "Kalyna Group Ltd"})
  end)

  it("reads lexicon files", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write("# test lexicon\nVeresk Institute\tORG\tVeresk Institute\t\n")
    f:close()
    local p = annot.pipeline{default_lexicon = false, lexicons = {path}}
    os.remove(path)
    local doc = p:annotate("A report by the Veresk Institute was published.")
    assert.has_span(doc:entities(), {type = "ORG", text = "Veresk Institute"})
  end)

  it("adds patterns as mentions of their label", function()
    local doc = code_pipeline():annotate("Units KX-7 and KX-19 moved north.")
    local list = support.collect(doc:entities())
    assert.equal(2, #list)
    assert.equal("KX-7", list[1].text)
    assert.equal("pattern", list[1].source)
    assert.equal("CODE", list[2].type)
  end)

  it("runs only the tokens stage when asked", function()
    local p = annot.pipeline{stages = "tokens", patterns = {{"CODE", "KX-\\d+"}}}
    local doc = p:annotate("Units KX-7 moved.")
    assert.equal(0, doc:counts().entities)
    assert.is_true(#doc > 0)
  end)

  local bad = {
    {{bogus = 1}, "annot.pipeline: option 'bogus': unknown"},
    {{[1] = "x"}, "annot.pipeline: option keys must be names, not number"},
    {{stages = "some"}, "annot.pipeline: option 'stages': \"tokens\", \"entities\" or \"all\" expected"},
    {{default_lexicon = "no"}, "annot.pipeline: option 'default_lexicon': a boolean expected"},
    {{match_limit = -1}, "annot.pipeline: option 'match_limit': a non-negative integer expected"},
    {{depth_limit = 1.5}, "annot.pipeline: option 'depth_limit': a non-negative integer expected"},
    {{lexicons = "file.tsv"}, "annot.pipeline: option 'lexicons': a list expected"},
    {{lexicons = {42}}, "annot.pipeline: option 'lexicons'[1]: a file name expected"},
    {{entries = {{"Kyiv"}}}, "annot.pipeline: option 'entries'[1]: surface and type expected"},
    {{entries = {"Kyiv"}}, "annot.pipeline: option 'entries'[1]: a table expected"},
    {{patterns = {{"A", "x"}, {"B"}}}, "annot.pipeline: option 'patterns'[2]: a table {label, pattern} expected"},
  }
  for _, case in ipairs(bad) do
    it("rejects " .. case[2]:match("option.*"), function()
      assert.has_error(function() annot.pipeline(case[1]) end, case[2])
    end)
  end

  it("raises the core's message for a bad pattern", function()
    local ok, err = pcall(annot.pipeline, {patterns = {{"A", "x"}, {"B", "(unclosed"}}})
    assert.is_false(ok)
    assert.matches("^annot.pipeline: option 'patterns'%[2%]: ", err)
    assert.matches("offset", err)
  end)

  it("raises the core's message for a missing lexicon file", function()
    local ok, err = pcall(annot.pipeline, {lexicons = {"/nonexistent/annot.tsv"}})
    assert.is_false(ok)
    assert.matches("option 'lexicons'%[1%]: /nonexistent/annot.tsv", err)
  end)

  it("names a bad options argument", function()
    assert.has_error(function() annot.pipeline("all") end,
                     "bad argument #1 to 'pipeline' (table expected, got string)")
  end)
end)

describe("pipeline methods", function()
  it("p:annotate makes a doc", function()
    local doc = code_pipeline():annotate("KX-1")
    assert.equal("KX-1", doc.text)
  end)

  it("p:annotate names a bad argument", function()
    local p = code_pipeline()
    assert.has_error(function() p:annotate(12 > 1) end,
                     "bad argument #1 to 'annotate' (string expected, got boolean)")
    assert.has_error(function() p.annotate({}, "x") end)
  end)

  it("p:annotate_many keeps the order", function()
    local texts = {}
    for i = 1, 40 do texts[i] = ("Convoy KX-%d crossed at dawn."):format(i) end
    local docs = code_pipeline():annotate_many(texts, {threads = 4})
    assert.equal(40, #docs)
    for i, doc in ipairs(docs) do
      assert.equal(texts[i], doc.text)
      assert.has_span(doc:entities(), {text = "KX-" .. i})
    end
  end)

  it("p:annotate_many validates its arguments", function()
    local p = code_pipeline()
    assert.has_error(function() p:annotate_many({"a", 3}) end)
    assert.has_error(function() p:annotate_many({"a"}, {thread = 2}) end,
                     "annotate_many: option 'thread': unknown")
    assert.has_error(function() p:annotate_many("a") end,
                     "bad argument #1 to 'annotate_many' (table expected, got string)")
  end)
end)

describe("annot.annotate_many", function()
  it("annotates a list with the default pipeline", function()
    local docs = annot.annotate_many({"Kyiv is calm.", "", "Moscow replied."})
    assert.equal(3, #docs)
    assert.equal("", docs[2].text)
    assert.equal(0, #docs[2])
  end)

  it("takes threads and a pipeline", function()
    local docs = annot.annotate_many({"KX-5 left.", "KX-6 left."},
                                     {threads = 2, pipeline = code_pipeline()})
    assert.has_span(docs[2]:entities(), {type = "CODE", text = "KX-6"})
  end)

  it("gives the docs annotate gives, on any number of threads", function()
    local texts = {}
    for i = 1, 30 do
      texts[i] = ("Talks %d in Geneva ended on Friday. “We need more time,” " ..
                  "Kuleba said, while NATO urged Moscow to step back."):rep(i % 4 + 1)
    end
    for _, threads in ipairs{1, 3, 8} do
      local docs = annot.annotate_many(texts, {threads = threads})
      for i, doc in ipairs(docs) do
        assert.equal(annot.annotate(texts[i]):to_json(), doc:to_json())
      end
    end
  end)

  it("returns an empty list for no texts", function()
    assert.same({}, annot.annotate_many({}))
  end)

  it("rejects unknown options and bad values", function()
    assert.has_error(function() annot.annotate_many({}, {workers = 2}) end,
                     "annot.annotate_many: option 'workers': unknown")
    assert.has_error(function() annot.annotate_many({}, {threads = "two"}) end,
                     "annot.annotate_many: option 'threads': a non-negative integer expected")
    assert.has_error(function() annot.annotate_many({}, {pipeline = 1}) end,
                     "annot.annotate_many: option 'pipeline': a pipeline expected")
  end)
end)

describe("doc:tokens", function()
  it("yields index, text, first, last and kind", function()
    local doc = annot.annotate("Kyiv said no.")
    local seen = {}
    for i, text, first, last, kind in doc:tokens() do
      seen[#seen + 1] = {i, text, first, last, kind}
    end
    assert.same({1, "Kyiv", 1, 4, "word"}, seen[1])
    assert.same({4, ".", 13, 13, "punct"}, seen[4])
    assert.equal(#doc, #seen)
  end)

  it("slices every token out of the text", function()
    local doc = annot.annotate(TEXT)
    for _, text, first, last in doc:tokens() do
      assert.equal(text, TEXT:sub(first, last))
    end
  end)
end)

describe("doc:token", function()
  it("gives text, first, last, kind, norm and flags", function()
    local doc = annot.annotate("Russia’s envoy left.")
    local text, first, last, kind, norm, flags = doc:token(1)
    assert.equal("Russia", text)
    assert.equal(1, first)
    assert.equal(6, last)
    assert.equal("word", kind)
    assert.equal("russia", norm)
    assert.is_true(flags.cap)
    assert.is_true(flags.sent_start)
    assert.is_true(flags.para_start)
    local _, _, _, _, norm2, flags2 = doc:token(2)
    assert.equal("'s", norm2)
    assert.is_true(flags2.clitic)
  end)

  it("returns nil out of range", function()
    local doc = annot.annotate("Kyiv")
    assert.is_nil(doc:token(0))
    assert.is_nil(doc:token(2))
  end)

  it("names a bad index", function()
    local doc = annot.annotate("Kyiv")
    assert.has_error(function() doc:token("one") end,
                     "bad argument #1 to 'token' (number expected, got string)")
  end)
end)

describe("doc:sentences and doc:paragraphs", function()
  it("iterate span objects in order", function()
    local doc = annot.annotate(TEXT)
    local sents = support.collect(doc:sentences())
    assert.equal(3, #sents)
    assert.spans_slice(TEXT, sents)
    assert.equal("Foreign ministers met in Geneva on Friday for talks on Ukraine.", sents[1].text)
    for i, s in ipairs(sents) do assert.equal(i, s.index) end
    local paras = support.collect(doc:paragraphs())
    assert.equal(2, #paras)
    assert.spans_slice(TEXT, paras)
    assert.equal(1, paras[1].first_token)
    assert.equal(paras[1].last_token + 1, paras[2].first_token)
  end)

  it("give the i-th span, nil out of range", function()
    local doc = annot.annotate(TEXT)
    assert.equal(doc:sentence(2).text, support.collect(doc:sentences())[2].text)
    assert.equal(2, doc:paragraph(2).index)
    assert.is_nil(doc:sentence(99))
    assert.is_nil(doc:paragraph(0))
  end)
end)

describe("span fields", function()
  it("share first, last, start, stop and text", function()
    local doc = annot.annotate(TEXT)
    local s = doc:sentence(1)
    assert.equal(1, s.first)
    assert.equal(s.first - 1, s.start)
    assert.equal(s.last, s.stop)
    assert.equal(TEXT:sub(s.first, s.last), s.text)
    assert.equal(#s.text, #s)
    assert.matches("^sentence 1 %[1%.%.", tostring(s))
  end)

  it("give nil for an unknown field", function()
    assert.is_nil(annot.annotate(TEXT):sentence(1).colour)
  end)

  it("compare equal for the same element", function()
    local doc = annot.annotate(TEXT)
    assert.equal(doc:sentence(1), doc:sentence(1))
    assert.not_equal(doc:sentence(1), doc:sentence(2))
  end)

  it("of a mention: type, canonical, id, source, tokens", function()
    local p = annot.pipeline{default_lexicon = false, entries = {
      {"Orlan Works", "ORG", "Orlan Works Ltd"}}}
    local text = "Orlan Works said exports rose. Orlan Works denied it."
    local list = support.collect(p:annotate(text):entities())
    assert.equal(2, #list)
    local m = list[1]
    assert.equal("ORG", m.type)
    assert.equal("Orlan Works", m.text)
    assert.equal("Orlan Works Ltd", m.canonical)
    assert.equal("lexicon", m.source)
    assert.equal(1, m.first_token)
    assert.equal(2, m.last_token)
    assert.equal(m.id, list[2].id)
    assert.is_nil(m.role)
    assert.matches("^mention 1 ORG", tostring(m))
  end)

  it("of a mention: role", function()
    local doc = annot.annotate("Foreign Minister Dmytro Kuleba spoke on Monday.")
    local person
    for m in doc:entities{type = "PERSON"} do person = m end
    assert.is_not_nil(person)
    assert.equal("Dmytro Kuleba", person.text)
    assert.equal("Foreign Minister", person.role)
    assert.equal(1, person.role_first)
    assert.equal(16, person.role_last)
  end)

  it("of a quote: kind, content, speaker, cue, sentence", function()
    local text = "“We will not accept this,” Kuleba said on Monday."
    local doc = annot.annotate(text)
    local q = support.collect(doc:quotes())[1]
    assert.is_not_nil(q)
    assert.equal("direct", q.kind)
    assert.equal("“We will not accept this,”", q.text)
    assert.equal("We will not accept this,", q.content)
    assert.equal("Kuleba", q.speaker.text)
    assert.equal(text:sub(q.speaker.first, q.speaker.last), q.speaker.text)
    assert.is_false(q.speaker.anonymous)
    assert.equal("said", q.cue.text)
    assert.equal(1, q.sentence.index)
    assert.is_false(q.unclosed)
    assert.is_false(q.turn)
    assert.is_false(q.nested)
  end)
end)

describe("doc:entities", function()
  local p = annot.pipeline{default_lexicon = false, entries = {
    {"Orlan Works", "ORG", "Orlan Works Ltd"}, {"Taras Hnatiuk", "PERSON"}},
    patterns = {{"CODE", "KX-\\d+"}}}
  local doc = p:annotate("Taras Hnatiuk of Orlan Works shipped KX-4 on Friday.")

  it("filters by type", function()
    local list = support.collect(doc:entities{type = "ORG"})
    assert.equal(1, #list)
    assert.equal("Orlan Works", list[1].text)
    assert.equal(2, #support.collect(doc:entities{type = {"ORG", "CODE"}}))
  end)

  it("filters by canonical", function()
    local list = support.collect(doc:entities{canonical = "Orlan Works Ltd"})
    assert.equal(1, #list)
  end)

  it("rejects an unknown filter", function()
    assert.has_error(function() doc:entities{label = "ORG"} end,
                     "entities: option 'label': unknown")
    assert.has_error(function() doc:entities{type = 3} end,
                     "entities: filter 'type': a string or a list expected")
  end)
end)

describe("doc:entity_groups", function()
  it("groups the mentions of one entity", function()
    local p = annot.pipeline{default_lexicon = false, entries = {
      {"Orlan Works", "ORG", "Orlan Works Ltd"}}}
    local doc = p:annotate("Orlan Works grew. Orlan Works hired.")
    local groups = doc:entity_groups()
    assert.equal(1, #groups)
    assert.equal("Orlan Works Ltd", groups[1].canonical)
    assert.equal("ORG", groups[1].type)
    assert.equal(2, #groups[1].mentions)
    assert.equal(groups[1].id, groups[1].mentions[2].id)
  end)
end)

describe("doc:quotes and doc:speakers", function()
  local text = "“Diplomacy is the only way,” Kuleba said. " ..
               "“We are ready to talk,” Kuleba told reporters. " ..
               "Lavrov said: “The answer will come.”"
  local doc = annot.annotate(text)

  it("filter quotes by kind and speaker", function()
    assert.is_true(#support.collect(doc:quotes{kind = "direct"}) >= 3)
    assert.equal(0, #support.collect(doc:quotes{kind = "scare"}))
    local kq = support.collect(doc:quotes{speaker = "Kuleba"})
    assert.is_true(#kq >= 2)
    for _, q in ipairs(kq) do assert.equal(text:sub(q.first, q.last), q.text) end
  end)

  it("rejects an unknown quote filter", function()
    assert.has_error(function() doc:quotes{who = "x"} end, "quotes: option 'who': unknown")
  end)

  it("counts speakers, most quoted first", function()
    local sp = doc:speakers()
    assert.is_true(#sp >= 2)
    assert.matches("Kuleba", sp[1].speaker)
    assert.equal(2, sp[1].count)
    assert.equal(2, sp[1].kinds.direct)
    assert.equal(1, sp[1].cues.said)
    assert.equal(1, sp[1].cues.told)
  end)
end)

describe("doc:counts", function()
  it("counts every layer", function()
    local doc = annot.annotate(TEXT)
    local c = doc:counts()
    assert.equal(#doc, c.tokens)
    assert.equal(3, c.sentences)
    assert.equal(2, c.paragraphs)
    assert.equal(#support.collect(doc:entities()), c.entities)
    assert.equal(#support.collect(doc:quotes()), c.quotes)
  end)
end)

describe("doc:to_json", function()
  it("returns one JSON object", function()
    local doc = annot.annotate(TEXT)
    local obj = support.json.decode(doc:to_json())
    assert.equal(#TEXT, obj.text_bytes)
    assert.equal(#doc, #obj.tokens)
  end)

  it("validates its options", function()
    local doc = annot.annotate(TEXT)
    assert.has_error(function() doc:to_json{token = false} end,
                     "to_json: option 'token': unknown")
    assert.has_error(function() doc:to_json{tokens = 0} end,
                     "to_json: option 'tokens': a boolean expected")
  end)
end)

describe("doc:close", function()
  it("makes later use raise", function()
    local doc = annot.annotate(TEXT)
    doc:close()
    assert.has_error(function() doc:tokens() end, "doc is closed")
    assert.has_error(function() return #doc end, "doc is closed")
    assert.equal("annot.Doc (closed)", tostring(doc))
  end)

  it("names a wrong self", function()
    local doc = annot.annotate(TEXT)
    assert.has_error(function() doc.close("x") end,
                     "bad argument #1 to 'close' (annot.Doc expected, got string)")
  end)
end)
