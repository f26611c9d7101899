-- spec/fake_doc.lua: hand-annotated stand-ins for docs, for the toolkit
-- specs (analysis, exporters, HTML).
--
-- The toolkit reads docs only through the Lua API (doc.text, #doc,
-- doc:tokens(), doc:sentences(), doc:paragraphs(), doc:entities(filter),
-- doc:quotes(filter)), so a table with those methods and annotations that
-- the spec states tests the toolkit's own logic exactly, whatever the
-- annotator's accuracy of the day.  Specs check the real annotator too.
--
--   local doc = fake.doc(text, {
--     entities = {{"Antony Blinken", "PERSON", canonical = "Antony Blinken"},
--                 {"Lavrov", "PERSON", nth = 2}},
--     quotes = {{"“We are ready,”", "direct",
--                speaker = {"Blinken", canonical = "Antony Blinken"}, cue = "said"}},
--   })
--
-- A span is given by its text and 'nth' (which occurrence, default 1);
-- a speaker or cue ({text, nth = n} or a string) is looked for after
-- its quote first, then anywhere, unless 'nth' says which.

local fake = {}

-- punctuation that is more than one byte and is a token of its own
local MULTI = { "“", "”", "‘", "’", "—", "–", "…", "«", "»", "„" }

-- Split 'text' into tokens: a list of {first, last} (1-based inclusive).
local function tokenize(text)
  local toks, i, n = {}, 1, #text
  while i <= n do
    local c = text:sub(i, i)
    if c:match("%s") then
      i = i + 1
    else
      local hit
      for _, p in ipairs(MULTI) do
        if text:sub(i, i + #p - 1) == p then hit = p; break end
      end
      if hit then
        toks[#toks + 1] = { i, i + #hit - 1 }
        i = i + #hit
      elseif c:match("[%w\128-\255]") then
        -- a word: letters, digits and non-ASCII bytes up to the next
        -- space, ASCII punctuation or multi-byte punctuation
        local j = i
        while j <= n do
          local d = text:sub(j, j)
          if not d:match("[%w\128-\255]") then break end
          local stop = false
          for _, p in ipairs(MULTI) do
            if text:sub(j, j + #p - 1) == p then stop = true; break end
          end
          if stop then break end
          j = j + 1
        end
        toks[#toks + 1] = { i, j - 1 }
        i = j
      else
        toks[#toks + 1] = { i, i }
        i = i + 1
      end
    end
  end
  return toks
end

-- The byte range of the 'nth' occurrence of 'needle' at or after 'from'.
local function locate(text, needle, nth, from)
  local pos = from or 1
  for _ = 1, nth or 1 do
    local a, b = text:find(needle, pos, true)
    if not a then return nil end
    if _ == (nth or 1) then return a, b end
    pos = b + 1
  end
end

-- The token indices covering bytes [first, last].
local function token_range(toks, first, last)
  local a, b
  for i, t in ipairs(toks) do
    if not a and t[2] >= first then a = i end
    if t[1] <= last then b = i end
  end
  return a, b
end

-- an iterator over a list, keeping the items 'keep' accepts
local function iter(list, keep)
  local i = 0
  return function()
    while true do
      i = i + 1
      local x = list[i]
      if x == nil or not keep or keep(x) then return x end
    end
  end
end

-- Does 'value' match a filter field (a string or a list of strings)?
local function matches(field, value)
  if field == nil then return true end
  if type(field) == "string" then return field == value end
  for _, f in ipairs(field) do if f == value then return true end end
  return false
end

local Doc = {}
Doc.__index = Doc
Doc.__len = function(d) return #d._toks end

function Doc:tokens()
  local i = 0
  return function()
    i = i + 1
    local t = self._toks[i]
    if t then return i, self.text:sub(t[1], t[2]), t[1], t[2], "word" end
  end
end
function Doc:sentences() return iter(self._sents) end
function Doc:paragraphs() return iter(self._paras) end
function Doc:entities(filter)
  if not filter then return iter(self._ents) end
  return iter(self._ents, function(m)
    return matches(filter.type, m.type) and matches(filter.canonical, m.canonical)
  end)
end
function Doc:quotes(filter)
  if not filter then return iter(self._quotes) end
  return iter(self._quotes, function(q)
    local s = q.speaker
    return matches(filter.kind, q.kind)
       and (filter.speaker == nil or (s and (s.canonical == filter.speaker or s.text == filter.speaker)))
  end)
end

-- A span record over bytes [first, last].
local function span(doc, first, last, extra)
  local s = extra or {}
  s.first, s.last, s.start, s.stop = first, last, first - 1, last
  s.text = doc.text:sub(first, last)
  s.first_token, s.last_token = token_range(doc._toks, first, last)
  return s
end

-- fake.doc(text, spec): a doc-like table with the annotations of 'spec'.
function fake.doc(text, spec)
  spec = spec or {}
  local d = setmetatable({ text = text, _toks = tokenize(text), _sents = {}, _paras = {},
                           _ents = {}, _quotes = {} }, Doc)
  -- paragraphs: split at blank lines
  local pos = 1
  for a, b in text:gmatch("()\n%s*\n()") do
    if a > pos then d._paras[#d._paras + 1] = span(d, pos, a - 1) end
    pos = b
  end
  if pos <= #text then d._paras[#d._paras + 1] = span(d, pos, #text) end
  -- sentences: within paragraphs, ending after . ! ? (and a closing quote)
  for _, p in ipairs(d._paras) do
    local start = nil
    for i = p.first_token, p.last_token do
      local t = d._toks[i]
      start = start or t[1]
      local tx = text:sub(t[1], t[2])
      local nxt = d._toks[i + 1]
      local ends = i == p.last_token
      if tx == "." or tx == "!" or tx == "?" then
        -- the sentence ends after the closing quote that follows, if any
        ends = ends or not (nxt and nxt[1] <= p.last and text:sub(nxt[1], nxt[2]) == "”")
      elseif tx == "”" and i > p.first_token then
        local prev = d._toks[i - 1]
        ends = ends or text:sub(prev[1], prev[2]):match("^[.!?]$") ~= nil
      end
      if ends then
        d._sents[#d._sents + 1] = span(d, start, t[2])
        start = nil
      end
    end
  end
  for i, s in ipairs(d._sents) do s.index = i end
  -- entities, in text order
  for _, e in ipairs(spec.entities or {}) do
    local a, b = locate(text, e[1], e.nth)
    assert(a, "fake.doc: no '" .. e[1] .. "' in the text")
    d._ents[#d._ents + 1] = span(d, a, b, { type = e[2], canonical = e.canonical,
                                           role = e.role, source = e.source or "lexicon" })
  end
  table.sort(d._ents, function(x, y) return x.first < y.first end)
  local ids, next_id = {}, 0
  for i, m in ipairs(d._ents) do
    m.index = i
    local key = m.canonical or m.text
    if not ids[key] then next_id = next_id + 1; ids[key] = next_id end
    m.id = ids[key]
  end
  -- quotes, with speakers and cues
  for _, q in ipairs(spec.quotes or {}) do
    local a, b = locate(text, q[1], q.nth)
    assert(a, "fake.doc: no quote '" .. q[1] .. "' in the text")
    local rec = span(d, a, b, { kind = q[2] })
    if q.speaker then
      local sp = type(q.speaker) == "string" and { q.speaker } or q.speaker
      local sa, sb
      if not sp.nth then sa, sb = locate(text, sp[1], 1, b + 1) end
      if not sa then sa, sb = locate(text, sp[1], sp.nth) end
      assert(sa, "fake.doc: no speaker '" .. sp[1] .. "'")
      rec.speaker = { text = sp[1], first = sa, last = sb, canonical = sp.canonical,
                      anonymous = sp.anonymous or false }
    end
    if q.cue then
      local cue = type(q.cue) == "string" and { q.cue } or q.cue
      local ca, cb
      if not cue.nth then ca, cb = locate(text, cue[1], 1, b + 1) end
      if not ca then ca, cb = locate(text, cue[1], cue.nth) end
      assert(ca, "fake.doc: no cue '" .. cue[1] .. "'")
      rec.cue = { text = cue[1], first = ca, last = cb }
    end
    d._quotes[#d._quotes + 1] = rec
  end
  table.sort(d._quotes, function(x, y) return x.first < y.first end)
  return d
end

fake.tokenize = tokenize
return fake
