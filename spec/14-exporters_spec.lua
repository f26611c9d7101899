-- 14-exporters_spec.lua: annot.export.csv, annot.export.brat and
-- annot.export.conll, on hand-annotated stand-in docs (exact cases) and on
-- real docs (what must hold whatever the annotator finds).

package.path = "./spec/?.lua;" .. package.path
local fake = require "fake_doc"
local csv = require "annot.export.csv"
local brat = require "annot.export.brat"
local conll = require "annot.export.conll"
local tabular = require "annot.tabular"

-- Parse RFC 4180 CSV text into a list of records (lists of fields).
local function parse_csv(s)
  local rows, row, field, i, n = {}, {}, {}, 1, #s
  local quoted = false
  while i <= n do
    local c = s:sub(i, i)
    if quoted then
      if c == '"' and s:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 1
      elseif c == '"' then quoted = false
      else field[#field + 1] = c end
    elseif c == '"' then quoted = true
    elseif c == "," then row[#row + 1] = table.concat(field); field = {}
    elseif c == "\r" and s:sub(i + 1, i + 1) == "\n" then
      row[#row + 1] = table.concat(field); field = {}
      rows[#rows + 1] = row; row = {}
      i = i + 1
    else field[#field + 1] = c end
    i = i + 1
  end
  assert(#row == 0 and #field == 0, "CSV does not end with CRLF")
  return rows
end

-- The characters [a, b) (0-based, as brat counts) of a UTF-8 text.
local function chars(text, a, b)
  local from = utf8.offset(text, a + 1)
  local to = utf8.offset(text, b + 1)
  return text:sub(from, to - 1)
end

-- The 'T' lines of an .ann text: list of {id, type, ranges, text}.
local function t_lines(ann)
  local list = {}
  for id, typ, ranges, text in ann:gmatch("(T%d+)\t(%S+) ([%d ;]+)\t([^\n]*)\n") do
    local r = {}
    for a, b in ranges:gmatch("(%d+) (%d+)") do r[#r + 1] = { tonumber(a), tonumber(b) } end
    list[#list + 1] = { id = id, type = typ, ranges = r, text = text }
  end
  return list
end

-- an invented report with curly quotes, dashes and non-ASCII names
local TEXT = "Ukraine’s foreign minister Dmytro Kuleba said: “Russia, again, is "
  .. "testing us — and “red lines” won’t stop it.”\n\nIn Kharkiv, Ihor Terekhov, "
  .. "the mayor, told residents the city was calm."

local function the_doc()
  return fake.doc(TEXT, {
    entities = {
      { "Ukraine", "GPE", canonical = "Ukraine" },
      { "Dmytro Kuleba", "PERSON", canonical = "Dmytro Kuleba", role = "foreign minister" },
      { "Russia", "GPE", canonical = "Russia" },
      { "Kharkiv", "GPE", canonical = "Kharkiv" },
      { "Ihor Terekhov", "PERSON", canonical = "Igor Terekhov" },
    },
    quotes = {
      { "“Russia, again, is testing us — and “red lines” won’t stop it.”", "direct",
        speaker = { "Dmytro Kuleba", canonical = "Dmytro Kuleba" }, cue = ":" },
      { "“red lines”", "scare" },
      { "the city was calm", "indirect",
        speaker = { "the mayor", anonymous = true }, cue = "told" },
    },
  })
end

describe("export.csv", function()
  it("writes a header and one row per mention, RFC 4180 quoted", function()
    local rows = parse_csv(csv.entities(the_doc()))
    assert.same(csv.ENTITY_COLUMNS, rows[1])
    assert.equal(6, #rows)
    local first = TEXT:find("Dmytro Kuleba", 1, true)
    assert.same({ "doc", tostring(first), tostring(first + 12), "PERSON", "Dmytro Kuleba", "Dmytro Kuleba",
                  "foreign minister", "lexicon" },
                { rows[3][1], rows[3][2], rows[3][3], rows[3][4], rows[3][5], rows[3][6],
                  rows[3][7], rows[3][8] })
  end)
  it("quotes fields with commas, quotes and line breaks and reads back", function()
    local rows = parse_csv(csv.quotes(the_doc()))
    assert.same(csv.QUOTE_COLUMNS, rows[1])
    assert.equal(4, #rows)
    assert.equal("“Russia, again, is testing us — and “red lines” won’t stop it.”", rows[2][9])
    assert.equal("direct", rows[2][4])
    assert.same({ "the mayor", "", "true", "told" }, { rows[4][5], rows[4][6], rows[4][7], rows[4][8] })
    local tricky = tabular.csv_line({ 'say "no"', "a,b", "two\nlines", "" })
    assert.equal('"say ""no""","a,b","two\nlines",\r\n', tricky)
  end)
  it("names documents of a list by position", function()
    local rows = parse_csv(csv.entities({ the_doc(), the_doc() }))
    assert.equal(11, #rows)
    assert.equal("1", rows[2][1])
    assert.equal("2", rows[11][1])
  end)
  it("writes TSV with tabs and line breaks escaped", function()
    local doc = fake.doc("Kyiv said:\t“No\nway.”", { quotes = { { "“No\nway.”", "direct" } } })
    local tsv = csv.quotes(doc, { sep = "\t" })
    local l = {}
    for line in tsv:gmatch("([^\n]*)\n") do l[#l + 1] = line end
    assert.equal(2, #l)
    assert.truthy(l[2]:find("“No\\nway.”", 1, true))
  end)
end)

describe("export.brat", function()
  it("gives character offsets whose text is the mention", function()
    local doc = the_doc()
    local ts = t_lines(brat.ann(doc))
    assert.truthy(#ts >= 5)
    for _, t in ipairs(ts) do
      local parts = {}
      for k, r in ipairs(t.ranges) do parts[k] = chars(TEXT, r[1], r[2]) end
      assert.equal(t.text, table.concat(parts, " "), t.id)
    end
    -- 'Dmytro Kuleba' starts after 'Ukraine’s foreign minister ': 27 characters, 29 bytes
    assert.same({ "T2", "PERSON", 27, 40 }, { ts[2].id, ts[2].type, ts[2].ranges[1][1], ts[2].ranges[1][2] })
  end)
  it("links quotes to their kind, speaker and cue", function()
    local ann = brat.ann(the_doc())
    -- the speaker Dmytro Kuleba is the entity T2; the mayor gets a Speaker span
    assert.truthy(ann:find("\nA1\tKind T6 direct\n", 1, true))
    assert.truthy(ann:find("R1\tSpeaker Arg1:T6 Arg2:T2\n", 1, true))
    assert.truthy(ann:find("\tSpeaker %d+ %d+\tthe mayor\n"))
    assert.truthy(ann:find("\tCue %d+ %d+\ttold\n"))
    assert.truthy(ann:find("A2\tKind T%d+ scare\n"))
  end)
  it("notes canonical names that differ from the text", function()
    local ann = brat.ann(the_doc())
    assert.truthy(ann:find("#1\tAnnotatorNotes T5\tcanonical: Igor Terekhov\n", 1, true))
    assert.is_nil(brat.ann(the_doc(), { notes = false }):find("AnnotatorNotes", 1, true))
  end)
  it("splits a span across lines into fragments", function()
    local text = "“First line\nsecond line,” she said."
    local doc = fake.doc(text, { quotes = { { "“First line\nsecond line,”", "direct" } } })
    local ts = t_lines(brat.ann(doc))
    assert.equal(1, #ts)
    assert.same({ { 0, 11 }, { 12, 25 } }, ts[1].ranges)
    assert.equal("“First line second line,”", ts[1].text)
  end)
  it("leaves quotes out when asked", function()
    local ann = brat.ann(the_doc(), { quotes = false })
    assert.is_nil(ann:find("Quote", 1, true))
    assert.equal(5, #t_lines(ann))
  end)
  it("counts each invalid byte as one character", function()
    local map = brat.char_offsets("a\255b\226\128\156c", { 0, 1, 2, 3, 6, 7 })
    assert.same({ [0] = 0, [1] = 1, [2] = 2, [3] = 3, [6] = 4, [7] = 5 }, map)
  end)
  it("declares every type in annotation.conf", function()
    local conf = brat.conf({ "PERSON", "OPERATION" })
    assert.truthy(conf:find("[entities]\nPERSON\nOPERATION\nQuote\nSpeaker\nCue\n", 1, true))
    assert.truthy(conf:find("Kind\tArg:Quote, Value:direct|partial|scare|indirect", 1, true))
  end)
end)

describe("export.conll", function()
  it("tags tokens B-, I- and O", function()
    local out = conll.format(the_doc())
    assert.truthy(out:find("Dmytro\tB-PERSON\nKuleba\tI-PERSON\n", 1, true))
    assert.equal("Ukraine\tB-GPE\n", out:sub(1, 14))
    assert.truthy(out:find("minister\tO\n", 1, true))
  end)
  it("ends each sentence with a blank line", function()
    local doc = the_doc()
    local out = conll.format(doc)
    local blanks, rows = 0, 0
    for line in out:gmatch("([^\n]*)\n") do
      if line == "" then blanks = blanks + 1 else rows = rows + 1 end
    end
    local sentences = 0
    for _ in doc:sentences() do sentences = sentences + 1 end
    assert.equal(sentences, blanks)
    assert.equal(#doc, rows)
    assert.equal("\n\n", out:sub(-2))
  end)
  it("keeps only the types asked for", function()
    local tags = conll.tags(the_doc(), { types = { "PERSON" } })
    for _, t in ipairs(tags) do assert.truthy(t == "O" or t:find("PERSON$"), t) end
  end)
end)

describe("exporters on real docs", function()
  local annot = require "annot"
  local text = "Ukraine’s President Volodymyr Zelenskyy met French President Emmanuel "
    .. "Macron in Kyiv on Tuesday.\n“We discussed security guarantees,” Zelenskyy said. "
    .. "Macron told reporters that Europe stood with Ukraine.\n"
  it("brat offsets always cut the text the mention holds", function()
    local doc = annot.annotate(text)
    for _, t in ipairs(t_lines(brat.ann(doc))) do
      local parts = {}
      for k, r in ipairs(t.ranges) do parts[k] = chars(text, r[1], r[2]) end
      assert.equal(t.text, (table.concat(parts, " "):gsub("\t", " ")))
    end
  end)
  it("conll has one row per token", function()
    local doc = annot.annotate(text)
    local rows = 0
    for line in conll.format(doc):gmatch("([^\n]*)\n") do
      if line ~= "" then rows = rows + 1 end
    end
    assert.equal(#doc, rows)
  end)
  it("csv has one row per mention", function()
    local doc = annot.annotate(text)
    assert.equal(doc:counts().entities + 1, #parse_csv(csv.entities(doc)))
    assert.equal(doc:counts().quotes + 1, #parse_csv(csv.quotes(doc)))
  end)
  it("survives invalid UTF-8 and NUL bytes", function()
    local bad = "Kyiv\0 said \255\254 “no”\n"
    local doc = annot.annotate(bad)
    assert.is_string(brat.ann(doc))
    assert.is_string(conll.format(doc))
    assert.is_string(csv.entities(doc))
  end)
end)
