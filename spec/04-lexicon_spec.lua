-- spec/04-lexicon_spec.lua: the gazetteer (csrc/lexicon.c) through the Lua
-- API: TSV files and inline entries, their errors, and what the entity
-- stage makes of them (longest match, the case rule, user before
-- default).  The matching itself is tested in C (spec/c/test_lexicon.c).

require "spec.support"
local annot = require "annot"

-- write 'text' to a fresh temporary file; returns its path
local function temp_tsv(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  return path
end

-- the entities of 'text' under pipeline 'p', as "TYPE:text" strings
local function entities(p, text)
  local out = {}
  for e in p:annotate(text):entities() do
    out[#out + 1] = e.type .. ":" .. e.text
  end
  return out
end

-- the first entity of 'text' under 'p' whose text is 'word', or nil
local function entity_named(p, text, word)
  for e in p:annotate(text):entities() do
    if e.text == word then return e end
  end
  return nil
end

describe("lexicons option", function()
  it("loads a TSV file: comments, blank lines, CRLF, optional columns",
     function()
    local path = temp_tsv("# people\r\n\r\nDmytro Kuleba\tPERSON\tDmytro Kuleba\r\n" ..
                          "Allies Resolve\tEVENT\r\n")
    local p = annot.pipeline{default_lexicon = false, lexicons = {path}}
    os.remove(path)
    local e = entity_named(p, "Dmytro Kuleba flew to Brussels on Tuesday.",
                           "Dmytro Kuleba")
    assert.is_not_nil(e)
    assert.equal("PERSON", e.type)
    assert.equal("Dmytro Kuleba", e.canonical)
    e = entity_named(p, "The drills, Allies Resolve, began.", "Allies Resolve")
    assert.is_not_nil(e)
    assert.equal("EVENT", e.type)
  end)

  local bad = {
    { name = "a line without a type",
      tsv = "# places\nKyiv\tGPE\tKyiv\n\nKharkiv\n",
      line = 4, msg = "no type for 'Kharkiv'" },
    { name = "a line without a surface",
      tsv = "Kyiv\tGPE\n\tGPE\tOdesa\n",
      line = 2, msg = "empty surface form" },
    { name = "a surface with no tokens",
      tsv = "Kyiv\tGPE\n   \t \n   \tGPE\n",
      line = 3, msg = "empty surface form" },
  }
  for _, c in ipairs(bad) do
    it("raises an error naming the file and the line: " .. c.name, function()
      local path = temp_tsv(c.tsv)
      local ok, msg = pcall(annot.pipeline,
                            {default_lexicon = false, lexicons = {path}})
      os.remove(path)
      assert.is_false(ok)
      assert.matches(path .. ":" .. c.line .. ": " .. c.msg, msg, 1, true)
      assert.matches("option 'lexicons'[1]", msg, 1, true)
    end)
  end

  it("raises an error naming a file it cannot read", function()
    local ok, msg = pcall(annot.pipeline, {lexicons = {"/no/such/names.tsv"}})
    assert.is_false(ok)
    assert.matches("/no/such/names.tsv", msg, 1, true)
  end)
end)

describe("entries option", function()
  it("adds inline entries, positional or named", function()
    local p = annot.pipeline{default_lexicon = false, entries = {
      {"Normandy Format", "EVENT", "Normandy Format"},
      {"Olena Zelenska", "PERSON", canonical = "Olena Zelenska"},
    }}
    local e = entity_named(p, "Talks in the Normandy Format resumed.",
                           "Normandy Format")
    assert.is_not_nil(e)
    assert.equal("EVENT", e.type)
    assert.equal("lexicon", e.source)
    e = entity_named(p, "Olena Zelenska addressed Congress.", "Olena Zelenska")
    assert.is_not_nil(e)
    assert.equal("Olena Zelenska", e.canonical)
  end)

  it("takes the longest entry that matches", function()
    local p = annot.pipeline{default_lexicon = false, entries = {
      {"Black Sea", "LOC"}, {"Black Sea Fleet", "ORG"},
    }}
    assert.same({"ORG:Black Sea Fleet"},
                entities(p, "Officials said the Black Sea Fleet sailed."))
    assert.same({"LOC:Black Sea"},
                entities(p, "Officials said the Black Sea froze."))
  end)

  it("matches a short all-caps entry only in capitals", function()
    local p = annot.pipeline{default_lexicon = false,
                             entries = {{"US", "GPE", "United States"}}}
    assert.is_not_nil(entity_named(p, "The US envoy arrived.", "US"))
    assert.is_nil(entity_named(p, "He told us nothing new.", "us"))
  end)

  it("matches a lower-case entry that starts with a common word in lower case",
     function()
    -- with the default lexicon too: no word is left out of the lookup
    local p = annot.pipeline{entries = {{"one belt one road", "EVENT"},
                                        {"the grain corridor", "EVENT"}}}
    local e = entity_named(p, "Critics of the grain corridor spoke first.",
                           "the grain corridor")
    assert.is_not_nil(e)
    assert.equal("EVENT", e.type)
    assert.is_not_nil(entity_named(p, "He praised one belt one road loudly.",
                                   "one belt one road"))
  end)

  it("prefers a user entry to a default one with the same surface",
     function()
    local text = "Fans of Kiev cheered on Sunday."
    local default = entity_named(annot.pipeline{}, text, "Kiev")
    assert.is_not_nil(default)
    assert.equal("GPE", default.type)
    local p = annot.pipeline{entries = {{"Kiev", "ORG", "Kiev Football Club"}}}
    local e = entity_named(p, text, "Kiev")
    assert.is_not_nil(e)
    assert.equal("ORG", e.type)
    assert.equal("Kiev Football Club", e.canonical)
  end)
end)

describe("default lexicon", function()
  it("is compiled in and maps variants to one canonical name", function()
    local doc = annot.annotate("Shells fell on Kyiv, which older reports " ..
                               "spell Kiev.")
    local canon = {}
    for e in doc:entities{type = "GPE"} do canon[e.text] = e.canonical end
    assert.equal("Kyiv", canon.Kyiv)
    assert.equal("Kyiv", canon.Kiev)
  end)
end)
