-- spec/08-resolve_spec.lua: the resolve stage (csrc/resolve.c): mentions
-- of one entity share one canonical name and one id; different entities
-- get different ones.  Sentences written for this spec.

require "spec.support"
local annot = require "annot"

-- the mentions of 'text' whose text is 'name' (a list)
local function named(doc, name)
  local list = {}
  for m in doc:entities() do
    if m.text == name then list[#list + 1] = m end
  end
  return list
end

-- the one mention of 'name' (its first when there are several)
local function one(doc, name)
  local m = named(doc, name)[1]
  assert.is_not_nil(m, "no mention '" .. name .. "'")
  return m
end

describe("surnames", function()
  it("gives a surname the full name's canonical and id", function()
    local doc = annot.annotate("Polish Foreign Minister Zbigniew Rauch arrived on Monday. " ..
                               "Rauch said the talks were useful.")
    local full, short = one(doc, "Zbigniew Rauch"), one(doc, "Rauch")
    assert.equal("Zbigniew Rauch", short.canonical)
    assert.equal(full.id, short.id)
  end)

  it("links a surname that comes before the full name", function()
    local doc = annot.annotate("Kostrova said the shelter was full. " ..
                               "Nadia Kostrova has run it since 2015.")
    local short, full = one(doc, "Kostrova"), one(doc, "Nadia Kostrova")
    assert.equal(full.id, short.id)
    assert.equal("Nadia Kostrova", short.canonical)
  end)

  it("keeps two people with different surnames apart", function()
    local doc = annot.annotate("Olaf Scholz met Emmanuel Macron in Paris. Scholz spoke first, then Macron.")
    assert.are_not.equal(one(doc, "Scholz").id, one(doc, "Macron").id)
    assert.equal(one(doc, "Olaf Scholz").id, one(doc, "Scholz").id)
    assert.equal(one(doc, "Emmanuel Macron").id, one(doc, "Macron").id)
  end)
end)

describe("lexicon canonical names", function()
  it("gives spelling variants one canonical name", function()
    local doc = annot.annotate("Anthony Blinken flew to Kyiv. Antony Blinken then met Sergey Lavrov, " ..
                               "and Blinken later called Sergei Lavrov again.")
    local a, b, c = one(doc, "Anthony Blinken"), one(doc, "Antony Blinken"), one(doc, "Blinken")
    assert.equal(a.canonical, b.canonical)
    assert.equal(a.canonical, c.canonical)
    assert.equal(a.id, c.id)
    assert.equal(one(doc, "Sergey Lavrov").id, one(doc, "Sergei Lavrov").id)
  end)

  it("gives a plural nationality the singular adjective", function()
    local doc = annot.annotate("Russians and Ukrainians queued at the border, a Russian guard said.")
    assert.equal("Russian", one(doc, "Russians").canonical)
    assert.equal(one(doc, "Russian").id, one(doc, "Russians").id)
    assert.equal("Ukrainian", one(doc, "Ukrainians").canonical)
  end)

  it("resolves an ALL CAPS transcript label without case", function()
    local doc = annot.annotate("Secretary of State Antony Blinken took questions.\n\n" ..
                               "SECRETARY BLINKEN: Thank you all for coming.")
    assert.equal(one(doc, "Antony Blinken").id, one(doc, "BLINKEN").id)
    assert.equal(one(doc, "Antony Blinken").canonical, one(doc, "BLINKEN").canonical)
  end)

  it("resolves an ALL CAPS label of a name known only to the doc", function()
    local doc = annot.annotate("Ambassador Kelvar Drummond opened the session.\n\n" ..
                               "AMBASSADOR DRUMMOND: We begin with the agenda.")
    assert.equal(one(doc, "Kelvar Drummond").id, one(doc, "DRUMMOND").id)
    assert.equal("Kelvar Drummond", one(doc, "DRUMMOND").canonical)
  end)

  it("gives a place and its longer form one canonical name", function()
    local doc = annot.annotate("Officials in Washington, D.C., were cautious. Washington said little.")
    assert.equal(one(doc, "Washington, D.C.").canonical, one(doc, "Washington").canonical)
    assert.equal(one(doc, "Washington, D.C.").id, one(doc, "Washington").id)
  end)
end)

describe("names known only to the doc", function()
  it("gives an acronym the long form it stands for", function()
    local doc = annot.annotate("The Nordic Grain Export Council (NGEC) met in Oslo. " ..
                               "NGEC members agreed to ship more wheat.")
    local long = one(doc, "Nordic Grain Export Council")
    for _, m in ipairs(named(doc, "NGEC")) do
      assert.equal(long.id, m.id)
      assert.equal("Nordic Grain Export Council", m.canonical)
    end
    assert.equal(2, #named(doc, "NGEC"))
  end)

  it("names an unknown entity by its longest form", function()
    local doc = annot.annotate("Halvorsen said the ship had left. Reporters later reached " ..
                               "Captain Ingrid Halvorsen by phone, and Halvorsen confirmed it.")
    for _, m in ipairs(named(doc, "Halvorsen")) do
      assert.equal("Ingrid Halvorsen", m.canonical)
    end
  end)
end)

describe("entity groups", function()
  it("lists each entity once with all its mentions", function()
    local doc = annot.annotate("Olaf Scholz spoke in Berlin. Scholz said Berlin would help, " ..
                               "and Scholz repeated it on Friday.")
    local groups = doc:entity_groups()
    local scholz, berlin
    for _, g in ipairs(groups) do
      if g.canonical == "Olaf Scholz" then scholz = g end
      if g.type == "GPE" and g.canonical == "Berlin" then berlin = g end
    end
    assert.is_not_nil(scholz)
    assert.equal(3, #scholz.mentions)
    assert.equal("PERSON", scholz.type)
    assert.equal(2, #berlin.mentions)
    for _, m in ipairs(scholz.mentions) do assert.equal(scholz.id, m.id) end
  end)

  it("keeps no canonical name for numbers and dates", function()
    local doc = annot.annotate("On Friday, some 5,000 people marched. On Friday night it rained.")
    for m in doc:entities{type = {"DATE", "CARDINAL"}} do
      assert.is_nil(m.canonical)
    end
  end)

  it("gives pattern mentions their type and their text as canonical", function()
    local p = annot.pipeline{patterns = {{"OPERATION", [[Operation \p{Lu}\w+]]}}}
    local doc = p:annotate("Kyiv launched Operation Harvest on Monday. Operation Harvest ended soon.")
    local n = 0
    local id
    for m in doc:entities{type = "OPERATION"} do
      n = n + 1
      assert.equal("Operation Harvest", m.canonical)
      assert.equal("pattern", m.source)
      id = id or m.id
      assert.equal(id, m.id)
    end
    assert.equal(2, n)
  end)
end)

describe("bodies of a country", function()
  it("names each country's ministry apart and links a bare one to the nearest", function()
    local doc = annot.annotate("Ukraine's Foreign Ministry protested on Monday. " ..
                               "The Russian Foreign Ministry rejected the note. " ..
                               "Later the Foreign Ministry summoned the envoy.")
    local list = named(doc, "Foreign Ministry")
    assert.equal(3, #list)
    assert.not_equal(list[1].id, list[2].id)
    assert.not_equal(list[1].canonical, list[2].canonical)
    assert.truthy(list[1].canonical:find("Ukraine", 1, true))
    assert.truthy(list[2].canonical:find("Russian", 1, true))
    -- the bare mention is the nearest qualified one before it
    assert.equal(list[2].id, list[3].id)
    assert.equal(list[2].canonical, list[3].canonical)
  end)

  it("links a bare body before any qualified one to the first after it", function()
    local doc = annot.annotate("The Foreign Ministry spoke first. " ..
                               "Poland's Foreign Ministry then confirmed it.")
    local list = named(doc, "Foreign Ministry")
    assert.equal(2, #list)
    assert.equal(list[2].id, list[1].id)
  end)
end)

describe("given names in address", function()
  it("links a given name said to someone to the one person with it", function()
    local doc = annot.annotate("Spokesperson Ilse Varga opened the briefing.\n\n" ..
                               "QUESTION: Thanks, Ilse. On the sanctions?")
    local full, short = one(doc, "Ilse Varga"), one(doc, "Ilse")
    assert.equal(full.id, short.id)
    assert.equal("Ilse Varga", short.canonical)
  end)

  it("leaves it alone when two people share the given name", function()
    local doc = annot.annotate("Ilse Varga and Ilse Moreno spoke.\n\n" ..
                               "QUESTION: Thanks, Ilse. One more?")
    local short = one(doc, "Ilse")
    assert.not_equal(one(doc, "Ilse Varga").id, short.id)
    assert.not_equal(one(doc, "Ilse Moreno").id, short.id)
  end)
end)
