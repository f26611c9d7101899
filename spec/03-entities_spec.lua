-- spec/03-entities_spec.lua: the entity stage (csrc/entities.c): lexicon
-- names, spans, titles kept as roles, names the lexicon does not know and
-- the evidence that types them.  The rules are in doc/entities.md.  Every
-- sentence here is written for this spec (invented news prose).

require "spec.support"
local annot = require "annot"

-- the mentions of 'text' (default pipeline), as a list
local function mentions(text, filter)
  local doc = annot.annotate(text)
  local list = {}
  for m in doc:entities(filter) do list[#list + 1] = m end
  return list, doc
end

-- run one table of cases: each has 'text', 'want' (fields that some
-- mention must have) and 'none' (texts that must be no mention at all, or
-- {text, type} pairs that must not have that type)
local function check(case)
  local list = mentions(case.text)
  for _, w in ipairs(case.want or {}) do
    assert.has_span(list, w)
  end
  for _, n in ipairs(case.none or {}) do
    local text, ty = n, nil
    if type(n) == "table" then text, ty = n[1], n[2] end
    for _, m in ipairs(list) do
      assert.is_false(m.text == text and (ty == nil or m.type == ty),
                      "unexpected mention " .. tostring(m))
    end
  end
end

-- run a list of cases, one 'it' each
local function cases(list)
  for _, case in ipairs(list) do
    it(case.name, function() check(case) end)
  end
end

describe("lexicon names", function()
  cases{
    {name = "tags countries, cities and alliances",
     text = "Turkey offered to host talks between Ukraine and Russia in Istanbul, and NATO welcomed the idea.",
     want = {{text = "Turkey", type = "GPE"}, {text = "Ukraine", type = "GPE"},
             {text = "Russia", type = "GPE"}, {text = "Istanbul", type = "GPE"},
             {text = "NATO", type = "ORG"}}},
    {name = "leaves a leading article out",
     text = "Diplomats met at the Kremlin and later at the White House.",
     want = {{text = "Kremlin", type = "ORG"}, {text = "White House", type = "ORG"}},
     none = {"the Kremlin", "the White House"}},
    {name = "leaves a possessive clitic out",
     text = "Poland’s president and Hungary's prime minister disagreed.",
     want = {{text = "Poland", type = "GPE"}, {text = "Hungary", type = "GPE"}}},
    {name = "keeps the place type under metonymy",
     text = "Later that day Moscow denied the report and Kyiv called it a provocation.",
     want = {{text = "Moscow", type = "GPE"}, {text = "Kyiv", type = "GPE"}}},
    {name = "gives the lexicon's canonical name and source",
     text = "Officials in Kiev said the U.S. had sent more aid.",
     want = {{text = "Kiev", type = "GPE", canonical = "Kyiv", source = "lexicon"},
             {text = "U.S.", type = "GPE", canonical = "United States"}}},
    {name = "keeps lower-case direction words out of places",
     text = "Shelling continued in eastern Ukraine and southern Russia overnight.",
     want = {{text = "Ukraine", type = "GPE"}, {text = "Russia", type = "GPE"}},
     none = {"eastern Ukraine", "southern Russia"}},
    {name = "tags each part of a hyphen compound",
     text = "The pro-Russian militia fired U.S.-made rockets, a report said.",
     want = {{text = "Russian", type = "NORP"}, {text = "U.S.", type = "GPE"}},
     none = {"pro-Russian"}},
    {name = "keeps a descriptor after a name outside",
     text = "Russia annexed the Crimea peninsula eight years ago.",
     want = {{text = "Crimea", type = "LOC"}},
     none = {"Crimea peninsula"}},
  }
end)

describe("titles and roles", function()
  cases{
    {name = "keeps a capitalised title as the role",
     text = "Talks resumed after Chancellor Olaf Scholz arrived.",
     want = {{text = "Olaf Scholz", type = "PERSON", role = "Chancellor"}},
     none = {"Chancellor Olaf Scholz"}},
    {name = "puts an organisation before the title into the role, and tags it",
     text = "Kremlin spokesman Dmitry Peskov declined to comment on the talks.",
     want = {{text = "Dmitry Peskov", type = "PERSON", role = "Kremlin spokesman"},
             {text = "Kremlin", type = "ORG"}}},
    {name = "puts a nationality before the title into the role",
     text = "Polish Foreign Minister Zbigniew Rau arrived in Vienna on Thursday.",
     want = {{text = "Zbigniew Rau", type = "PERSON", role = "Polish Foreign Minister"},
             {text = "Polish", type = "NORP"}}},
    {name = "keeps a lower-case title as the role",
     text = "Meanwhile the Romanian energy minister Virgil Popescu visited the plant.",
     want = {{text = "Virgil Popescu", type = "PERSON", role = "Romanian energy minister"}}},
    {name = "does not tag a bare title",
     text = "The President thanked the Secretary of State for his work.",
     none = {"President", "Secretary of State", "Secretary"}},
    {name = "tags a transcript label with its title as role",
     text = "SECRETARY BLINKEN: Good afternoon, everyone.\n\nQUESTION: Mr. Secretary, is there a deal?\n\nMODERATOR: Last question.",
     want = {{text = "BLINKEN", type = "PERSON", role = "SECRETARY", canonical = "Antony Blinken"}},
     none = {"QUESTION", "MODERATOR", "Secretary"}},
    {name = "tags the leader in 'X administration'",
     text = "Critics said the Biden administration moved too slowly.",
     want = {{text = "Biden", type = "PERSON"}},
     none = {"Biden administration"}},
  }
end)

describe("names the lexicon does not know", function()
  cases{
    {name = "types a name after a title as a person",
     text = "The talks were chaired by Ambassador Kelvar Drummond in Vienna.",
     want = {{text = "Kelvar Drummond", type = "PERSON", role = "Ambassador", source = "rule"}}},
    {name = "types a name that starts with a given name as a person",
     text = "The report was written by Tomasz Wrobelski and edited in Warsaw.",
     want = {{text = "Tomasz Wrobelski", type = "PERSON", source = "rule"}}},
    {name = "types a name before a speech verb as a person",
     text = "Asked about the convoy, Halvorsen-Brandt said it had been delayed.",
     want = {{text = "Halvorsen-Brandt", type = "PERSON"}}},
    {name = "types a surname seen after a full name as a person",
     text = "Nadia Kostenko runs a shelter near the border. Kostenko has housed 40 families since March.",
     want = {{text = "Nadia Kostenko", type = "PERSON"}, {text = "Kostenko", type = "PERSON"}}},
    {name = "types an unknown leader in 'X administration' as a person",
     text = "Critics said the Moravec administration moved too slowly.",
     want = {{text = "Moravec", type = "PERSON", source = "rule"}}},
    {name = "does not take one unknown word before 'said' for a person",
     text = "Separately, Volgatrans said the route had reopened.",
     none = {"Volgatrans"}},
    {name = "types an unknown name after 'in' as a place",
     text = "The convoy was stopped in Zarvanytsia late on Monday.",
     want = {{text = "Zarvanytsia", type = "GPE"}}},
    {name = "leaves an unknown capitalised word with no evidence out",
     text = "The Grovanek plan was rejected by both sides.",
     none = {"Grovanek", "Grovanek plan"}},
    {name = "does not take a capitalised sentence opener for a name",
     text = "Officials in Brussels said talks would continue. Sanctions remain in place.",
     want = {{text = "Brussels", type = "GPE"}},
     none = {"Officials", "Sanctions"}},
    {name = "keeps a lower-case name particle inside a person's name",
     text = "The fund's mission chief, Joost van Hettema, said reforms were late.",
     want = {{text = "Joost van Hettema", type = "PERSON", source = "rule"}},
     none = {"Joost", "Hettema"}},
    {name = "keeps a hyphenated Arabic particle inside a name after a title",
     text = "Colonel Hamid Saleh al-Tamimi, who commands the brigade, denied it.",
     want = {{text = "Hamid Saleh al-Tamimi", type = "PERSON", role = "Colonel"}}},
    {name = "does not join two names across a particle before a known name",
     text = "Protesters marched from Banco Lusitano de Portugal on Friday.",
     want = {{text = "Portugal", type = "GPE"}},
     none = {"Banco Lusitano de Portugal", "Banco Lusitano de"}},
    {name = "leaves an article out of a name after a dateline dash",
     text = "TALLINN, May 2 (Reuters) — The Baltic Grain Council met on Tuesday.",
     want = {{text = "Baltic Grain Council", type = "ORG"}},
     none = {"The Baltic Grain Council"}},
    {name = "reads a headline in Title Case without guessing",
     text = "Allies Weigh Tougher Sanctions Against Moscow\n\nThe allies met on Friday.",
     want = {{text = "Moscow", type = "GPE"}},
     none = {"Allies", "Allies Weigh Tougher Sanctions", "Weigh", "Tougher Sanctions"}},
  }
end)

describe("names built on a head word", function()
  cases{
    {name = "joins 'Ministry of ...' into one organisation",
     text = "A statement from the Ministry of Digital Transformation said the outage was over.",
     want = {{text = "Ministry of Digital Transformation", type = "ORG"}}},
    {name = "keeps a place inside a name built on a head word",
     text = "Students at the Kharkiv Polytechnic Institute returned to class.",
     want = {{text = "Kharkiv Polytechnic Institute", type = "ORG"}},
     none = {{"Kharkiv", "GPE"}}},
    {name = "makes 'U.S. Embassy' one organisation",
     text = "The U.S. Embassy in Kyiv urged Americans to leave.",
     want = {{text = "U.S. Embassy", type = "ORG"}, {text = "Kyiv", type = "GPE"}},
     none = {"U.S."}},
    {name = "splits a place from a complete name after it",
     text = "The U.S. State Department raised its travel warning.",
     want = {{text = "U.S.", type = "GPE"}, {text = "State Department", type = "ORG"}},
     none = {"U.S. State Department"}},
    {name = "keeps a name with a place in it whole",
     text = "Envoys met at the NATO-Russia Council in Brussels.",
     want = {{text = "NATO-Russia Council", type = "ORG"}},
     none = {"NATO", "Russia"}},
    {name = "tags an acronym the text defines, and its later uses",
     text = "The Nordic Grain Export Council (NGEC) met in Oslo. NGEC members agreed to ship more wheat.",
     want = {{text = "Nordic Grain Export Council", type = "ORG"},
             {text = "NGEC", type = "ORG", first = 34}, {text = "NGEC", type = "ORG", first = 53}}},
    {name = "does not take a bare head word for a name",
     text = "He told the Council that the Ministry would answer.",
     none = {"Council", "Ministry"}},
    {name = "makes a place head word before a name one place",
     text = "Talks moved to a villa on Lake Geneva and later to the Gulf of Finland.",
     want = {{text = "Lake Geneva", type = "LOC"}, {text = "Gulf of Finland", type = "LOC"}},
     none = {"Geneva", "Finland"}},
    {name = "does not end a name at a head word followed by another word",
     text = "Weekly Press Briefing Notes\n\nThe minister spoke.",
     none = {"Weekly Press", "Press"}},
    {name = "tags 'the West' as a region after a colon too",
     text = "Analysis: The West bets on sanctions again.",
     want = {{text = "West", type = "LOC"}},
     none = {"The West"}},
    {name = "tags 'the West' as a region",
     text = "Moscow accuses the West of ignoring its security demands.",
     want = {{text = "West", type = "LOC"}}},
  }
end)

describe("mention layer", function()
  it("is sorted by start and never overlaps", function()
    local text = "On Tuesday, NATO Secretary General Jens Stoltenberg said the alliance " ..
                 "had put 40,000 troops on alert in Eastern Europe, and U.S. President " ..
                 "Joe Biden spoke with Ukrainian President Volodymyr Zelenskyy for 30 minutes."
    local list = mentions(text)
    assert.is_true(#list >= 8)
    for i = 2, #list do
      assert.is_true(list[i].first > list[i - 1].last, tostring(list[i]))
    end
    assert.spans_slice(text, list)
  end)

  it("keeps roles as byte spans of the text", function()
    local text = "NATO Secretary General Jens Stoltenberg spoke first."
    local list = mentions(text, {type = "PERSON"})
    assert.equal(1, #list)
    assert.equal("NATO Secretary General", list[1].role)
    assert.equal(list[1].role, text:sub(list[1].role_first, list[1].role_last))
  end)

  it("filters by type", function()
    local list = mentions("Lavrov met Blinken in Geneva on Friday.", {type = "GPE"})
    assert.equal(1, #list)
    assert.equal("Geneva", list[1].text)
  end)

  it("survives text that is not prose", function()
    local texts = {"", "\0\0\0", "\xff\xfe Kyiv \xc3", ("Moscow "):rep(5000),
                   "A.B.C.D.E.F. G H I J K L M N O P Q R S T U V W X Y Z",
                   ("(((("):rep(100), "$ % 1 - - 2 , , 3 : a.m. p.m."}
    for _, t in ipairs(texts) do
      local doc = annot.annotate(t)
      local n = 0
      for m in doc:entities() do
        n = n + 1
        assert.equal(t:sub(m.first, m.last), m.text)
      end
      assert.is_true(n >= 0)
    end
  end)
end)

describe("unseen-news rules (round two)", function()
  cases{
    {name = "tags a lone given name said to someone after thanks",
     text = "MS. ORTEGA: Thanks, Yusuf. Next question?",
     want = {{text = "Yusuf", type = "PERSON"}}},
    {name = "tags a given name opening a turn before a comma",
     text = "MODERATOR: Priya, go ahead.\n\nQUESTION: Dmitri, one more on the grain deal.",
     want = {{text = "Priya", type = "PERSON"}, {text = "Dmitri", type = "PERSON"}}},
    {name = "leaves a given name the doc also writes in lower case",
     text = "Will, the analysts say, matters. They will see.",
     none = {"Will"}},
    {name = "gives a label's lone surname the lexicon's only person by that name",
     text = "MR. PRICE: Good afternoon.\n\nQUESTION: On the talks?",
     want = {{text = "PRICE", type = "PERSON", role = "MR.", canonical = "Ned Price"}}},
    {name = "prefers the doc's own full name for a label's surname",
     text = "Moderated by Clara Price.\n\nMS. PRICE: Welcome, all.",
     want = {{text = "PRICE", type = "PERSON", canonical = "Clara Price"}}},
    {name = "lets a lexicon name that starts with a figure win over the ordinal",
     text = "Troops of the 82nd Airborne landed in Poland.",
     want = {{text = "82nd Airborne", type = "ORG"}},
     none = {{"82nd", "ORDINAL"}}},
    {name = "tags the agency of a dateline",
     text = "OSLO (Nordwire) — Ministers met on Friday.",
     want = {{text = "Nordwire", type = "ORG"}}},
    {name = "tags the one told as an organisation",
     text = "A spokeswoman told Baltpress the decision was final.",
     want = {{text = "Baltpress", type = "ORG"}}},
    {name = "keeps a surname the doc knows as a person after told",
     text = "Marek Vonnegut spoke first. The envoy told Vonnegut he disagreed.",
     want = {{text = "Vonnegut", type = "PERSON"}},
     none = {{"Vonnegut", "ORG"}}},
    {name = "tags an unknown acronym in running text as an organisation",
     text = "Shares of ZKB and the lender ING fell on Tuesday.",
     want = {{text = "ZKB", type = "ORG"}, {text = "ING", type = "ORG"}}},
    {name = "leaves acronyms of things and all-caps headlines alone",
     text = "GDP fell as COVID returned and HIMARS arrived.\n\nMINISTERS MEET OVER GRAIN\n\nThe talks went on.",
     none = {"GDP", "COVID", "HIMARS", "MINISTERS", "GRAIN"}},
    {name = "tags a name ending in a company word as an organisation",
     text = "The contract went to Varnholt Logistics and Ostra Holdings.",
     want = {{text = "Varnholt Logistics", type = "ORG"}, {text = "Ostra Holdings", type = "ORG"}}},
    {name = "knows camel-case platforms",
     text = "She posted the video on LinkedIn and WhatsApp.",
     want = {{text = "LinkedIn", type = "ORG"}, {text = "WhatsApp", type = "ORG"}}},
    {name = "makes a forum 'for' a cause an organisation",
     text = "Delegates of the Tallinn Forum for Democracy met.",
     want = {{text = "Tallinn Forum for Democracy", type = "ORG"}}},
    {name = "tags bases and ships as facilities, whole",
     text = "Jets left RAF Marham and Naval Station Rota, and HMS Kestrel and USS Halvorsen sailed from Camp Voss.",
     want = {{text = "RAF Marham", type = "FAC"}, {text = "Naval Station Rota", type = "FAC"},
             {text = "HMS Kestrel", type = "FAC"}, {text = "USS Halvorsen", type = "FAC"},
             {text = "Camp Voss", type = "FAC"}},
     none = {{"RAF", "ORG"}}},
    {name = "keeps a lexicon place that starts like a base",
     text = "The delegation flew to Fort Worth on Monday.",
     want = {{text = "Fort Worth", type = "GPE"}}},
  }
end)
