-- spec/09-json_spec.lua: doc:to_json, the JSON of ANNOTATION.md: the
-- schema, offsets that slice to the texts, escaping, invalid UTF-8 still
-- giving valid JSON, and leaving the tokens out; to_json_many, the same
-- JSON made on threads.

local support = require "spec.support"
local annot = require "annot"
local json = support.json

local TEXT = "Ukraine’s foreign minister Dmytro Kuleba met his Russian counterpart " ..
             "Sergei Lavrov in Antalya on Thursday.\n\n" ..
             "“We are not going to surrender,” Kuleba told reporters after the talks, " ..
             "which he called “difficult.” Lavrov said Moscow had presented its proposals."

-- the JSON 'start'/'end' slice of the text (0-based, end exclusive)
local function slice(text, obj)
  return text:sub(obj.start + 1, obj["end"])
end

-- is every element of 'list' sorted by start?
local function sorted_by_start(list)
  for i = 2, #list do
    if list[i].start < list[i - 1].start then return false end
  end
  return true
end

describe("to_json schema", function()
  local doc = annot.annotate(TEXT)
  local obj = json.decode(doc:to_json())

  it("has text_bytes and every list", function()
    assert.equal(#TEXT, obj.text_bytes)
    for _, name in ipairs{"tokens", "sentences", "paragraphs", "entities", "quotes"} do
      assert.equal("table", type(obj[name]), name)
    end
  end)

  it("writes one line", function()
    assert.is_nil(doc:to_json():find("\n", 1, true))
  end)

  it("writes tokens with start, end, norm and kind", function()
    assert.equal(#doc, #obj.tokens)
    local i = 0
    for _, text, first, last, kind in doc:tokens() do
      i = i + 1
      local t = obj.tokens[i]
      assert.equal(first - 1, t.start)
      assert.equal(last, t["end"])
      assert.equal(kind, t.kind)
      assert.equal(select(5, doc:token(i)), t.norm)
      assert.equal(text, slice(TEXT, t))
    end
  end)

  it("writes sentences and paragraphs as ranges", function()
    assert.equal(doc:counts().sentences, #obj.sentences)
    assert.equal(2, #obj.paragraphs)
    for i, s in ipairs(obj.sentences) do
      assert.equal(doc:sentence(i).text, slice(TEXT, s))
    end
    assert.is_true(sorted_by_start(obj.sentences))
  end)

  it("writes entities with their fields", function()
    assert.is_true(#obj.entities > 0)
    assert.is_true(sorted_by_start(obj.entities))
    local i = 0
    for m in doc:entities() do
      i = i + 1
      local e = obj.entities[i]
      assert.equal(m.text, e.text)
      assert.equal(m.text, slice(TEXT, e))
      assert.equal(m.type, e.type)
      assert.equal(m.canonical or json.null, e.canonical)
      assert.equal(m.role, e.role)
      assert.equal(m.source, e.source)
      assert.equal(m.id and m.id - 1 or json.null, e.id)
    end
  end)

  it("writes a role only when there is one", function()
    local found_role = false
    for _, e in ipairs(obj.entities) do
      if e.text == "Dmytro Kuleba" then
        assert.matches("foreign minister$", e.role)
        found_role = true
      elseif e.type ~= "PERSON" then
        assert.is_nil(e.role)
      end
    end
    assert.is_true(found_role)
  end)

  it("writes quotes with speaker and cue", function()
    assert.is_true(#obj.quotes >= 2)
    assert.is_true(sorted_by_start(obj.quotes))
    local direct
    for _, q in ipairs(obj.quotes) do
      assert.equal(slice(TEXT, q), q.text)
      assert.is_string(q.kind)
      if q.speaker ~= json.null then
        assert.equal(slice(TEXT, q.speaker), q.speaker.text)
        assert.is_boolean(q.speaker.anonymous)
      end
      if q.cue ~= json.null then assert.equal(slice(TEXT, q.cue), q.cue.text) end
      if q.kind == "direct" then direct = q end
      assert.is_nil(q.unclosed)
      assert.is_nil(q.turn)
    end
    assert.is_not_nil(direct)
    assert.equal("“We are not going to surrender,”", direct.text)
    assert.equal("Kuleba", direct.speaker.text)
    assert.equal("told", direct.cue.text)
  end)

  it("marks an unclosed quote", function()
    local text = "The minister said: “We will defend every city and every village\n\nThe talks ended."
    local q = json.decode(annot.annotate(text):to_json()).quotes[1]
    assert.is_not_nil(q)
    assert.is_true(q.unclosed)
  end)
end)

describe("to_json tokens = false", function()
  it("leaves the tokens out and keeps the rest", function()
    local doc = annot.annotate(TEXT)
    local full = json.decode(doc:to_json())
    local short = json.decode(doc:to_json{tokens = false})
    assert.is_nil(short.tokens)
    assert.same(full.entities, short.entities)
    assert.same(full.quotes, short.quotes)
    assert.equal(full.text_bytes, short.text_bytes)
  end)

  it("writes the tokens when tokens = true", function()
    local obj = json.decode(annot.annotate("Kyiv."):to_json{tokens = true})
    assert.equal(2, #obj.tokens)
  end)
end)

describe("to_json_many", function()
  -- texts of several sizes, with invalid UTF-8 and an empty one
  local function texts()
    local list = {}
    for i = 1, 37 do
      list[i] = (TEXT .. " Day " .. i .. ".\n\n"):rep(i % 5 + 1)
    end
    list[3] = ""
    list[8] = "Kyiv \x80 Moscow said \xE2\x80 “no.”"
    return list
  end

  it("gives what doc:to_json gives, in order, on any number of threads", function()
    local list = texts()
    for _, threads in ipairs{1, 2, 5, 0} do
      for _, tokens in ipairs{true, false} do
        local out, errors = annot.to_json_many(list, {threads = threads, tokens = tokens})
        assert.is_nil(errors)
        assert.equal(#list, #out)
        for i, text in ipairs(list) do
          assert.equal(annot.annotate(text):to_json{tokens = tokens}, out[i])
        end
      end
    end
  end)

  it("writes the tokens unless told not to", function()
    local out = annot.to_json_many({"Kyiv."})
    assert.equal(2, #json.decode(out[1]).tokens)
  end)

  it("uses the pipeline it is given, or its own method's", function()
    local p = annot.pipeline{patterns = {{"CODE", [[KX-\d+]]}}}
    local a = annot.to_json_many({"Unit KX-7 left."}, {pipeline = p, tokens = false})
    local b = p:to_json_many({"Unit KX-7 left."}, {threads = 2, tokens = false})
    assert.equal(a[1], b[1])
    assert.equal("CODE", json.decode(a[1]).entities[1].type)
  end)

  it("fails a text alone, with its message, and goes on", function()
    local p = annot.pipeline{default_lexicon = false, match_limit = 10000,
                             patterns = {{"SLOW", "(a+)+$"}}}
    local out, errors = p:to_json_many({"fine", ("a"):rep(40) .. "!", "fine too"}, {threads = 2})
    assert.equal(3, #out)
    assert.is_false(out[2])
    assert.matches("^pattern 'SLOW': match limit", errors[2])
    assert.is_nil(errors[1])
    assert.equal(p:annotate("fine too"):to_json(), out[3])
  end)

  it("writes an id first where 'ids' gives one (as JSON)", function()
    local list = {"Kyiv is calm.", "Moscow said no.", "Paris."}
    local out = annot.to_json_many(list, {tokens = false, ids = {'"a1"', false, "7"}})
    local plain = annot.to_json_many(list, {tokens = false})
    assert.equal('{"id":"a1",' .. plain[1]:sub(2), out[1])
    assert.equal(plain[2], out[2])
    assert.equal(7, json.decode(out[3]).id)
    assert.equal(#list[3], json.decode(out[3]).text_bytes)
    assert.has_error(function() annot.to_json_many(list, {ids = {1}}) end,
                     "annot.to_json_many: option 'ids'[1]: a string of JSON expected")
    assert.has_error(function() annot.to_json_many(list, {ids = "a"}) end,
                     "annot.to_json_many: option 'ids': a list expected")
  end)

  it("returns an empty list for no texts", function()
    local out, errors = annot.to_json_many({})
    assert.same({}, out)
    assert.is_nil(errors)
  end)

  it("reads files on the threads with 'paths', failing an unreadable one alone", function()
    local list = texts()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    local paths = {}
    for i, text in ipairs(list) do
      paths[i] = dir .. "/" .. i .. ".txt"
      local f = assert(io.open(paths[i], "wb"))
      f:write(text)
      f:close()
    end
    -- one path names no file, one a directory (opened, but not readable)
    paths[5] = dir .. "/missing.txt"
    paths[9] = dir
    for _, threads in ipairs{1, 2, 0} do
      local out, errors = annot.to_json_many(paths, {threads = threads, tokens = false,
                                                     paths = true, ids = {'"x"'}})
      assert.equal(#list, #out)
      for i, text in ipairs(list) do
        if i == 5 or i == 9 then
          assert.is_false(out[i])
        else
          local want = annot.annotate(text):to_json{tokens = false}
          if i == 1 then want = '{"id":"x",' .. want:sub(2) end
          assert.equal(want, out[i])
        end
      end
      assert.equal(dir .. "/missing.txt: No such file or directory", errors[5])
      assert.equal(dir .. ": Is a directory", errors[9])
      assert.is_nil(errors[1])
    end
    local p = annot.pipeline{patterns = {{"CODE", [[KX-\d+]]}}}
    local f = assert(io.open(paths[1], "wb"))
    f:write("Unit KX-7 left.")
    f:close()
    local out = p:to_json_many({paths[1]}, {paths = true, tokens = false})
    assert.equal(p:annotate("Unit KX-7 left."):to_json{tokens = false}, out[1])
    assert.has_error(function() p:to_json_many({"a\0b"}, {paths = true}) end,
                     "to_json_many: path 1 holds a NUL byte")
    assert.has_error(function() p:to_json_many({}, {paths = 1}) end,
                     "to_json_many: option 'paths': a boolean expected")
    os.execute("rm -r " .. dir)
  end)

  it("checks its arguments and options", function()
    local p = annot.pipeline{}
    assert.has_error(function() annot.to_json_many("text") end,
                     "bad argument #1 to 'to_json_many' (table expected, got string)")
    assert.has_error(function() annot.to_json_many({"a", 3}) end,
                     "bad argument #1 to 'to_json_many' (text 2 is a number, not a string)")
    assert.has_error(function() annot.to_json_many({}, {thread = 2}) end,
                     "annot.to_json_many: option 'thread': unknown")
    assert.has_error(function() annot.to_json_many({}, {tokens = 0}) end,
                     "annot.to_json_many: option 'tokens': a boolean expected")
    assert.has_error(function() annot.to_json_many({}, {pipeline = {}}) end,
                     "annot.to_json_many: option 'pipeline': a pipeline expected")
    assert.has_error(function() p:to_json_many({}, {threads = -1}) end,
                     "to_json_many: option 'threads': a non-negative integer expected")
    assert.has_error(function() p:to_json_many({}, {pipeline = p}) end,
                     "to_json_many: option 'pipeline': unknown")
  end)
end)

describe("to_json escaping", function()
  local cases = {
    {"quote and backslash", 'He wrote "C:\\temp" twice.'},
    {"tab, CR and LF", "Kyiv\tMoscow\r\nMinsk"},
    {"control characters", "alarm\7 and \27escape \1"},
    {"NUL bytes", "before\0after"},
    {"non-ASCII kept as is", "Zelenskyy’s «peace» — Київ €5"},
    {"four-byte characters", "flags 🇺🇦 and 😀"},
  }
  -- one mention over the whole text, so its "text" must decode to it
  local whole = annot.pipeline{default_lexicon = false, patterns = {{"ALL", "(?s)^.+$"}}}
  for _, case in ipairs(cases) do
    it("round-trips " .. case[1], function()
      local text = case[2]
      local s = whole:annotate(text):to_json()
      assert.is_nil(s:find("[%z\1-\31]"))
      local obj = json.decode(s)
      assert.equal(#text, obj.text_bytes)
      assert.equal(text, obj.entities[1].text)
      for _, t in ipairs(obj.tokens) do assert.is_string(t.norm) end
    end)
  end

  it("escapes controls as \\u00XX", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"CODE", "A\\x01B"}}}
    local s = p:annotate("x A\1B y"):to_json()
    assert.truthy(s:find('"text":"A\\u0001B"', 1, true))
  end)

  it("escapes a quote and a backslash in entity text", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"CODE", 'Q"\\\\Z'}}}
    local s = p:annotate('x Q"\\Z y'):to_json()
    assert.truthy(s:find('"text":"Q\\"\\\\Z"', 1, true))
    assert.equal('Q"\\Z', json.decode(s).entities[1].text)
  end)

  it("copies valid UTF-8 unchanged", function()
    local p = annot.pipeline{default_lexicon = false, patterns = {{"CITY", "Київ"}}}
    local s = p:annotate("in Київ today"):to_json()
    assert.truthy(s:find('"text":"Київ"', 1, true))
  end)
end)

describe("to_json invalid UTF-8", function()
  local bad = {
    {"a lone continuation byte", "Kyiv \x80 Moscow"},
    {"a truncated sequence", "Kyiv \xE2\x80 Moscow"},
    {"an overlong form", "Kyiv \xC0\xAF Moscow"},
    {"a surrogate", "Kyiv \xED\xA0\x80 Moscow"},
    {"bytes past U+10FFFF", "Kyiv \xF4\x90\x80\x80 Moscow"},
    {"0xFF at the very end", "Kyiv\xFF"},
  }
  for _, case in ipairs(bad) do
    it("still gives valid JSON for " .. case[1], function()
      local text = case[2]
      local s = annot.annotate(text):to_json()
      assert.is_nil(utf8.len(text))
      assert.is_not_nil(utf8.len(s))
      local obj = json.decode(s)
      assert.equal(#text, obj.text_bytes)
      assert.truthy(s:find("\\ufffd", 1, true))
      -- offsets still count the original bytes
      local last = obj.tokens[#obj.tokens]
      assert.is_true(last["end"] <= #text)
    end)
  end
end)

describe("to_json on the shared corpus", function()
  local dir = support.corpus_dir()
  it("gives valid JSON whose offsets slice to texts", function()
    if not dir then pending("no ../shared/corpus") return end
    local listing = io.popen('ls "' .. dir .. '"/*.txt 2>/dev/null')
    local n = 0
    for path in listing:lines() do
      local f = assert(io.open(path, "rb"))
      local text = f:read("a")
      f:close()
      local obj = json.decode(annot.annotate(text):to_json())
      assert.equal(#text, obj.text_bytes)
      for _, layer in ipairs{"entities", "quotes"} do
        for _, e in ipairs(obj[layer]) do assert.equal(slice(text, e), e.text) end
      end
      n = n + 1
    end
    listing:close()
    if n == 0 then pending("no .txt files in " .. dir) end
  end)
end)
