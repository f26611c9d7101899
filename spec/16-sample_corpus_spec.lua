-- spec/16-sample_corpus_spec.lua: the invariants of annotation over the
-- bundled sample corpus (examples/corpus/*.txt), through the Lua API.
--
-- Only structure is checked here: every text annotates; tokens slice to
-- their texts and cover every non-blank byte; sentences and paragraphs lie
-- within the text, in order; every span slices to its text; the JSON
-- parses and has the schema's keys.  Nothing here expects a particular
-- entity or quote (their accuracy belongs to other specs), so these checks
-- hold for any correct annotator on any text.

local support = require "spec.support"
local annot = require "annot"
local json = support.json

local CORPUS = "examples/corpus"

-- the corpus files, sorted by name ('ls' because plain Lua has no
-- directory listing); an empty list when the folder is missing
local function corpus_files()
  local ls = io.popen("ls -1 " .. CORPUS .. " 2>/dev/null")
  local names = {}
  for name in ls:lines() do
    if name:match("%.txt$") then names[#names + 1] = name end
  end
  ls:close()
  table.sort(names)
  return names
end

-- the whole content of a file
local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- the paragraphs the text is written in: runs of non-blank lines
local function count_blocks(text)
  local n, in_block = 0, false
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local blank = not line:find("%S")
    if not blank and not in_block then n = n + 1 end
    in_block = not blank
  end
  return n
end

-- are the spans of 'list' (with first/last) sorted and within 1..len?
local function check_spans(name, text, list, layer)
  local prev_first = 0
  for i, s in ipairs(list) do
    local where = ("%s: %s %d (%s..%s)"):format(name, layer, i,
                                               tostring(s.first), tostring(s.last))
    assert.is_true(s.first >= 1 and s.last <= #text and s.first <= s.last, where)
    assert.is_true(s.first >= prev_first, where .. " out of order")
    assert.equal(text:sub(s.first, s.last), s.text, where)
    prev_first = s.first
  end
end

-- a JSON list whose elements have start/end within the text, sorted by
-- start, each slicing to its 'text' field when it has one
local function check_json_list(name, text, list, layer)
  assert.equal("table", type(list), name .. ": " .. layer)
  local prev = -1
  for i, o in ipairs(list) do
    local where = ("%s: JSON %s %d"):format(name, layer, i)
    assert.equal("number", type(o.start), where)
    assert.equal("number", type(o["end"]), where)
    assert.is_true(o.start >= 0 and o["end"] <= #text and o.start < o["end"], where)
    assert.is_true(o.start >= prev, where .. " not sorted by start")
    if type(o.text) == "string" then
      assert.equal(text:sub(o.start + 1, o["end"]), o.text, where)
    end
    prev = o.start
  end
end

-- read once: every describe below walks the same texts
local files = corpus_files()
local texts = {}
for _, name in ipairs(files) do texts[name] = read_file(CORPUS .. "/" .. name) end

-- the corpus itself: what examples/corpus/README.md promises about it
describe("sample corpus files", function()
  it("holds at least eight texts", function()
    assert.is_true(#files >= 8, "found " .. #files .. " texts")
  end)

  -- big enough to hold several quotes, small enough to read at a glance
  it("has texts of 2-6 KB in valid UTF-8", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      assert.is_true(#text >= 2000 and #text <= 6144, name .. ": " .. #text .. " bytes")
      assert.is_truthy(utf8.len(text), name .. ": invalid UTF-8")
    end
  end)

  it("names the files NN_short_name.txt", function()
    for _, name in ipairs(files) do
      assert.is_truthy(name:match("^%d%d_[%l%d_]+%.txt$"), name)
    end
  end)

  it("lists every file in its README", function()
    local readme = read_file(CORPUS .. "/README.md")
    assert.is_truthy(readme:find("quotations are invented", 1, true))
    for _, name in ipairs(files) do
      assert.is_truthy(readme:find(name, 1, true), name .. " not in README.md")
    end
  end)
end)

-- the default pipeline, as a script writer would call it
describe("annotating the sample corpus", function()
  it("annotates every text", function()
    for _, name in ipairs(files) do
      local ok, doc = pcall(annot.annotate, texts[name])
      assert.is_true(ok, name .. ": " .. tostring(doc))
      assert.equal(texts[name], doc.text, name)
      assert.is_true(#doc > 0, name .. ": no tokens")
    end
  end)

  -- threads share one pipeline: the result must not depend on them
  it("gives the same counts through annotate_many", function()
    local list = {}
    for i, name in ipairs(files) do list[i] = texts[name] end
    local docs = annot.annotate_many(list, {threads = 2})
    assert.equal(#files, #docs)
    for i, name in ipairs(files) do
      assert.same(annot.annotate(texts[name]):counts(), docs[i]:counts(), name)
    end
  end)
end)

-- ANNOTATION.md: offsets always cover every byte, and the input is never
-- changed, so a token is exactly the bytes text:sub(first, last)
describe("tokens of the sample corpus", function()
  it("slice to their texts, in order, without overlap", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      local prev_last = 0
      for i, tok, first, last in doc:tokens() do
        local where = ("%s: token %d %q"):format(name, i, tok)
        assert.is_true(first > prev_last and last >= first and last <= #text, where)
        assert.equal(text:sub(first, last), tok, where)
        prev_last = last
      end
    end
  end)

  it("cover every non-blank byte", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      local next_byte = 1   -- the first byte no token has covered yet
      for _, _, first, last in doc:tokens() do
        -- between two tokens only blanks may be left uncovered
        local gap = text:sub(next_byte, first - 1)
        assert.is_falsy(gap:find("[^ \t\r\n\f\v]"),
                        ("%s: bytes %d..%d %q not in any token"):format(
                          name, next_byte, first - 1, gap))
        next_byte = last + 1
      end
      local tail = text:sub(next_byte)
      assert.is_falsy(tail:find("[^ \t\r\n\f\v]"), name .. ": text after the last token")
    end
  end)

  it("agree with doc:token", function()
    for _, name in ipairs(files) do
      local doc = annot.annotate(texts[name])
      for i, tok, first, last, kind in doc:tokens() do
        local t2, f2, l2, k2 = doc:token(i)
        assert.same({tok, first, last, kind}, {t2, f2, l2, k2}, name .. ": token " .. i)
      end
    end
  end)
end)

-- the scanner's layers: spans over whole tokens, one after another
describe("sentences and paragraphs of the sample corpus", function()
  it("lie within the text, sorted, and slice to their texts", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      local sentences = support.collect(doc:sentences())
      local paragraphs = support.collect(doc:paragraphs())
      assert.is_true(#sentences > 0 and #paragraphs > 0, name)
      check_spans(name, text, sentences, "sentence")
      check_spans(name, text, paragraphs, "paragraph")
    end
  end)

  it("do not overlap and start and end on tokens", function()
    for _, name in ipairs(files) do
      local doc = annot.annotate(texts[name])
      for _, layer in ipairs{"sentences", "paragraphs"} do
        local prev_last_token = 0
        for s in doc[layer](doc) do
          local where = ("%s: %s %d"):format(name, layer, s.index)
          assert.is_true(s.first_token > prev_last_token, where .. " overlaps")
          assert.is_true(s.last_token >= s.first_token and s.last_token <= #doc, where)
          assert.equal(s.first, select(2, doc:token(s.first_token)), where)
          assert.equal(s.last, select(3, doc:token(s.last_token)), where)
          prev_last_token = s.last_token
        end
      end
    end
  end)

  -- "a blank line ends a paragraph" (ANNOTATION.md), and nothing else does
  it("count one paragraph per block of lines", function()
    for _, name in ipairs(files) do
      local doc = annot.annotate(texts[name])
      assert.equal(count_blocks(texts[name]), doc:counts().paragraphs, name)
    end
  end)

  it("agree with doc:counts", function()
    for _, name in ipairs(files) do
      local doc = annot.annotate(texts[name])
      local counts = doc:counts()
      assert.equal(#doc, counts.tokens, name)
      assert.equal(#support.collect(doc:sentences()), counts.sentences, name)
      assert.equal(#support.collect(doc:paragraphs()), counts.paragraphs, name)
    end
  end)
end)

-- where entities and quotes are, not whether they are right
describe("entity and quote spans of the sample corpus", function()
  it("lie within the text and slice to their texts", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      check_spans(name, text, support.collect(doc:entities()), "entity")
      check_spans(name, text, support.collect(doc:quotes()), "quote")
    end
  end)

  it("give speakers and cues that slice to their texts", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      for q in annot.annotate(text):quotes() do
        for _, part in ipairs{"speaker", "cue"} do
          local p = q[part]
          -- an anonymous or resolved speaker may carry no position
          if p and p.first then
            assert.equal(text:sub(p.first, p.last), p.text,
                         ("%s: %s of quote %d"):format(name, part, q.index))
          end
        end
      end
    end
  end)
end)

-- the JSON of ANNOTATION.md, read back with the strict decoder of
-- spec/support, so invalid JSON fails here too
describe("to_json over the sample corpus", function()
  it("parses as an object with the schema's top-level keys", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      -- decode errors name the byte, so report them rather than raise
      local ok, obj = pcall(json.decode, doc:to_json())
      assert.is_true(ok, name .. ": " .. tostring(obj))
      assert.equal("table", type(obj), name)
      assert.equal(#text, obj.text_bytes, name)
      for _, key in ipairs{"tokens", "sentences", "paragraphs", "entities", "quotes"} do
        assert.equal("table", type(obj[key]), name .. ": " .. key)
      end
    end
  end)

  it("holds as many items as the doc, sorted and within the text", function()
    for _, name in ipairs(files) do
      local text = texts[name]
      local doc = annot.annotate(text)
      local obj = json.decode(doc:to_json())
      local counts = doc:counts()
      for _, key in ipairs{"tokens", "sentences", "paragraphs", "entities", "quotes"} do
        assert.equal(counts[key], #obj[key], name .. ": " .. key)
        check_json_list(name, text, obj[key], key)
      end
    end
  end)

  it("leaves the tokens out on request and keeps the rest", function()
    for _, name in ipairs(files) do
      local doc = annot.annotate(texts[name])
      local full = json.decode(doc:to_json())
      local short = json.decode(doc:to_json{tokens = false})
      assert.is_nil(short.tokens, name)
      assert.equal(#full.sentences, #short.sentences, name)
      assert.equal(#full.entities, #short.entities, name)
      assert.equal(#full.quotes, #short.quotes, name)
    end
  end)
end)
