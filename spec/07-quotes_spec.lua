-- spec/07-quotes_spec.lua: quote spans, kinds, speakers and cues
-- (doc/quotes.md), through doc:quotes().  Every passage is invented news
-- prose about the 2022 crisis and its diplomacy.

local annot = require "annot"
-- the shared quote harness: quotes_of, find, dump, check, run_cases
local quotes = require "spec.support.quotes"
local quotes_of, find, dump = quotes.of, quotes.find, quotes.dump
local check, run_cases = quotes.check, quotes.runner(it)

describe("quotation marks", function()
  run_cases{
    {"curly double marks",
     "“We will not trade land for peace,” Dmytro Kuleba said on Friday.",
     {{text = "“We will not trade land for peace,”", kind = "direct",
       canonical = "Dmytro Kuleba", cue = "said"}}},
    {"straight double marks",
     "\"The door to dialogue is open,\" Jens Stoltenberg told reporters.",
     {{text = "\"The door to dialogue is open,\"", kind = "direct",
       canonical = "Jens Stoltenberg", cue = "told"}}},
    {"curly single marks",
     "‘We are ready for every scenario,’ the general said.",
     {{text = "‘We are ready for every scenario,’", kind = "direct",
       speaker = "the general"}}},
    {"straight single marks",
     "'There will be no retreat,' the commander said.",
     {{text = "'There will be no retreat,'", kind = "direct",
       speaker = "the commander", anonymous = true}}},
    {"guillemets",
     "« The sanctions will hurt Moscow », Dmitry Peskov said.",
     {{text = "« The sanctions will hurt Moscow »", kind = "direct",
       canonical = "Dmitry Peskov"}}},
    {"German low-high marks",
     "„The pipeline is a commercial project“, said Olaf Scholz.",
     {{text = "„The pipeline is a commercial project“", kind = "direct",
       canonical = "Olaf Scholz", cue = "said"}}},
    {"a quote inside a quote",
     "“They promised us ‘no expansion,’ and we believed them,” the envoy said.",
     {{text = "“They promised us ‘no expansion,’ and we believed them,”",
       kind = "direct", speaker = "the envoy", nested = false},
      {text = "‘no expansion,’", nested = true, kind = "scare"}}},
  }

  it("keeps a quote over several paragraphs whole", function()
    local text = "“We have never sought a war,” the ambassador said. " ..
                 "“But we cannot accept tanks on our border.\n\n" ..
                 "“Our partners understand this. The question is whether Moscow does.”"
    local list = quotes_of(text)
    local q = check(list, {text = "“But we cannot accept tanks on our border.\n\n" ..
                           "“Our partners understand this. The question is whether Moscow does.”",
                           kind = "direct", speaker = "the ambassador"})
    assert.is_false(q.unclosed)
    assert.equal("But we cannot accept tanks on our border.\n\n" ..
                 "“Our partners understand this. The question is whether Moscow does.",
                 q.content)
  end)

  it("ends an unclosed quote at its paragraph", function()
    local text = "The minister said the West had “no illusions about the Kremlin.\n\n" ..
                 "Talks resume in Vienna next week."
    local list = quotes_of(text)
    local q = check(list, {text = "“no illusions about the Kremlin.", kind = "partial",
                           unclosed = true})
    assert.equal(#"The minister said the West had “no illusions about the Kremlin.", q.last)
    assert.is_nil(find(list, "Talks resume in Vienna next week."))
  end)

  it("does not run a partial quote left open into the next paragraph", function()
    local text = "Moscow called the claims “absurd.\n\n“We are ready,” Peskov said."
    local list = quotes_of(text)
    check(list, {text = "“absurd.", unclosed = true})
    check(list, {text = "“We are ready,”", kind = "direct"})
  end)

  it("gives content without the marks and positions with them", function()
    local text = "Sergei Lavrov said: “We expect answers.”"
    local q = quotes_of(text)[1]
    assert.equal("“We expect answers.”", q.text)
    assert.equal("We expect answers.", q.content)
    assert.equal(q.text, text:sub(q.first, q.last))
  end)

  it("makes no quote of an empty pair of marks", function()
    assert.equal(0, #quotes_of("The sign read “” and nothing more."))
  end)
end)

describe("kinds", function()
  run_cases{
    {"a partial quote inside a reported clause",
     "Sergei Lavrov said the proposals were “a good start” but not enough.",
     {{text = "“a good start”", kind = "partial", canonical = "Sergei Lavrov",
       nested = true},
      {text = "the proposals were “a good start” but not enough", kind = "indirect"}}},
    {"a scare quote after a naming word",
     "The drills, dubbed “Northern Shield,” will last ten days.",
     {{text = "“Northern Shield,”", kind = "scare", speaker = false}}},
    {"a scare quote after so-called",
     "Critics mocked the so-called “peacekeeping” mission.",
     {{text = "“peacekeeping”", kind = "scare", speaker = false}}},
    {"a scare quote after a possessive",
     "Moscow rejects the alliance’s “open skies” doctrine outright.",
     {{text = "“open skies”", kind = "scare", speaker = false}}},
    {"a name in marks inside a sentence",
     "Troops arrived for exercises known as “Winter Guard” near the border.",
     {{text = "“Winter Guard”", kind = "scare", speaker = false}}},
    {"a short unattributed term",
     "The minister's remarks followed a 'productive' meeting in Riga.",
     {{text = "'productive'", kind = "scare", speaker = false}}},
    {"a sentence-opening quote is direct",
     "“Nobody in Europe wants this war,” the chancellor said.",
     {{text = "“Nobody in Europe wants this war,”", kind = "direct"}}},
  }
end)

describe("attribution sieves", function()
  run_cases{
    {"trailing: “…,” X said",
     "“Russia does not threaten anybody,” Dmitry Peskov told reporters in Moscow.",
     {{text = "“Russia does not threaten anybody,”", kind = "direct",
       speaker = "Dmitry Peskov", canonical = "Dmitry Peskov", cue = "told"}}},
    {"trailing inverted: “…,” said X",
     "“The alliance is united,” said Jens Stoltenberg.",
     {{text = "“The alliance is united,”", kind = "direct",
       canonical = "Jens Stoltenberg", cue = "said"}}},
    {"trailing with the title before the name",
     "“We stand with Kyiv,” Polish President Andrzej Duda said on Monday.",
     {{text = "“We stand with Kyiv,”", speaker = "Andrzej Duda",
       canonical = "Andrzej Duda"}}},
    {"leading: X said: “…”",
     "Antony Blinken said: “Diplomacy is the only responsible path.”",
     {{text = "“Diplomacy is the only responsible path.”", kind = "direct",
       canonical = "Antony Blinken", cue = "said"}}},
    {"leading: X said, “…”",
     "Olaf Scholz said, “Germany will not send troops.”",
     {{text = "“Germany will not send troops.”", kind = "direct",
       canonical = "Olaf Scholz"}}},
    {"continuation: “A,” he said. “B.”",
     "“We are not naive,” one European diplomat said. “But we are not afraid.”",
     {{text = "“We are not naive,”", speaker = "one European diplomat", anonymous = true},
      {text = "“But we are not afraid.”", kind = "direct",
       speaker = "one European diplomat", anonymous = true, cue = "said"}}},
    {"a quote-only paragraph continues the paragraph before",
     "Dmytro Kuleba said on Wednesday that Kyiv would not give up territory.\n\n" ..
     "“Nobody should doubt our resolve.”",
     {{text = "“Nobody should doubt our resolve.”", kind = "direct",
       canonical = "Dmytro Kuleba"}}},
    {"the neighbouring sentence names the speaker",
     "The convoy could reach the capital within days, said the defense official. " ..
     "“The speed of this movement worries us.”",
     {{text = "“The speed of this movement worries us.”", kind = "direct",
       speaker = "the defense official", anonymous = true}}},
    {"pronouns go to the person meant",
     "Jens Stoltenberg spoke after the meeting in Brussels.\n\n" ..
     "“The risk of a new war in Europe is real,” he said.",
     {{text = "“The risk of a new war in Europe is real,”", speaker = "he",
       canonical = "Jens Stoltenberg", anonymous = false}}},
    {"an unnamed source keeps its whole noun phrase",
     "“That is simply not on the table,” a senior European diplomat said.",
     {{text = "“That is simply not on the table,”",
       speaker = "a senior European diplomat", anonymous = true, canonical = false}}},
    {"an organisation speaks",
     "“The exercises are purely defensive,” the Kremlin said in a statement.",
     {{text = "“The exercises are purely defensive,”", speaker = "Kremlin",
       canonical = "Kremlin", anonymous = false}}},
    {"a title before a name is the person's",
     "“Moscow is ready to talk,” Kremlin spokesman Dmitry Peskov said.",
     {{text = "“Moscow is ready to talk,”", canonical = "Dmitry Peskov"}}},
    {"the title alone later names the same person",
     "Foreign Minister Sergei Lavrov arrived in Geneva on Thursday.\n\n" ..
     "“We expect concrete answers,” the minister said.",
     {{text = "“We expect concrete answers,”", speaker = "the minister",
       canonical = "Sergei Lavrov", anonymous = false}}},
    {"a name set off by commas after its title",
     "“We will respond,” Russia's deputy foreign minister, Sergei Ryabkov, said.",
     {{text = "“We will respond,”", canonical = "Sergei Ryabkov"}}},
    {"quoted X as saying",
     "A news agency quoted Dmitry Peskov as saying that the drills would end soon.",
     {{text = "the drills would end soon", kind = "indirect",
       canonical = "Dmitry Peskov", cue = "saying"}}},
    {"an inverted attribution to someone not named",
     "“We have lived with this since 2014,” said one shopkeeper.",
     {{text = "“We have lived with this since 2014,”", kind = "direct",
       speaker = "one shopkeeper", anonymous = true}}},
    {"the second half of a split quote is direct",
     "“It is a bluff,” a Western intelligence official said, “and a poor one.”",
     {{text = "“and a poor one.”", kind = "direct",
       speaker = "a Western intelligence official"}}},
    {"a trailing cue after 'and' belongs to someone else",
     "A Polish official described the decision as “late, but welcome,” and " ..
     "French diplomats said the move would help.",
     {{text = "“late, but welcome,”", kind = "partial", speaker = "A Polish official",
       cue = "described"}}},
    {"a source noun with its complement",
     "A spokesman for the Hungarian government said Budapest “cannot pay for this war.”",
     {{text = "“cannot pay for this war.”", kind = "partial",
       speaker = "A spokesman for the Hungarian government", anonymous = true}}},
    {"an organisation in a place",
     "The Russian Embassy in Washington said the report was “fiction.”",
     {{text = "“fiction.”", kind = "partial", canonical = "Russian Embassy"}}},
    {"a name in apposition is the subject of a later verb",
     "Russia's ambassador, Vassily Nebenzia, rejected the accusations and said " ..
     "Russian forces did not target civilians.",
     {{text = "Russian forces did not target civilians", kind = "indirect",
       speaker = "Vassily Nebenzia"}}},
    {"British style: single marks first",
     "A Downing Street spokesman said: ‘The prime minister has been clear.’ " ..
     "‘These are provocations,’ said Dmitry Peskov, the Kremlin spokesman.",
     {{text = "‘The prime minister has been clear.’", kind = "direct",
       speaker = "A Downing Street spokesman", anonymous = true},
      {text = "‘These are provocations,’", kind = "direct", canonical = "Dmitry Peskov"}}},
    {"a possessor opens a source's phrase",
     "Labour’s shadow foreign secretary said the government had been ‘too slow’ " ..
     "to act, adding: ‘The public deserves a clear plan.’",
     {{text = "the government had been ‘too slow’ to act", kind = "indirect",
       speaker = "Labour’s shadow foreign secretary"},
      {text = "‘The public deserves a clear plan.’", kind = "direct", cue = "adding"}}},
    {"a name the entity stage does not know, after an inverted cue",
     "‘Where would we go?’ asked Olena, 67, who would not give her surname.",
     {{text = "‘Where would we go?’", kind = "direct", speaker = "Olena", cue = "asked"}}},
    {"tweets: direct, cue wrote",
     "Andrzej Duda wrote on Twitter: “Solidarity with Ukraine is not negotiable.”",
     {{text = "“Solidarity with Ukraine is not negotiable.”", kind = "direct",
       canonical = "Andrzej Duda", cue = "wrote"}}},
  }
end)

describe("colon blocks", function()
  run_cases{
    {"a speaker line, then a marked paragraph",
     "Foreign Minister Sergei Lavrov:\n\n“We expect concrete answers to our proposals.”",
     {{text = "“We expect concrete answers to our proposals.”", kind = "direct",
       canonical = "Sergei Lavrov", cue = ":"}}},
    {"a speech clause, then an unmarked paragraph",
     "The alliance's top civilian official said:\n\n" ..
     "We will defend every inch of allied territory.",
     {{text = "We will defend every inch of allied territory.", kind = "direct",
       speaker = "The alliance's top civilian official", cue = ":"}}},
    {"a reported clause ending in a colon, then a marked paragraph",
     "Dmitry Peskov said Moscow would answer in writing:\n\n" ..
     "“We will study the proposals carefully and respond.”",
     {{text = "“We will study the proposals carefully and respond.”", kind = "direct",
       canonical = "Dmitry Peskov", cue = ":"},
      {text = "Moscow would answer in writing", kind = "indirect"}}},
    {"X said: and the rest of the paragraph",
     "The Pentagon said in a statement: The deployment is temporary.",
     {{text = "The deployment is temporary.", kind = "direct", canonical = "Pentagon",
       cue = "said"}}},
    {"a parenthetical cue before a colon introduces nothing",
     "The list of demands, he said, was short: ceasefire, corridors, withdrawal.",
     {}, absent = {"ceasefire, corridors, withdrawal."}},
    {"a heading colon introduces nothing",
     "Ukraine crisis: what we know so far\n\nTroops massed near the border.",
     {}, count = 0},
    {"a list colon introduces nothing",
     "The demands include: no new members, no missiles, no drills.",
     {}, count = 0},
    {"a clause with content of its own introduces no unmarked paragraph",
     "Lavrov told reporters that Moscow would study the offer:\n\n" ..
     "But the talks ended without a date for the next round.",
     {{text = "Moscow would study the offer", kind = "indirect"}},
     absent = {"But the talks ended without a date for the next round."}},
  }
end)

describe("transcripts", function()
  local text = "Remarks to the press in Brussels.\n\n" ..
    "SECRETARY BLINKEN: Thank you. We had a frank exchange, and I told the minister " ..
    "that the door to diplomacy remains open.\n\n" ..
    "QUESTION: Did you discuss sanctions?\n\n" ..
    "SECRETARY BLINKEN: (Via interpreter) We did. Any further aggression would be met " ..
    "with a swift response.\n\n" ..
    "MODERATOR: Thank you, that is all the time we have."

  it("makes each turn one direct quote after its label", function()
    local list = quotes_of(text, {kind = "direct"})
    assert.equal(4, #list, dump(list))
    local q = check(list, {text = "Thank you. We had a frank exchange, and I told the " ..
                           "minister that the door to diplomacy remains open.",
                           kind = "direct", canonical = "Antony Blinken", cue = ":",
                           turn = true})
    assert.equal("BLINKEN", q.speaker.text)
  end)

  it("starts a turn after a stage direction", function()
    check(quotes_of(text), {text = "We did. Any further aggression would be met with " ..
                            "a swift response.", kind = "direct", turn = true,
                            canonical = "Antony Blinken"})
  end)

  it("gives generic labels an unnamed speaker", function()
    check(quotes_of(text), {text = "Did you discuss sanctions?", kind = "direct",
                            speaker = "QUESTION", anonymous = true, turn = true})
    check(quotes_of(text), {text = "Thank you, that is all the time we have.",
                            speaker = "MODERATOR", anonymous = true})
  end)

  it("reports speech inside a turn, with I as the turn's speaker", function()
    check(quotes_of(text), {text = "the door to diplomacy remains open", kind = "indirect",
                            speaker = "I", canonical = "Antony Blinken", cue = "told",
                            nested = true})
  end)

  it("ends a turn before a closing stage direction", function()
    local tr = "MR. PRICE: Good afternoon.\n\nQUESTION: Any news?\n\n" ..
               "MR. PRICE: Not yet. Thank you all.\n\n(The briefing ended at 3:12 p.m.)"
    local list = quotes_of(tr)
    check(list, {text = "Not yet. Thank you all.", kind = "direct", turn = true})
  end)

  it("needs two labels", function()
    local list = quotes_of("UPDATE: The meeting has been moved to Friday.")
    assert.equal(0, #list, dump(list))
  end)
end)

describe("indirect speech", function()
  run_cases{
    {"told reporters that ...",
     "Sergei Lavrov told reporters on Tuesday that Moscow would welcome new talks.",
     {{text = "Moscow would welcome new talks", kind = "indirect",
       canonical = "Sergei Lavrov", cue = "told"}}},
    {"said without that",
     "Jens Stoltenberg said the alliance was ready for dialogue.",
     {{text = "the alliance was ready for dialogue", kind = "indirect", cue = "said"}}},
    {"a noun phrase for a claim",
     "Russia has denied the allegations.",
     {{text = "the allegations", kind = "indirect", canonical = "Russia", cue = "denied"}}},
    {"accuse X of Y",
     "Kyiv accused Moscow of stalling the talks.",
     {{text = "Moscow of stalling the talks", kind = "indirect", cue = "accused"}}},
    {"urge X to Y",
     "Washington urged Russia to pull back its forces.",
     {{text = "Russia to pull back its forces", kind = "indirect", cue = "urged"}}},
    {"according to, after the clause",
     "The convoy was stopped at the border, according to local officials.",
     {{text = "The convoy was stopped at the border", kind = "indirect",
       speaker = "local officials", anonymous = true, cue = "according to"}}},
    {"according to, before the clause",
     "According to the Kremlin, the talks will continue next month.",
     {{text = "the talks will continue next month", kind = "indirect",
       canonical = "Kremlin", cue = "According to"}}},
    {"a trailing attribution reports the clause before it",
     "The next round of talks will take place in Vienna, the ministry said.",
     {{text = "The next round of talks will take place in Vienna", kind = "indirect",
       cue = "said"}}},
    {"an apposition between subject and verb",
     "Olaf Scholz, the German chancellor, said Berlin would coordinate with its allies.",
     {{text = "Berlin would coordinate with its allies", canonical = "Olaf Scholz"}}},
    {"a relative clause between subject and verb",
     "Officials who attended the closed session said the mood was tense.",
     {{text = "the mood was tense", kind = "indirect", speaker = "Officials",
       anonymous = true}}},
    {"a clause ends at ', but'",
     "Diplomats said the talks were useful, but they gave no details.",
     {{text = "the talks were useful", kind = "indirect"}}},
    {"an addressee without a clause reports nothing",
     "“We are ready,” Gabrielius Landsbergis told journalists as he arrived.",
     {{text = "“We are ready,”", kind = "direct", cue = "told"}},
     absent = {"as he arrived"}},
    {"a speech noun with its source and its clause",
     "The talks stalled amid statements from Moscow that its demands were not negotiable.",
     {{text = "its demands were not negotiable", kind = "indirect", canonical = "Moscow",
       cue = "statements"}}},
    {"a verb form read as a noun after a possessive",
     "Kyiv rejected Russia's claims that Ukrainian troops had shelled the village.",
     {{text = "Ukrainian troops had shelled the village", kind = "indirect",
       canonical = "Russia", cue = "claims"}}},
    {"a speech noun without a clause attributes nothing",
     "The minister's remarks followed a 'productive' meeting in Riga.",
     {{text = "'productive'", kind = "scare", speaker = false}}},
    {"a trailing attribution followed by an adverbial",
     "Lavrov will meet Blinken on Friday, officials said Tuesday, after weeks of " ..
     "tense exchanges.",
     {{text = "Lavrov will meet Blinken on Friday", kind = "indirect",
       speaker = "officials", anonymous = true}}},
    {"a speech noun's clause ends where the sentence's verb comes back",
     "Assurances from Moscow that its troops would withdraw, repeated for weeks, " ..
     "have done little to calm Kyiv.",
     {{text = "its troops would withdraw, repeated for weeks", kind = "indirect",
       canonical = "Moscow", cue = "Assurances"}}},
    {"speech reported inside a quote, 'we' being the quote's speaker",
     "“We have told Moscow that we will respond to any attack,” Jens Stoltenberg said.",
     {{text = "“We have told Moscow that we will respond to any attack,”", kind = "direct",
       canonical = "Jens Stoltenberg"},
      {text = "we will respond to any attack", kind = "indirect", speaker = "We",
       canonical = "Jens Stoltenberg", cue = "told", nested = true}}},
    {"a clause of its own after the cue: nothing before it is reported",
     "Asked where she would go, the spokeswoman said she did not know.",
     {{text = "she did not know", kind = "indirect"}},
     absent = {"Asked where she would go"}},
    {"a relative clause around the cue is not a trailing attribution",
     "Others went to metro stations, which the mayor, Vitali Klitschko, said " ..
     "would stay open all night.",
     {}, absent = {"Others went to metro stations"}},
    {"a source with words after its noun",
     "A source familiar with the matter said the deal could be signed next week.",
     {{text = "the deal could be signed next week", kind = "indirect",
       speaker = "A source familiar with the matter", anonymous = true}}},
    {"a trailing attribution with a participle after it",
     "The troops will stay until the threat passes, the officials said, speaking " ..
     "on condition of anonymity.",
     {{text = "The troops will stay until the threat passes", kind = "indirect",
       speaker = "the officials"}}},
    {"a person's office speaks, and 'it' is that office",
     "Zelenskyy's office said it had received no new proposals. It added that " ..
     "talks could resume soon.",
     {{text = "it had received no new proposals", speaker = "Zelenskyy's office",
       canonical = "Volodymyr Zelenskyy"},
      {text = "talks could resume soon", speaker = "It",
       canonical = "Volodymyr Zelenskyy"}}},
    {"two verbs sharing a subject",
     "Moscow has denied that it plans an attack but has said its security must be guaranteed.",
     {{text = "it plans an attack", kind = "indirect", canonical = "Moscow", cue = "denied"},
      {text = "its security must be guaranteed", kind = "indirect", canonical = "Moscow",
       cue = "said"}}},
    {"a reported clause with a partial quote inside",
     "Antony Blinken said Russia faced “massive consequences” if it invaded.",
     {{text = "Russia faced “massive consequences” if it invaded", kind = "indirect"},
      {text = "“massive consequences”", kind = "partial", canonical = "Antony Blinken"}}},
  }

  run_cases{
    {"not future speech", "Antony Blinken will urge allies to stay united.", {}, count = 0},
    {"not negated speech", "Lavrov declined to say when the troops would leave.", {},
     count = 0},
    {"not speech without content", "As the minister said in Brussels, nothing is agreed.",
     {}, count = 0},
    {"not cognition", "Stoltenberg believes the alliance is stronger than ever.", {},
     count = 0},
    {"not a bare announcement of an action",
     "The European Union announced new sanctions on Monday.", {}, count = 0},
  }
end)

describe("wire copy and crowded paragraphs", function()
  it("reads a wire story", function()
    local text = "MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov said on Monday that " ..
      "Russia posed no threat to anyone. \"Russia does not threaten anybody,\" Peskov " ..
      "told reporters. \"We have said this many times.\""
    local list = quotes_of(text)
    check(list, {text = "Russia posed no threat to anyone", kind = "indirect",
                 canonical = "Dmitry Peskov"})
    check(list, {text = "\"Russia does not threaten anybody,\"", kind = "direct",
                 canonical = "Dmitry Peskov", cue = "told"})
    check(list, {text = "\"We have said this many times.\"", kind = "direct",
                 canonical = "Dmitry Peskov"})
  end)

  it("attributes several quotes in one paragraph to their own speakers", function()
    local text = "“We want peace,” Volodymyr Zelenskyy said. “We are ready,” " ..
      "Dmitry Peskov said in reply."
    local list = quotes_of(text)
    check(list, {text = "“We want peace,”", canonical = "Volodymyr Zelenskyy"})
    check(list, {text = "“We are ready,”", canonical = "Dmitry Peskov"})
  end)

  it("filters by kind and by speaker", function()
    local text = "“We want peace,” Volodymyr Zelenskyy said. Russia has denied the charge."
    local doc = annot.annotate(text)
    local n = 0
    for q in doc:quotes{kind = "indirect"} do
      n = n + 1
      assert.equal("indirect", q.kind)
    end
    assert.equal(1, n)
    n = 0
    for q in doc:quotes{speaker = "Volodymyr Zelenskyy"} do
      n = n + 1
      assert.equal("“We want peace,”", q.text)
    end
    assert.equal(1, n)
  end)
end)

describe("unbalanced and odd input", function()
  -- every quote's positions lie in the text and slice to its text
  local function sane(text)
    local doc = annot.annotate(text)
    local list = {}
    for q in doc:quotes() do
      assert.is_true(q.first >= 1 and q.last <= #text and q.first <= q.last + 1)
      assert.equal(q.text, text:sub(q.first, q.last))
      if q.speaker then
        assert.equal(q.speaker.text, text:sub(q.speaker.first, q.speaker.last))
      end
      if q.cue then assert.equal(q.cue.text, text:sub(q.cue.first, q.cue.last)) end
      list[#list + 1] = q
    end
    return list
  end

  run_cases{
    {"a stray closing mark", "The talks ended.” Nobody spoke.", {}, count = 0},
  }

  it("survives marks that never pair", function()
    sane("“ “ “ ” ‘ « „ \" ' ” ’ » “")
    sane(string.rep("“Quote ", 50) .. "\n\n" .. string.rep("end” ", 50))
    sane("\"\"\"\"\" said Lavrov \"\" \"")
  end)

  it("survives NUL bytes, invalid UTF-8 and empty text", function()
    sane("")
    sane("“We\0 are ready,” he said.\0")
    sane("“\255\254 bad bytes,” Lavrov said. \226\128")
    sane(":::: said: \n\n:")
  end)

  it("never lets an unclosed mark swallow the document", function()
    local text = "Lavrov said “this will not stand.\n\n" ..
                 string.rep("A quiet paragraph about the weather in Geneva.\n\n", 20)
    for _, q in ipairs(sane(text)) do
      assert.is_true(q.last <= #"Lavrov said “this will not stand.", q.text)
    end
  end)

  it("handles a long text with many quotes", function()
    local para = "“We will respond,” the spokesman said. Russia has denied the claims. " ..
                 "Talks continue, according to diplomats.\n\n"
    local list = sane(string.rep(para, 2000))
    assert.equal(2000 * 3, #list)
  end)
end)
