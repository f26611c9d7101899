-- 13-analysis_spec.lua: annot.corpus, annot.analysis and annot.tabular.
--
-- Most cases run on hand-annotated stand-in docs (spec/fake_doc.lua), so
-- that they test the toolkit's counting exactly; the last block runs the
-- real annotator and checks what must hold whatever it finds.

package.path = "./spec/?.lua;" .. package.path
local fake = require "fake_doc"
local analysis = require "annot.analysis"
local tabular = require "annot.tabular"
local corpus = require "annot.corpus"

-- two short invented news items, annotated by hand
local TEXT_A = "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov "
  .. "in Geneva on Friday. “We are not going to give up on diplomacy,” Blinken said. "
  .. "Lavrov told reporters that NATO must not expand further east.\n\n"
  .. "On Friday, the Kremlin said Ukraine was not threatened. Blinken will travel to Kyiv next week."

local function doc_a()
  return fake.doc(TEXT_A, {
    entities = {
      { "Antony Blinken", "PERSON", canonical = "Antony Blinken", role = "Secretary of State" },
      { "Russian", "NORP", canonical = "Russian" },
      { "Sergei Lavrov", "PERSON", canonical = "Sergei Lavrov" },
      { "Geneva", "GPE", canonical = "Geneva" },
      { "Friday", "DATE" },
      { "Blinken", "PERSON", canonical = "Antony Blinken", nth = 2 },
      { "Lavrov", "PERSON", canonical = "Sergei Lavrov", nth = 2 },
      { "NATO", "ORG", canonical = "NATO" },
      { "Friday", "DATE", nth = 2 },
      { "Kremlin", "ORG", canonical = "Kremlin" },
      { "Ukraine", "GPE", canonical = "Ukraine" },
      { "Blinken", "PERSON", canonical = "Antony Blinken", nth = 3 },
      { "Kyiv", "GPE", canonical = "Kyiv" },
      { "next week", "DATE" },
    },
    quotes = {
      { "“We are not going to give up on diplomacy,”", "direct",
        speaker = { "Blinken", canonical = "Antony Blinken" }, cue = "said" },
      { "NATO must not expand further east", "indirect",
        speaker = { "Lavrov", canonical = "Sergei Lavrov", nth = 2 }, cue = "told" },
      { "Ukraine was not threatened", "indirect",
        speaker = { "Kremlin", canonical = "Kremlin" }, cue = { "said", nth = 2 } },
    },
  })
end

local TEXT_B = "Blinken spoke with Lavrov by phone on Tuesday. “The door to diplomacy "
  .. "remains open,” Blinken told reporters in Berlin."

local function doc_b()
  return fake.doc(TEXT_B, {
    entities = {
      { "Blinken", "PERSON", canonical = "Antony Blinken" },
      { "Lavrov", "PERSON", canonical = "Sergei Lavrov" },
      { "Tuesday", "DATE" },
      { "Blinken", "PERSON", canonical = "Antony Blinken", nth = 2 },
      { "Berlin", "GPE", canonical = "Berlin" },
    },
    quotes = {
      { "“The door to diplomacy remains open,”", "direct",
        speaker = { "Blinken", canonical = "Antony Blinken" }, cue = "told" },
    },
  })
end

-- find the row whose fields equal all of 'want'
local function find_row(rows, want)
  for _, r in ipairs(rows) do
    local ok = true
    for k, v in pairs(want) do if r[k] ~= v then ok = false; break end end
    if ok then return r end
  end
  return nil
end

describe("analysis.each_doc", function()
  it("accepts a single doc", function()
    local d = doc_a()
    local seen = {}
    for name, doc in analysis.each_doc(d) do seen[#seen + 1] = { name, doc } end
    assert.equal(1, #seen)
    assert.equal(d, seen[1][2])
  end)
  it("accepts a list of docs, named by position", function()
    local names = {}
    for name in analysis.each_doc({ doc_a(), doc_b() }) do names[#names + 1] = name end
    assert.same({ 1, 2 }, names)
  end)
  it("accepts a (name, doc) iterator as it is", function()
    local list = { { "x", doc_a() } }
    local i = 0
    local it = function() i = i + 1; if list[i] then return list[i][1], list[i][2] end end
    for name in analysis.each_doc(it) do assert.equal("x", name) end
  end)
  it("rejects anything else", function()
    assert.has_error(function() analysis.each_doc(42) end)
  end)
end)

describe("analysis.kwic", function()
  it("finds a word in every place, ignoring case, with context", function()
    local rows = analysis.kwic(doc_a(), "blinken", { window = 2 })
    assert.equal(3, #rows)
    assert.same({ "State Antony", "Blinken", "met Russian" },
                { rows[1].left, rows[1].match, rows[1].right })
    assert.equal(TEXT_A:find("Blinken", 1, true), rows[1].first)
  end)
  it("matches a phrase token by token", function()
    local rows = analysis.kwic(doc_a(), "foreign minister")
    assert.equal(1, #rows)
    assert.equal("Foreign Minister", rows[1].match)
    assert.equal("Foreign Minister", TEXT_A:sub(rows[1].first, rows[1].last))
  end)
  it("finds entity mentions with a filter", function()
    local rows = analysis.kwic({ doc_a(), doc_b() }, { canonical = "Sergei Lavrov" }, { window = 1 })
    assert.equal(3, #rows)
    assert.same({ "Sergei Lavrov", "Lavrov", "Lavrov" }, { rows[1].match, rows[2].match, rows[3].match })
    assert.same({ 1, 1, 2 }, { rows[1].doc, rows[2].doc, rows[3].doc })
  end)
  it("keeps the context on one line", function()
    local rows = analysis.kwic(doc_a(), "On", { window = 4 })
    for _, r in ipairs(rows) do assert.is_nil(r.left:find("\n")) end
  end)
  it("refuses an empty query", function()
    assert.has_error(function() analysis.kwic(doc_a(), "  ") end, "analysis.kwic: empty query")
  end)
end)

describe("analysis.entity_frequency", function()
  it("counts mentions and documents by canonical name", function()
    local rows = analysis.entity_frequency({ doc_a(), doc_b() })
    assert.same({ canonical = "Antony Blinken", type = "PERSON", mentions = 5, docs = 2 }, rows[1])
    assert.same({ canonical = "Sergei Lavrov", type = "PERSON", mentions = 3, docs = 2 }, rows[2])
  end)
  it("sorts by mentions, then by name", function()
    local rows = analysis.entity_frequency(doc_a(), { types = "GPE" })
    local names = {}
    for i, r in ipairs(rows) do names[i] = r.canonical end
    assert.same({ "Geneva", "Kyiv", "Ukraine" }, names)
  end)
  it("counts a mention with no canonical name by its text", function()
    local rows = analysis.entity_frequency(doc_a(), { types = { "DATE" } })
    assert.same({ canonical = "Friday", type = "DATE", mentions = 2, docs = 1 }, rows[1])
  end)
end)

describe("analysis.cooccurrence", function()
  it("pairs the entities of each sentence once", function()
    local edges = analysis.cooccurrence(doc_a())
    -- sentence 1: 4 entities (6 pairs); then Lavrov-NATO, Kremlin-Ukraine, Blinken-Kyiv
    assert.equal(9, #edges)
    assert.truthy(find_row(edges, { source = "Antony Blinken", target = "Sergei Lavrov", weight = 1 }))
    assert.truthy(find_row(edges, { source = "NATO", target = "Sergei Lavrov", weight = 1 }))
    assert.is_nil(find_row(edges, { source = "Antony Blinken", target = "NATO" }))
  end)
  it("adds up weights and documents across the corpus", function()
    local edges = analysis.cooccurrence({ doc_a(), doc_b() })
    local e = edges[1]
    assert.same({ "Antony Blinken", "Sergei Lavrov", 2, 2 }, { e.source, e.target, e.weight, e.docs })
    assert.equal("PERSON", e.source_type)
  end)
  it("pairs within paragraphs when asked", function()
    local edges = analysis.cooccurrence(doc_a(), { unit = "paragraph" })
    -- paragraph 1: 5 entities (10 pairs); paragraph 2: 4 (6 pairs)
    assert.equal(16, #edges)
    assert.truthy(find_row(edges, { source = "Antony Blinken", target = "NATO" }))
  end)
  it("leaves out dates by default and light edges with 'min'", function()
    for _, e in ipairs(analysis.cooccurrence(doc_a())) do
      assert.not_equal("Friday", e.source)
      assert.not_equal("Friday", e.target)
    end
    assert.equal(1, #analysis.cooccurrence({ doc_a(), doc_b() }, { min = 2 }))
  end)
  it("rejects an unknown unit", function()
    assert.has_error(function() analysis.cooccurrence(doc_a(), { unit = "page" }) end)
  end)
end)

describe("analysis.who_said_what", function()
  it("counts quotes, kinds and cues by speaker, most quoted first", function()
    local rows = analysis.who_said_what({ doc_a(), doc_b() })
    assert.equal(3, #rows)
    local b = rows[1]
    assert.same({ "Antony Blinken", 2, 2, 0, 2 }, { b.speaker, b.quotes, b.direct, b.indirect, b.docs })
    assert.equal("said 1, told 1", b.cues)
    assert.equal(2, #b.examples)
  end)
  it("names the entities a speaker's quotes mention", function()
    local rows = analysis.who_said_what(doc_a())
    local lavrov = find_row(rows, { speaker = "Sergei Lavrov" })
    assert.equal("NATO 1", lavrov.about)
    assert.equal(1, lavrov.indirect)
    local kremlin = find_row(rows, { speaker = "Kremlin" })
    assert.equal("Ukraine 1", kremlin.about)
  end)
  it("keeps 'top' speakers", function()
    assert.equal(1, #analysis.who_said_what(doc_a(), { top = 1 }))
  end)
  it("gives the same rows fed one doc at a time", function()
    local st = analysis.speaker_table()
    st:add(doc_a(), "a"):add(doc_b(), "b")
    local rows = st:rows()
    assert.same({ "Antony Blinken", 2 }, { rows[1].speaker, rows[1].quotes })
  end)
end)

describe("analysis.quotes", function()
  it("lists quotes with speaker and cue, filtered like doc:quotes", function()
    local rows = analysis.quotes(doc_a(), { kind = "indirect" })
    assert.equal(2, #rows)
    assert.same({ "Sergei Lavrov", "told", "NATO must not expand further east" },
                { rows[1].speaker, rows[1].cue, rows[1].text })
  end)
end)

describe("analysis.timeline", function()
  it("groups entity mentions by date expression", function()
    local rows = analysis.timeline({ doc_a(), doc_b() })
    assert.same({ "Friday", "next week", "Tuesday" }, { rows[1].date, rows[2].date, rows[3].date })
    assert.equal(2, rows[1].count)
    assert.equal(1, rows[1].docs)
    -- the first Friday's sentence has four entities, the second two
    assert.equal(1, rows[1].entity_counts["Sergei Lavrov"])
    assert.equal(1, rows[1].entity_counts["Kremlin"])
    assert.equal("Antony Blinken 1, Kyiv 1", rows[2].entities)
  end)
  it("lists every date mention with its sentence in detail", function()
    local rows = analysis.timeline(doc_a(), { detail = true })
    assert.equal(3, #rows)
    assert.equal("Kremlin, Ukraine", rows[2].entities)
    assert.equal("On Friday, the Kremlin said Ukraine was not threatened.", rows[2].sentence)
  end)
end)

describe("analysis.summary and analysis.sort", function()
  it("writes counts most first, ties by name", function()
    assert.equal("b 3, a 1, c 1", analysis.summary({ a = 1, b = 3, c = 1 }))
    assert.equal("b 3", analysis.summary({ a = 1, b = 3 }, 1))
  end)
  it("sorts rows by a field, stable on ties", function()
    local rows = { { n = "x", v = 1 }, { n = "y", v = 2 }, { n = "z", v = 1 } }
    analysis.sort(rows, "v")
    assert.same({ "y", "x", "z" }, { rows[1].n, rows[2].n, rows[3].n })
    analysis.sort(rows, "n", true)
    assert.same({ "x", "y", "z" }, { rows[1].n, rows[2].n, rows[3].n })
  end)
end)

describe("tabular.format", function()
  it("aligns columns, numbers to the right", function()
    local s = tabular.format({ { name = "Antony Blinken", n = 3 }, { name = "Lavrov", n = 12 } },
                             { columns = { "name", "n" } })
    assert.equal("name             n\n--------------  --\nAntony Blinken   3\nLavrov          12\n", s)
  end)
  it("counts characters, not bytes, and keeps cells on one line", function()
    local s = tabular.format({ { "Zelenskyy’s\nteam", "x" }, { "ab", "y" } })
    assert.equal("Zelenskyy’s team  x\nab                y\n", s)
  end)
  it("cuts long cells", function()
    local s = tabular.format({ { string.rep("a", 20) } }, { max = 5 })
    assert.equal("aaaa…\n", s)
  end)
end)

describe("annot.corpus", function()
  local tmp
  setup(function()
    tmp = os.tmpname()
    os.remove(tmp)
    assert(os.execute("mkdir -p " .. tmp .. "/sub"))
    local function put(path, text)
      local f = assert(io.open(tmp .. "/" .. path, "wb")); f:write(text); f:close()
    end
    put("b.txt", "NATO allies met in Brussels on Wednesday.")
    put("a.txt", "Ukraine asked for more air defence.")
    put("sub/c.txt", "Moscow denied any plan to invade.")
    put("notes.md", "not a text")
  end)
  teardown(function() os.execute("rm -rf " .. tmp) end)

  it("reads every *.txt below a directory, in name order", function()
    local c = corpus.new{ dir = tmp }
    assert.equal(3, #c)
    local names = c:names()
    assert.same({ tmp .. "/a.txt", tmp .. "/b.txt", tmp .. "/sub/c.txt" }, names)
  end)
  it("annotates lazily and yields (name, doc)", function()
    local c = corpus.new{ files = { tmp .. "/a.txt", tmp .. "/missing.txt", tmp .. "/b.txt" } }
    local got = {}
    for name, doc in c:docs() do got[#got + 1] = { name, doc.text } end
    assert.same({ { tmp .. "/a.txt", "Ukraine asked for more air defence." },
                  { tmp .. "/b.txt", "NATO allies met in Brussels on Wednesday." } }, got)
    assert.equal(1, #c.errors)
    assert.equal(tmp .. "/missing.txt", c.errors[1].name)
  end)
  it("takes texts as a list or as a map in name order", function()
    local c = corpus.new{ texts = { z = "Kyiv.", a = "Kharkiv." } }
    assert.same({ "a", "z" }, c:names())
    local texts = {}
    for _, doc in c() do texts[#texts + 1] = doc.text end
    assert.same({ "Kharkiv.", "Kyiv." }, texts)
    assert.same({ "text1" }, corpus.new{ texts = { "Odesa." } }:names())
  end)
  it("is callable from the module", function()
    assert.equal(1, #corpus{ texts = { "Lviv." } })
  end)
  it("raises on bad options", function()
    assert.has_error(function() corpus.new{ dir = tmp .. "/nope" } end)
    assert.has_error(function() corpus.new{ texts = { 1 } } end)
    assert.has_error(function() corpus.new("x") end)
  end)
end)

describe("analysis on real docs", function()
  local annot = require "annot"
  local texts = {
    "“We will not accept any threats,” Zelensky said in Kyiv on Monday. "
    .. "Russian officials in Moscow denied the reports.",
    "The White House said on Tuesday that President Joe Biden would speak "
    .. "with Chancellor Olaf Scholz about the crisis in Ukraine.",
  }
  it("counts as many mentions as the docs hold", function()
    local docs = annot.annotate_many(texts)
    local total = 0
    for _, d in ipairs(docs) do total = total + d:counts().entities end
    local sum = 0
    for _, r in ipairs(analysis.entity_frequency(docs)) do sum = sum + r.mentions end
    assert.equal(total, sum)
  end)
  it("counts as many quotes with speakers as the docs hold", function()
    local c = corpus.new{ texts = texts }
    local quoted = 0
    for _, doc in c:docs() do
      for q in doc:quotes() do if q.speaker then quoted = quoted + 1 end end
    end
    local sum = 0
    for _, r in ipairs(analysis.who_said_what(c)) do sum = sum + r.quotes end
    assert.equal(quoted, sum)
  end)
  it("gives kwic matches that are the text at their positions", function()
    local doc = annot.annotate(texts[2])
    local rows = analysis.kwic(doc, "White House")
    assert.equal(1, #rows)
    assert.equal("White House", texts[2]:sub(rows[1].first, rows[1].last))
  end)
end)

describe("examples", function()
  -- the sample corpus when it is there, else a few texts of our own
  local files, scratch
  setup(function()
    for _, entry in ipairs(corpus.list_dir("examples/corpus")) do files = files or {}; files[#files + 1] = entry[1] end
    if not files then
      scratch = os.tmpname()
      os.remove(scratch)
      os.execute("mkdir -p " .. scratch)
      files = {}
      local texts = {
        "“We are ready to talk,” Foreign Minister Dmytro Kuleba said in Kyiv on Monday.",
        "Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow had no plans to attack.",
      }
      for i, t in ipairs(texts) do
        local path = scratch .. "/" .. i .. ".txt"
        local f = assert(io.open(path, "wb")); f:write(t, "\n"); f:close()
        files[i] = path
      end
    end
  end)
  teardown(function() if scratch then os.execute("rm -rf " .. scratch) end end)

  -- Run an example with arguments; returns its output and exit status.
  local function run(script, args)
    local p = io.popen("lua5.4 examples/" .. script .. " " .. args .. " 2>&1")
    local out = p:read("a")
    local _, _, code = p:close()
    return out, code
  end
  local function all() return table.concat(files, " ") end

  it("who_said_what prints the speakers table and their quotes", function()
    local out, code = run("who_said_what.lua", all())
    assert.equal(0, code, out)
    assert.truthy(out:find(#files .. " documents", 1, true), out)
    assert.truthy(out:find("\nspeaker%s+quotes%s+direct%s+partial%s+indirect%s+docs%s+cues%s+about\n"), out)
    -- every speaker row counts as many quotes as the analysis finds
    local rows = analysis.who_said_what(corpus.new{ files = files }, { top = 15 })
    for _, r in ipairs(rows) do
      local shown = r.speaker:sub(1, 30)
      assert.truthy(out:find(shown, 1, true), shown)
    end
  end)
  it("who_said_what says how to use it without files", function()
    local out, code = run("who_said_what.lua", "")
    assert.equal(2, code)
    assert.truthy(out:find("usage:", 1, true))
  end)
  it("entity_network writes the edges as CSV and as DOT", function()
    local out, code = run("entity_network.lua", all())
    assert.equal(0, code, out)
    assert.equal("source,target,weight,docs,source_type,target_type\r\n", out:match("^[^\n]*\n"))
    local edges = analysis.cooccurrence(corpus.new{ files = files })
    local n = 0
    for _ in out:gmatch("\r\n") do n = n + 1 end
    assert.equal(#edges + 1, n)
    local dot, code2 = run("entity_network.lua", "--dot " .. all())
    assert.equal(0, code2, dot)
    assert.truthy(dot:find("^graph entities {\n"))
    local m = 0
    for _ in dot:gmatch(" %-%- ") do m = m + 1 end
    assert.equal(#edges, m)
  end)
  it("custom_rules finds what the user lexicon and rules add", function()
    local out, code = run("custom_rules.lua", "")
    assert.equal(0, code, out)
    assert.truthy(out:find("UNIT%s+72nd Mechanized%s+Brigade"), out)
    assert.truthy(out:find("Operation Steadfast Defender", 1, true), out)
    assert.truthy(out:find("Line of contact (Donbas)", 1, true), out)
    assert.truthy(out:find("Tatiana Stanovaya", 1, true), out)
    local _, code2 = run("custom_rules.lua", all())
    assert.equal(0, code2)
  end)
  it("timeline groups mentions by date expression", function()
    local out, code = run("timeline.lua", all())
    assert.equal(0, code, out)
    assert.truthy(out:find("^date%s+count%s+docs%s+entities\n"), out)
    local rows = analysis.timeline(corpus.new{ files = files })
    local n = 0
    for _ in out:gmatch("\n") do n = n + 1 end
    assert.equal(#rows + 2, n)
    local detail, code2 = run("timeline.lua", "--detail " .. all())
    assert.equal(0, code2)
    assert.truthy(detail:find("^doc%s+date%s+entities%s+sentence\n"))
  end)
end)
