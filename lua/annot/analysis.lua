-- annot.analysis: corpus-level analyses over annotated docs.
--
-- Every function takes a 'source' of documents: a corpus (annot.corpus),
-- a single doc, a list of docs, or an iterator of (name, doc) such as
-- 'corpus:docs()' or the 'docs()' of 'annot run'.  Results are plain Lua
-- tables (lists of records) that 'table.sort' can reorder and
-- 'analysis.print' (or annot.tabular) prints as aligned text tables.
-- doc/toolkit.md shows each one with its output.

local table, string, math = table, string, math
local type, ipairs, pairs, tostring, error, require, setmetatable, getmetatable =
      type, ipairs, pairs, tostring, error, require, setmetatable, getmetatable
local sort, concat = table.sort, table.concat
local lower, gsub, format = string.lower, string.gsub, string.format

local tabular = require "annot.tabular"

local analysis = { _VERSION = "annot.analysis 0.1.0" }

_ENV = nil

-- the named-entity types: the default for networks, timelines, topics
local NAMED = { "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT" }
analysis.NAMED_TYPES = NAMED

-- {==================================================================
-- Helpers
-- ===================================================================

-- Is 'x' a doc (an object with text and tokens), rather than a list?
local function is_doc(x)
  if type(x) == "userdata" then return true end
  if type(x) ~= "table" then return false end
  local ok = getmetatable(x) ~= nil and x.tokens ~= nil and x.text ~= nil
  return ok
end

-- analysis.each_doc(source): an iterator of (name, doc) over any source:
-- a corpus, a doc, a list of docs (named by position) or an iterator.
function analysis.each_doc(source)
  local t = type(source)
  if t == "function" then return source end
  if is_doc(source) then
    local done = false
    return function()
      if done then return nil end
      done = true
      return "doc", source
    end
  end
  if t == "table" and type(source.docs) == "function" then return source:docs() end
  if t == "table" then
    local i = 0
    return function()
      i = i + 1
      local d = source[i]
      if d ~= nil then return i, d end
    end
  end
  error("annot.analysis: expected a corpus, a doc, a list of docs or an iterator", 3)
end

-- The name an entity mention is counted under: its canonical name, else
-- its text with spacing tidied.
local function key_of(m)
  return m.canonical or (gsub(m.text, "%s+", " "))
end
analysis.entity_key = key_of

-- A set of types from a string, a list, or nil (then 'default', a list).
local function type_set(types, default)
  if types == nil then types = default end
  if types == nil then return nil end
  if type(types) == "string" then types = { types } end
  local set = {}
  for _, t in ipairs(types) do set[t] = true end
  return set
end

-- Add 'n' (default 1) to counts[key].
local function bump(counts, key, n)
  counts[key] = (counts[key] or 0) + (n or 1)
end

-- analysis.summary(counts [, n]): "a 3, b 2" for a counts table (as the
-- analyses build: key -> count), most first, ties by name, at most 'n'.
function analysis.summary(counts, n)
  local keys = {}
  for k, v in pairs(counts) do
    if type(v) == "number" then keys[#keys + 1] = tostring(k) end
  end
  sort(keys, function(a, b)
    if counts[a] ~= counts[b] then return counts[a] > counts[b] end
    return a < b
  end)
  local parts = {}
  for i, k in ipairs(keys) do
    if n and i > n then break end
    parts[i] = k .. " " .. counts[k]
  end
  return concat(parts, ", ")
end

-- analysis.sort(rows, field [, ascending]): sort the rows in place by a
-- field, largest first unless 'ascending'; ties keep a stable order by
-- the rows' first string field.  Returns the rows.
function analysis.sort(rows, field, ascending)
  for i, r in ipairs(rows) do r.__order = i end
  sort(rows, function(a, b)
    local x, y = a[field], b[field]
    if x ~= y and x ~= nil and y ~= nil then
      if ascending then return x < y end
      return x > y
    end
    return a.__order < b.__order
  end)
  for _, r in ipairs(rows) do r.__order = nil end
  return rows
end

-- analysis.print(rows [, columns | opts]): print rows as an aligned table
-- on standard output; 'columns' is a list of field names.
function analysis.print(rows, opts)
  if opts and opts[1] then opts = { columns = opts } end
  tabular.print(rows, opts)
end

-- analysis.format(rows [, columns | opts]): the same table as a string.
function analysis.format(rows, opts)
  if opts and opts[1] then opts = { columns = opts } end
  return tabular.format(rows, opts)
end

-- The mentions of a doc as a list, in text order, optionally of some types.
local function mentions_of(doc, types)
  local list = {}
  for m in doc:entities() do
    if not types or types[m.type] then list[#list + 1] = m end
  end
  return list
end

-- The sentences (or paragraphs) of a doc as a list of {first, last};
-- a doc without that layer is one unit.
local function units_of(doc, unit)
  local list = {}
  local iter = unit == "paragraph" and doc:paragraphs() or doc:sentences()
  for s in iter do list[#list + 1] = { first = s.first, last = s.last, text = s.text } end
  if #list == 0 then list[1] = { first = 1, last = #doc.text, text = doc.text } end
  return list
end

-- Hand each mention to the unit that holds its start: returns a list of
-- lists of mentions, one per unit (both inputs in text order).
local function group_by_unit(units, mentions)
  local groups, u = {}, 1
  for i = 1, #units do groups[i] = {} end
  -- one forward walk: both lists are in text order; a mention between
  -- two units (in the gap) goes to the next one
  for _, m in ipairs(mentions) do
    while u < #units and m.first > units[u].last do u = u + 1 end
    local g = groups[u]
    g[#g + 1] = m
  end
  return groups
end

-- }==================================================================


-- {==================================================================
-- Concordance (keyword in context)
-- ===================================================================

-- The tokens of a doc as parallel arrays of first, last and folded text.
local function token_arrays(doc)
  local firsts, lasts, folded = {}, {}, {}
  for i, text, first, last in doc:tokens() do
    firsts[i], lasts[i] = first, last
    folded[i] = lower((gsub(text, "\u{2019}", "'")))
  end
  return firsts, lasts, folded
end

-- The text from token 'a' to token 'b' on one line ("" when a > b).
local function stretch(text, firsts, lasts, a, b)
  if a > b then return "" end
  return (gsub(text:sub(firsts[a], lasts[b]), "%s+", " "))
end

-- analysis.kwic(source, query [, opts]): keyword-in-context concordance.
-- 'query' is a word or phrase (matched token by token, ignoring case) or
-- an entity filter {type = ..., canonical = ...} (matching mentions).
-- 'opts.window': context tokens on each side (default 6).  Returns rows
-- {doc, first, last, left, match, right}.
function analysis.kwic(source, query, opts)
  opts = opts or {}
  local window = opts.window or 6
  local words
  if type(query) == "string" then
    words = {}
    for w in query:gmatch("[^%s]+") do words[#words + 1] = lower((gsub(w, "\u{2019}", "'"))) end
    if #words == 0 then error("analysis.kwic: empty query", 2) end
  elseif type(query) ~= "table" then
    error("analysis.kwic: query must be a string or an entity filter", 2)
  end
  local rows = {}
  for name, doc in analysis.each_doc(source) do
    local text = doc.text
    local firsts, lasts, folded = token_arrays(doc)
    local n = #firsts
    -- each hit as a token range [a, b]
    local hits = {}
    -- a query word may span tokens ("Russia's" is 'Russia' + ''s'): the
    -- tokens from a start are joined until they are as long as the word
    if words then
      -- collect the words of the query as a sequence of tokens: a query
      -- word may be several tokens ("U.S.-made"), so compare joined
      for i = 1, n do
        local ok, j = true, i
        for _, w in ipairs(words) do
          -- a query word matches one or more tokens that spell it
          local acc = ""
          while j <= n and #acc < #w do
            acc = acc .. folded[j]
            j = j + 1
          end
          if acc ~= w then ok = false; break end
        end
        if ok then hits[#hits + 1] = { i, j - 1 } end
      end
    else
      for m in doc:entities(query) do hits[#hits + 1] = { m.first_token, m.last_token } end
    end
    for _, h in ipairs(hits) do
      local a, b = h[1], h[2]
      rows[#rows + 1] = {
        doc = name, first = firsts[a], last = lasts[b],
        left = stretch(text, firsts, lasts, math.max(1, a - window), a - 1),
        match = stretch(text, firsts, lasts, a, b),
        right = stretch(text, firsts, lasts, b + 1, math.min(n, b + window)),
      }
    end
  end
  return rows
end

-- }==================================================================


-- {==================================================================
-- Entity frequency and co-occurrence
-- ===================================================================

-- analysis.entity_frequency(source [, opts]): how often each entity is
-- mentioned, by canonical name and type.  'opts.types' limits the types
-- (a name or a list; default all).  Returns rows {canonical, type,
-- mentions, docs}, most mentioned first (ties by name).
function analysis.entity_frequency(source, opts)
  opts = opts or {}
  local types = type_set(opts.types)
  local by_key, rows = {}, {}
  for name, doc in analysis.each_doc(source) do
    for m in doc:entities() do
      if not types or types[m.type] then
        local key = m.type .. "\0" .. key_of(m)
        local r = by_key[key]
        if not r then
          r = { canonical = key_of(m), type = m.type, mentions = 0, docs = 0 }
          by_key[key] = r
          rows[#rows + 1] = r
        end
        r.mentions = r.mentions + 1
        if r.last_doc ~= name then r.docs = r.docs + 1; r.last_doc = name end
      end
    end
  end
  for _, r in ipairs(rows) do r.last_doc = nil end
  sort(rows, function(a, b)
    if a.mentions ~= b.mentions then return a.mentions > b.mentions end
    if a.canonical ~= b.canonical then return a.canonical < b.canonical end
    return a.type < b.type
  end)
  return rows
end

-- analysis.cooccurrence(source [, opts]): entities mentioned together in
-- one sentence ('opts.unit' = "sentence", the default) or paragraph, as an
-- undirected edge list.  Each unit counts a pair once.  'opts.types':
-- default the named types (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT).
-- 'opts.min': leave out edges with a smaller weight.  Returns rows
-- {source, target, weight, source_type, target_type, docs}, heaviest
-- first (ties by names); source < target.
function analysis.cooccurrence(source, opts)
  opts = opts or {}
  local unit = opts.unit or "sentence"
  if unit ~= "sentence" and unit ~= "paragraph" then
    error("analysis.cooccurrence: option 'unit' must be \"sentence\" or \"paragraph\"", 2)
  end
  local types = type_set(opts.types, NAMED)
  local edges, rows = {}, {}
  for name, doc in analysis.each_doc(source) do
    local groups = group_by_unit(units_of(doc, unit), mentions_of(doc, types))
    for _, g in ipairs(groups) do
      -- the distinct entities of the unit, in a stable order
      local seen, ents = {}, {}
      for _, m in ipairs(g) do
        local k = key_of(m)
        if not seen[k] then
          seen[k] = m.type
          ents[#ents + 1] = k
        end
      end
      sort(ents)
      for i = 1, #ents do
        for j = i + 1, #ents do
          local a, b = ents[i], ents[j]
          -- NUL cannot be in a name, so the pair key is unambiguous
          local key = a .. "\0" .. b
          local e = edges[key]
          if not e then
            e = { source = a, target = b, weight = 0, docs = 0,
                  source_type = seen[a], target_type = seen[b] }
            edges[key] = e
            rows[#rows + 1] = e
          end
          e.weight = e.weight + 1
          if e.last_doc ~= name then e.docs = e.docs + 1; e.last_doc = name end
        end
      end
    end
  end
  local kept = {}
  for _, e in ipairs(rows) do
    e.last_doc = nil
    if not opts.min or e.weight >= opts.min then kept[#kept + 1] = e end
  end
  sort(kept, function(a, b)
    if a.weight ~= b.weight then return a.weight > b.weight end
    if a.source ~= b.source then return a.source < b.source end
    return a.target < b.target
  end)
  return kept
end

-- }==================================================================


-- {==================================================================
-- Who said what (about whom)
-- ===================================================================

local SpeakerTable = {}
SpeakerTable.__index = SpeakerTable

-- analysis.speaker_table(): an accumulator of speakers, fed one doc at a
-- time with 'st:add(doc, name)' and read with 'st:rows([top])'.  The CLI's
-- 'speakers' command and 'who_said_what' use it.
function analysis.speaker_table()
  return setmetatable({ by_key = {}, list = {} }, SpeakerTable)
end

-- st:add(doc [, name]): count the quotes of 'doc' by speaker, with their
-- kinds, cues, and the entities mentioned inside them (the speaker left out).
function SpeakerTable.add(st, doc, name)
  local mentions = mentions_of(doc, type_set(nil, NAMED))
  for q in doc:quotes() do
    local s = q.speaker
    if s then
      local key = s.canonical or (gsub(s.text, "%s+", " "))
      local r = st.by_key[key]
      if not r then
        r = { speaker = key, canonical = s.canonical, anonymous = s.anonymous or false,
              quotes = 0, direct = 0, partial = 0, indirect = 0, docs = 0,
              cue_counts = {}, about_counts = {}, examples = {} }
        st.by_key[key] = r
        st.list[#st.list + 1] = r
      end
      r.quotes = r.quotes + 1
      if r[q.kind] then r[q.kind] = r[q.kind] + 1 end
      if r.last_doc ~= name or name == nil then r.docs = r.docs + 1; r.last_doc = name end
      if q.cue then bump(r.cue_counts, lower((gsub(q.cue.text, "%s+", " ")))) end
      -- the entities the quote mentions, each once per quote; mentions are
      -- in text order, so the scan stops past the quote
      local seen = {}
      for _, m in ipairs(mentions) do
        if m.first > q.last then break end
        if m.first >= q.first and m.last <= q.last then
          local k = key_of(m)
          if k ~= key and not seen[k] then
            seen[k] = true
            bump(r.about_counts, k)
          end
        end
      end
      r.examples[#r.examples + 1] = { doc = name, kind = q.kind, text = q.text,
                                      first = q.first, last = q.last }
    end
  end
  return st
end

-- st:rows([top]): the speakers, most quoted first (ties by name), each
-- {speaker, canonical, anonymous, quotes, direct, partial, indirect, docs,
-- cues = "said 3, told 1", about = "Russia 2, NATO 1", cue_counts,
-- about_counts, examples = {{doc, kind, text, first, last}...}}.
function SpeakerTable.rows(st, top)
  local rows = {}
  for i, r in ipairs(st.list) do rows[i] = r end
  sort(rows, function(a, b)
    if a.quotes ~= b.quotes then return a.quotes > b.quotes end
    return a.speaker < b.speaker
  end)
  local out = {}
  for i, r in ipairs(rows) do
    if top and i > top then break end
    r.last_doc = nil
    r.cues = analysis.summary(r.cue_counts)
    r.about = analysis.summary(r.about_counts, 5)
    out[i] = r
  end
  return out
end

-- analysis.who_said_what(source [, opts]): who is quoted across the
-- source, how often, with which cue verbs and about which entities (the
-- rows of 'speaker_table', see above).  'opts.top': at most that many.
function analysis.who_said_what(source, opts)
  opts = opts or {}
  local st = analysis.speaker_table()
  for name, doc in analysis.each_doc(source) do st:add(doc, name) end
  return st:rows(opts.top)
end

-- analysis.quotes(source [, filter]): every quote as a row {doc, first,
-- last, kind, speaker, cue, text}; 'filter' as for doc:quotes().
function analysis.quotes(source, filter)
  local rows = {}
  for name, doc in analysis.each_doc(source) do
    for q in doc:quotes(filter) do
      local s = q.speaker
      rows[#rows + 1] = { doc = name, first = q.first, last = q.last, kind = q.kind,
                          speaker = s and (s.canonical or s.text),
                          cue = q.cue and q.cue.text, text = q.text }
    end
  end
  return rows
end

-- }==================================================================


-- {==================================================================
-- Timeline
-- ===================================================================

-- analysis.timeline(source [, opts]): entity mentions by date expression.
-- Each DATE mention is tied to the named entities of its sentence.
-- Returns rows grouped by date expression (as written, case folded for
-- grouping), in order of first appearance: {date, count, docs, entities
-- = "Russia 3, NATO 1", entity_counts}.  With 'opts.detail' it returns one
-- row per date mention instead: {doc, first, last, date, entities (a
-- string), sentence}.  'opts.types': which entities (default named).
function analysis.timeline(source, opts)
  opts = opts or {}
  local types = type_set(opts.types, NAMED)
  local groups, rows, detail = {}, {}, {}
  for name, doc in analysis.each_doc(source) do
    local units = units_of(doc, "sentence")
    local dates, named = {}, {}
    for m in doc:entities() do
      if m.type == "DATE" then dates[#dates + 1] = m
      elseif types[m.type] then named[#named + 1] = m end
    end
    local date_groups = group_by_unit(units, dates)
    local named_groups = group_by_unit(units, named)
    for u, list in ipairs(date_groups) do
      for _, d in ipairs(list) do
        -- "Friday" and "friday" are one expression; the first spelling
        -- seen is the one shown
        local date = gsub(d.text, "%s+", " ")
        local key = lower(date)
        local g = groups[key]
        if not g then
          g = { date = date, count = 0, docs = 0, entity_counts = {} }
          groups[key] = g
          rows[#rows + 1] = g
        end
        g.count = g.count + 1
        if g.last_doc ~= name then g.docs = g.docs + 1; g.last_doc = name end
        local seen, names = {}, {}
        for _, m in ipairs(named_groups[u]) do
          local k = key_of(m)
          if not seen[k] then
            seen[k] = true
            names[#names + 1] = k
            bump(g.entity_counts, k)
          end
        end
        detail[#detail + 1] = { doc = name, first = d.first, last = d.last, date = date,
                                entities = concat(names, ", "),
                                sentence = (gsub(units[u].text, "%s+", " ")) }
      end
    end
  end
  if opts.detail then return detail end
  for _, g in ipairs(rows) do
    g.last_doc = nil
    g.entities = analysis.summary(g.entity_counts, opts.top or 5)
  end
  return rows
end

-- }==================================================================

return analysis
