-- 01-tokens_spec.lua: the tokenizer, through doc:tokens() and doc:token(i),
-- against the token conventions of ANNOTATION.md ("Tokens").

local annot = require "annot"

-- the token texts of 'text', joined by "|"
local function toks(text)
  local out = {}
  for _, tok in annot.annotate(text):tokens() do out[#out + 1] = tok end
  return table.concat(out, "|")
end

-- the tokens of 'text' as "text/kind", joined by "|"
local function kinds(text)
  local out = {}
  for _, tok, _, _, kind in annot.annotate(text):tokens() do
    out[#out + 1] = tok .. "/" .. kind
  end
  return table.concat(out, "|")
end

-- the index of the first token of 'doc' whose text is 'want'
local function find(doc, want)
  for i, tok in doc:tokens() do
    if tok == want then return i end
  end
end

-- run a table of {input, expected} rows through 'fn', one 'it' each
local function rows(fn, cases)
  for _, case in ipairs(cases) do
    it(("splits %q"):format(case[1]), function()
      assert.are.equal(case[2], fn(case[1]))
    end)
  end
end

describe("clitics", function()
  rows(toks, {
    {"Russia’s troops", "Russia|’s|troops"},
    {"Kyiv's reply", "Kyiv|'s|reply"},
    {"They don't agree", "They|do|n't|agree"},
    {"Moscow won’t budge", "Moscow|wo|n’t|budge"},
    {"We’re ready", "We|’re|ready"},
    {"they'll see, I'm sure we've won, he'd go",
     "they|'ll|see|,|I|'m|sure|we|'ve|won|,|he|'d|go"},
    {"the allies’ response", "the|allies|’|response"},
    {"O’Brien and O'Neill", "O’Brien|and|O'Neill"},
    {"in the ’90s", "in|the|’90s"},
    {"rock ’n’ roll", "rock|’n’|roll"},
    {"the Jr.'s view", "the|Jr.|'s|view"},
  })

  it("makes apostrophes words with the clitic flag, never quotes", function()
    local doc = annot.annotate("NATO’s allies’ views")
    for _, want in ipairs{"’s", "’"} do
      local i = find(doc, want)
      local _, _, _, kind, _, flags = doc:token(i)
      assert.are.equal("word", kind)
      assert.is_true(flags.clitic)
    end
  end)

  it("normalises curly apostrophes to straight ones", function()
    local doc = annot.annotate("Russia’s")
    local _, _, _, _, norm = doc:token(2)
    assert.are.equal("'s", norm)
  end)
end)

describe("abbreviations and initials", function()
  rows(toks, {
    {"the U.S. and the U.K. at the U.N.", "the|U.S.|and|the|U.K.|at|the|U.N."},
    {"Mr. Lavrov met Gen. Milley", "Mr.|Lavrov|met|Gen.|Milley"},
    {"Sen. Smith and Rep. Jones", "Sen.|Smith|and|Rep.|Jones"},
    {"on Jan. 21 at 10 a.m. in Washington, D.C., today",
     "on|Jan.|21|at|10|a.m.|in|Washington|,|D.C.|,|today"},
    {"J.R.R. Tolkien and John F. Kennedy", "J.R.R.|Tolkien|and|John|F.|Kennedy"},
    {"Acme Inc. vs. Globex Corp. etc.", "Acme|Inc.|vs.|Globex|Corp.|etc."},
    {"e.g. sanctions, i.e. costs", "e.g.|sanctions|,|i.e.|costs"},
    {"No. 10 said no.", "No.|10|said|no|."},
  })

  it("flags abbreviations", function()
    local doc = annot.annotate("U.S. envoy")
    local _, _, _, _, _, flags = doc:token(1)
    assert.is_true(flags.abbrev)
    assert.is_true(flags.allcaps)
  end)
end)

describe("numbers", function()
  rows(kinds, {
    {"100,000", "100,000/number"},
    {"3.5", "3.5/number"},
    {"1990s", "1990s/number"},
    {"10:30", "10:30/number"},
    {"$1.2bn", "$/symbol|1.2bn/number"},
    {"5%", "5/number|%/symbol"},
    {"8,000-10,000", "8,000/number|-/hyphen|10,000/number"},
  })
end)

describe("hyphens, dashes and ellipses", function()
  rows(kinds, {
    {"pro-Russian", "pro/word|-/hyphen|Russian/word"},
    {"U.S.-made", "U.S./word|-/hyphen|made/word"},
    {"talks - and", "talks/word|-/dash|and/word"},
    {"GENEVA — The", "GENEVA/word|—/dash|The/word"},
    {"2014–2022", "2014/number|–/dash|2022/number"},
    {"wait… so", "wait/word|…/ellipsis|so/word"},
    {"wait... so", "wait/word|.../ellipsis|so/word"},
    {"end....", "end/word|.../ellipsis|./punct"},
  })
end)

describe("brackets and quotation marks", function()
  rows(kinds, {
    {"(Reuters)", "(/bracket|Reuters/word|)/bracket"},
    {"[sic]", "[/bracket|sic/word|]/bracket"},
    {"“Yes,” he said", "“/quote|Yes/word|,/punct|”/quote|he/word|said/word"},
    {"\"No\"", "\"/quote|No/word|\"/quote"},
    {"its ‘open door’ policy",
     "its/word|‘/quote|open/word|door/word|’/quote|policy/word"},
    {"«Da» „ja“", "«/quote|Da/word|»/quote|„/quote|ja/word|“/quote"},
  })

  it("marks opening and closing quotes by form and by context", function()
    local doc = annot.annotate("He said \"yes\" and “no” and 'maybe'.")
    local opens = {}
    for i, _, _, _, kind in doc:tokens() do
      if kind == "quote" then
        local _, _, _, _, _, flags = doc:token(i)
        assert.are_not.equal(flags.open == true, flags.close == true)
        opens[#opens + 1] = flags.open == true
      end
    end
    assert.are.same({true, false, true, false, true, false}, opens)
  end)
end)

describe("URLs, addresses, handles and hashtags", function()
  rows(kinds, {
    {"https://example.org/a_b?c=1.", "https://example.org/a_b?c=1/url|./punct"},
    {"www.state.gov,", "www.state.gov/url|,/punct"},
    {"press@example.org.", "press@example.org/email|./punct"},
    {"@ZelenskyyUa", "@ZelenskyyUa/handle"},
    {"#StandWithUkraine", "#StandWithUkraine/hashtag"},
  })
end)

describe("letters of other scripts", function()
  rows(toks, {
    {"Київ і Харків", "Київ|і|Харків"},
    {"Zürich, São Paulo, Αθήνα", "Zürich|,|São|Paulo|,|Αθήνα"},
  })

  it("lower-cases non-ASCII letters in the normalised form", function()
    local doc = annot.annotate("КИЇВ")
    local _, _, _, kind, norm, flags = doc:token(1)
    assert.are.equal("word", kind)
    assert.are.equal("київ", norm)
    assert.is_true(flags.allcaps)
  end)
end)

describe("layout flags", function()
  it("marks space, line breaks, sentence and paragraph starts", function()
    local doc = annot.annotate("One two.\nThree.\n\nFour")
    local _, _, _, _, _, f1 = doc:token(1)
    assert.is_true(f1.sent_start)
    assert.is_true(f1.para_start)
    local _, _, _, _, _, f2 = doc:token(2)
    assert.is_falsy(f2.sent_start)
    local _, _, _, _, _, f4 = doc:token(4)        -- Three, after a newline
    assert.is_true(f4.sent_start)
    assert.is_falsy(f4.para_start)
    local _, _, _, _, _, f6 = doc:token(6)        -- Four, after a blank line
    assert.is_true(f6.para_start)
  end)
end)

describe("bad input", function()
  -- every byte is in exactly one token or in whitespace between tokens
  local function covered(text)
    local doc = annot.annotate(text)
    local pos = 1
    for _, tok, first, last in doc:tokens() do
      if first < pos then return false, "overlap at " .. first end
      local gap = text:sub(pos, first - 1)
      if not gap:match("^[ \t\r\n\v\f]*$") then
        return false, ("uncovered bytes %q before %d"):format(gap, first)
      end
      if text:sub(first, last) ~= tok then return false, "bad text" end
      pos = last + 1
    end
    if not text:sub(pos):match("^[ \t\r\n\v\f]*$") then
      return false, "uncovered tail"
    end
    return true
  end

  it("gives empty and blank text no tokens, sentences or paragraphs", function()
    for _, text in ipairs{"", "   ", "\n\n\t\r\n"} do
      local c = annot.annotate(text):counts()
      assert.are.same({0, 0, 0}, {c.tokens, c.sentences, c.paragraphs})
    end
  end)

  it("makes NUL bytes one-byte symbol tokens", function()
    assert.are.equal("a/word|\0/symbol|b/word", kinds("a\0b"))
  end)

  it("makes invalid UTF-8 bytes one-byte invalid tokens", function()
    assert.are.equal("x/word|\xFF/invalid|y/word", kinds("x\xFFy"))
    assert.are.equal("\xC3/invalid|(/bracket", kinds("\xC3("))
  end)

  it("handles CRLF line ends", function()
    local doc = annot.annotate("One.\r\n\r\nTwo.\r\n")
    assert.are.equal(2, doc:counts().paragraphs)
    assert.are.equal("One.", doc:paragraph(1).text)
  end)

  it("covers every byte of hostile text", function()
    local pieces = {"\0", "\xFF", "\xE2\x80", "’", "“", "U.S.", " ", "\n",
                    "-", ".", "@", "#", "'", "\"", "9", "a", "Я", "\r\n"}
    local seed = 7
    local buf = {}
    for i = 1, 20000 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      buf[i] = pieces[seed % #pieces + 1]
    end
    assert(covered(table.concat(buf)))
  end)
end)
