-- spec/17-lexicon_data_spec.lua: the default lexicon's TSV sources
-- (csrc/lexicon/*.tsv) as files: well formed, valid UTF-8, known types,
-- no entry listed twice, canonical names that agree, and the conventions
-- of ANNOTATION.md that the data must keep.  What the entries match in a
-- text is tested in C (spec/c/test_lexicon_data.c).

local DIR = "csrc/lexicon/"

-- the names of the TSV files, sorted (plain Lua cannot list a directory)
local function tsv_files()
  local names = {}
  local ls = assert(io.popen("ls -1 " .. DIR .. " 2>/dev/null"))
  for name in ls:lines() do
    if name:match("%.tsv$") then names[#names + 1] = name end
  end
  ls:close()
  table.sort(names)
  return names
end

-- the entry lines of one file: {file, line, surface, type, canonical, role}
local function entries_of(name)
  local out = {}
  local n = 0
  for line in io.lines(DIR .. name) do
    n = n + 1
    if line ~= "" and not line:match("^#") then
      local cols = {}
      for col in (line .. "\t"):gmatch("([^\t]*)\t") do cols[#cols + 1] = col end
      out[#out + 1] = {file = name, line = n, ncols = #cols, raw = line,
                       surface = cols[1], type = cols[2],
                       canonical = cols[3], role = cols[4]}
    end
  end
  return out
end

-- every type and word class a lexicon line may name (lexicon.h,
-- internal.h enum lex_class)
local TYPES = {}
for t in ([[PERSON ORG GPE LOC NORP FAC EVENT DATE TIME CARDINAL QUANTITY
  MONEY PERCENT ORDINAL TITLE GIVEN ORGHEAD LOCHEAD FACHEAD EVENTHEAD CUE
  SOURCE NOTNAME]]):gmatch("%S+") do TYPES[t] = true end

-- the entity types that name things (and so carry canonical names)
local NAMED = {PERSON = true, ORG = true, GPE = true, LOC = true,
               NORP = true, FAC = true, EVENT = true}

-- all entry lines of all files, read once for every test below
local files = tsv_files()
local all = {}
for _, name in ipairs(files) do
  for _, e in ipairs(entries_of(name)) do all[#all + 1] = e end
end

-- "file:line: text" for a failure message
local function where(e) return e.file .. ":" .. e.line .. ": " .. e.raw end

-- the form of the files: what lexicon_add_tsv needs, and a little more
describe("lexicon files", function()
  it("exist and hold thousands of entries", function()
    assert.is_true(#files >= 8)
    assert.is_true(#all > 4000)
  end)

  it("are valid UTF-8", function()
    for _, name in ipairs(files) do
      local f = assert(io.open(DIR .. name, "rb"))
      local text = f:read("a")
      f:close()
      assert.is_truthy(utf8.len(text), name .. " is not valid UTF-8")
    end
  end)

  it("have 2 to 4 tab-separated columns with no stray spaces", function()
    local bad = {}
    for _, e in ipairs(all) do
      local ok = e.ncols >= 2 and e.ncols <= 4 and e.surface ~= ""
      for _, col in ipairs({e.surface, e.type, e.canonical or "", e.role or ""}) do
        ok = ok and col == col:match("^%s*(.-)%s*$")
      end
      if not ok then bad[#bad + 1] = where(e) end
    end
    assert.same({}, bad)
  end)

  it("use known types and classes only", function()
    local bad = {}
    for _, e in ipairs(all) do
      if not TYPES[e.type] then bad[#bad + 1] = where(e) end
    end
    assert.same({}, bad)
  end)

  it("list no surface twice with one type", function()
    local seen, bad = {}, {}
    for _, e in ipairs(all) do
      local key = e.surface .. "\t" .. e.type
      if seen[key] then bad[#bad + 1] = where(e) .. " (also " .. seen[key] .. ")" end
      seen[key] = e.file .. ":" .. e.line
    end
    assert.same({}, bad)
  end)

  it("give every named entity a canonical name", function()
    local bad = {}
    for _, e in ipairs(all) do
      if NAMED[e.type] and e.file ~= "given_names.tsv" and
         (e.canonical == nil or e.canonical == "") then
        bad[#bad + 1] = where(e)
      end
    end
    assert.same({}, bad)
  end)

  it("write word classes in lower case, so that they match any case", function()
    local classes = {TITLE = true, ORGHEAD = true, LOCHEAD = true,
                     FACHEAD = true, EVENTHEAD = true, NOTNAME = true}
    local bad = {}
    for _, e in ipairs(all) do
      if classes[e.type] and e.surface:lower() ~= e.surface then
        bad[#bad + 1] = where(e)
      end
    end
    assert.same({}, bad)
  end)
end)

-- one canonical name per real-world entity, the same in every file
describe("lexicon canonical names", function()
  -- surface -> canonical, of the named entries
  local canon = {}
  for _, e in ipairs(all) do
    if NAMED[e.type] then canon[e.type .. ":" .. e.surface] = e.canonical end
  end

  -- {type, surface, canonical}: the agreed names of ANNOTATION.md and
  -- of the data's own headers
  local cases = {
    {"GPE", "U.S.", "United States"}, {"GPE", "USA", "United States"},
    {"GPE", "United States of America", "United States"},
    {"GPE", "America", "United States"}, {"GPE", "Kiev", "Kyiv"},
    {"GPE", "Kyiv", "Kyiv"}, {"GPE", "UK", "United Kingdom"},
    {"GPE", "Britain", "United Kingdom"}, {"GPE", "Turkey", "Turkey"},
    {"GPE", "Türkiye", "Turkey"}, {"GPE", "Czechia", "Czech Republic"},
    {"GPE", "Byelorussia", "Belarus"}, {"GPE", "Holland", "Netherlands"},
    {"PERSON", "Sergey Lavrov", "Sergei Lavrov"},
    {"PERSON", "Lavrov", "Sergei Lavrov"},
    {"PERSON", "Anthony Blinken", "Antony Blinken"},
    {"PERSON", "Tony Blinken", "Antony Blinken"},
    {"PERSON", "Zelensky", "Volodymyr Zelenskyy"},
    {"NORP", "Russians", "Russian"}, {"NORP", "Ukrainians", "Ukrainian"},
    {"NORP", "Swiss", "Swiss"}, {"NORP", "Britons", "British"},
    {"ORG", "State Department", "U.S. Department of State"},
    {"ORG", "Department of State", "U.S. Department of State"},
  }
  for _, c in ipairs(cases) do
    it(c[1] .. " " .. c[2] .. " is " .. c[3], function()
      assert.equal(c[3], canon[c[1] .. ":" .. c[2]])
    end)
  end

  it("are themselves entries of the same type", function()
    -- a canonical name that is no surface would be a spelling no text
    -- can reach: a typo in a variant line.  Case aside, since a lower-case
    -- variant ("Antonov airport") also matches the capitalised name.  A
    -- "U.S. " canonical may stand alone: "U.S. State Department" is GPE +
    -- ORG in a text, so only "State Department" is an entry.
    local surfaces = {}
    for _, e in ipairs(all) do
      surfaces[e.type .. ":" .. e.surface:lower()] = true
    end
    local bad = {}
    for _, e in ipairs(all) do
      if NAMED[e.type] and e.canonical then
        local key = e.canonical:lower()
        if not (surfaces[e.type .. ":" .. key] or
                surfaces[e.type .. ":" .. key:gsub("^u%.s%. ", "")]) then
          bad[#bad + 1] = where(e)
        end
      end
    end
    assert.same({}, bad)
  end)
end)

-- the span and naming conventions of ANNOTATION.md that the data must keep
describe("lexicon conventions", function()
  -- surface -> type -> entry
  local by_surface = {}
  for _, e in ipairs(all) do
    by_surface[e.surface] = by_surface[e.surface] or {}
    by_surface[e.surface][e.type] = e
  end

  it("keep U.S. State Department out: it is GPE + ORG", function()
    assert.is_nil(by_surface["U.S. State Department"])
  end)

  it("keep U.S. Embassy and NATO-Russia Council whole", function()
    assert.is_truthy(by_surface["U.S. Embassy"] and by_surface["U.S. Embassy"].ORG)
    assert.is_truthy(by_surface["NATO-Russia Council"] and
                     by_surface["NATO-Russia Council"].ORG)
  end)

  it("start no entry with an article, but for names that need it", function()
    local bad = {}
    for _, e in ipairs(all) do
      if NAMED[e.type] and e.surface:match("^[Tt]he ") and
         e.surface ~= "The Hague" and e.surface ~= "The Hill" then
        bad[#bad + 1] = where(e)
      end
    end
    assert.same({}, bad)
  end)

  it("write no common word in lower case as a name", function()
    -- a lower-case entry matches any case, so these would tag plain words
    for _, w in ipairs({"turkey", "china", "chad", "jordan", "may", "us",
                        "west", "house", "who"}) do
      for t in pairs(NAMED) do
        assert.is_nil(by_surface[w] and by_surface[w][t], w)
      end
    end
  end)

  it("list ambiguous bare surnames only with full names", function()
    -- surnames that are also common words, given names or places
    for _, w in ipairs({"Johnson", "Price", "Austin", "Harris", "Sullivan",
                        "Burns", "Michel", "Francis", "Rau", "Marin",
                        "Truss", "Wallace"}) do
      assert.is_nil(by_surface[w] and by_surface[w].PERSON, w)
    end
  end)
end)
