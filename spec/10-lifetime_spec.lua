-- spec/10-lifetime_spec.lua: who keeps whom alive.  Span objects keep
-- their doc, a doc keeps its text and its pipeline, '<close>' and
-- doc:close() free early, and a closed doc raises on use.

local support = require "spec.support"
local annot = require "annot"

-- text built at run time, so that no constant keeps it alive
local function fresh_text(n)
  local parts = {}
  for i = 1, n do
    parts[i] = ("Envoy %d arrived in Vienna. “Talks resume on Monday,” officials said."):format(i)
  end
  return table.concat(parts, "\n\n")
end

describe("views of a dropped doc", function()
  it("keep working after collectgarbage()", function()
    local sentences, quotes, mentions
    do
      local doc = annot.annotate(fresh_text(3))
      sentences = support.collect(doc:sentences())
      quotes = support.collect(doc:quotes())
      mentions = support.collect(doc:entities())
    end
    collectgarbage()
    collectgarbage()
    assert.is_true(#sentences >= 3)
    for _, s in ipairs(sentences) do assert.is_string(s.text) end
    assert.matches("^Envoy 1 arrived", sentences[1].text)
    for _, q in ipairs(quotes) do
      assert.is_string(q.content)
      if q.sentence then assert.is_string(q.sentence.text) end
    end
    for _, m in ipairs(mentions) do assert.is_string(m.type) end
  end)

  it("keep a speaker's mention working", function()
    local speaker
    do
      local q = support.collect(annot.annotate("“We want peace,” Kuleba said."):quotes())[1]
      speaker = q and q.speaker
    end
    collectgarbage()
    assert.is_not_nil(speaker)
    assert.equal("Kuleba", speaker.text)
    if speaker.mention then assert.equal("Kuleba", speaker.mention.text) end
  end)

  it("keep an iterator working", function()
    local iter
    do iter = annot.annotate(fresh_text(2)):tokens() end
    collectgarbage()
    local i, text = iter(nil, 0)
    assert.equal(1, i)
    assert.equal("Envoy", text)
  end)
end)

describe("a doc", function()
  it("keeps its text", function()
    local doc = annot.annotate(fresh_text(2))
    collectgarbage()
    assert.equal(fresh_text(2), doc.text)
    for _, text, first, last in doc:tokens() do
      assert.equal(text, doc.text:sub(first, last))
    end
  end)

  it("keeps its pipeline", function()
    local doc
    do
      local p = annot.pipeline{default_lexicon = false, patterns = {{"CODE", "KX-\\d+"}}}
      doc = p:annotate("Unit KX-3 moved.")
    end
    collectgarbage()
    collectgarbage()
    local m = support.collect(doc:entities())[1]
    assert.equal("CODE", m.type)
    assert.truthy(doc:to_json():find('"type":"CODE"', 1, true))
  end)

  it("outlives the pipeline that annotate_many used", function()
    local docs
    do
      local p = annot.pipeline{default_lexicon = false, patterns = {{"CODE", "KX-\\d+"}}}
      docs = p:annotate_many({"KX-1 went.", "KX-2 went."}, {threads = 2})
    end
    collectgarbage()
    assert.equal("KX-2", support.collect(docs[2]:entities())[1].text)
  end)
end)

describe("doc:close", function()
  it("is safe twice", function()
    local doc = annot.annotate("Kyiv")
    doc:close()
    doc:close()
    assert.equal("annot.Doc (closed)", tostring(doc))
  end)

  local uses = {
    {"tokens", function(d) return d:tokens() end},
    {"token", function(d) return d:token(1) end},
    {"sentences", function(d) return d:sentences() end},
    {"sentence", function(d) return d:sentence(1) end},
    {"paragraphs", function(d) return d:paragraphs() end},
    {"entities", function(d) return d:entities() end},
    {"quotes", function(d) return d:quotes() end},
    {"counts", function(d) return d:counts() end},
    {"to_json", function(d) return d:to_json() end},
    {"entity_groups", function(d) return d:entity_groups() end},
    {"speakers", function(d) return d:speakers() end},
    {"#doc", function(d) return #d end},
  }
  for _, use in ipairs(uses) do
    it("makes " .. use[1] .. " raise 'doc is closed'", function()
      local doc = annot.annotate("Kyiv said no. Moscow said yes.")
      doc:close()
      assert.has_error(function() use[2](doc) end, "doc is closed")
    end)
  end

  it("makes an open iterator raise", function()
    local doc = annot.annotate("Kyiv said no.")
    local iter, s, c = doc:tokens()
    doc:close()
    assert.has_error(function() iter(s, c) end, "doc is closed")
  end)

  it("makes its spans raise", function()
    local doc = annot.annotate("Kyiv said no. Moscow said yes.")
    local s = doc:sentence(1)
    assert.is_not_nil(s)
    doc:close()
    assert.has_error(function() return s.text end, "doc is closed")
  end)

  it("keeps the text readable", function()
    local doc = annot.annotate("Kyiv")
    doc:close()
    assert.equal("Kyiv", doc.text)
  end)
end)

describe("<close> variables", function()
  it("close the doc at the end of the block", function()
    local outer
    do
      local doc <close> = annot.annotate("Kyiv said no.")
      outer = doc
      assert.is_true(#doc > 0)
    end
    assert.has_error(function() outer:tokens() end, "doc is closed")
  end)

  it("close the doc when an error unwinds the block", function()
    local outer
    local ok = pcall(function()
      local doc <close> = annot.annotate("Kyiv said no.")
      outer = doc
      error("boom")
    end)
    assert.is_false(ok)
    assert.has_error(function() outer:counts() end, "doc is closed")
  end)

  it("free a pipeline early", function()
    local outer
    do
      local p <close> = annot.pipeline{default_lexicon = false}
      outer = p
    end
    assert.equal("annot.Pipeline (freed)", tostring(outer))
    assert.has_error(function() outer:annotate("x") end)
  end)
end)

describe("many docs", function()
  it("are collected without growing memory", function()
    local text = fresh_text(5)
    for _ = 1, 200 do annot.annotate(text) end
    collectgarbage()
    collectgarbage()
    local before = collectgarbage("count")
    for _ = 1, 2000 do
      local doc = annot.annotate(text)
      local _ = doc:to_json()
    end
    collectgarbage()
    collectgarbage()
    assert.is_true(collectgarbage("count") < before + 512)
  end)
end)
