-- annot.export.brat: a doc as brat standoff annotations (.ann).
--
-- brat reads a text file NAME.txt and its annotations NAME.ann, with
-- offsets counted in Unicode code points (not bytes: this module converts).
-- Lines written:
--   T1<TAB>PERSON 19 33<TAB>Antony Blinken        an entity mention
--   #1<TAB>AnnotatorNotes T1<TAB>canonical: ...   its canonical name
--   T9<TAB>Quote 40 75<TAB>“...”                  a quote (opts.quotes)
--   A1<TAB>Kind T9 direct                          its kind
--   T10<TAB>Cue 77 81<TAB>said                     its speech verb
--   R1<TAB>Speaker Arg1:T9 Arg2:T1                 who said it
--   R2<TAB>Cue Arg1:T9 Arg2:T10
-- A span across line breaks is written as fragments ("0 5;6 12"), as brat
-- wants.  'brat.conf(doc)' gives a matching annotation.conf.  Offsets are
-- exact for valid UTF-8; a byte that is not valid UTF-8 counts as one
-- character.

local string, table, utf8 = string, table, utf8
local ipairs, tostring, format = ipairs, tostring, string.format
local concat, sort = table.concat, table.sort
local byte, gsub, find, sub = string.byte, string.gsub, string.find, string.sub

local brat = { _VERSION = "annot.export.brat 0.1.0" }

_ENV = nil

-- {==================================================================
-- Offsets
-- ===================================================================

-- The number of characters in text[i..j] (1-based, inclusive): each valid
-- UTF-8 sequence is one, each stray byte is one.
local function count_chars(text, i, j)
  if i > j then return 0 end
  local n = utf8.len(text, i, j)
  if n then return n end
  -- invalid somewhere: walk the bytes by their lead byte
  n = 0
  local p = i
  while p <= j do
    local b = byte(text, p)
    local size = b < 0x80 and 1 or b >= 0xF0 and 4 or b >= 0xE0 and 3 or b >= 0xC2 and 2 or 1
    if size > 1 and not (p + size - 1 <= #text and utf8.len(text:sub(p, p + size - 1)) == 1) then
      size = 1
    end
    n = n + 1
    p = p + size
  end
  return n
end

-- Fill 'map' (0-based byte offset -> 0-based character offset) for the
-- offsets of the list 'sorted' (ascending, repeats allowed): one walk
-- over the text, each gap counted once from the previous offset.
local function map_sorted(text, sorted, map)
  local chars, pos = 0, 0
  for k = 1, #sorted do
    local b = sorted[k]
    if b ~= pos then
      chars = chars + count_chars(text, pos + 1, b)
      pos = b
    end
    map[b] = chars
  end
  return map
end

-- brat.char_offsets(text, offsets): a table mapping each 0-based byte
-- offset of the list to its 0-based character offset, in one sweep.
function brat.char_offsets(text, offsets)
  local sorted = {}
  for k = 1, #offsets do sorted[k] = offsets[k] end
  sort(sorted)
  return map_sorted(text, sorted, {})
end

-- The fragments of the byte span [start, stop) with its line breaks left
-- out: a list of {start, stop} with no newline inside.
local function fragments(text, start, stop)
  local list, s = {}, start
  local piece = text:sub(start + 1, stop)
  for a, b in piece:gmatch("()[\r\n]+()") do
    local e = start + a - 1
    if e > s then list[#list + 1] = { s, e } end
    s = start + b - 1
  end
  if stop > s then list[#list + 1] = { s, stop } end
  if #list == 0 then list[1] = { start, stop } end
  return list
end

-- }==================================================================


-- {==================================================================
-- Writing
-- ===================================================================

-- brat's text field: the fragments' text on one line (tabs to spaces).
local function field(text, frags)
  local parts = {}
  for i, f in ipairs(frags) do parts[i] = text:sub(f[1] + 1, f[2]) end
  return (gsub(concat(parts, " "), "[\t\r\n]", " "))
end

-- 's' with tabs and line breaks as spaces, copied only when it has some.
local function one_line(s)
  if not find(s, "[\t\r\n]") then return s end
  return (gsub(s, "[\t\r\n]", " "))
end

-- brat.ann(doc [, opts]): the .ann text for 'doc'.  'opts.quotes' false
-- leaves quotes, cues and speakers out; 'opts.notes' false leaves the
-- canonical-name notes out.
function brat.ann(doc, opts)
  opts = opts or {}
  local text = doc.text
  -- the spans as parallel lists (no table per span): type, 0-based
  -- half-open byte range, canonical-name note; each mention's and quote's
  -- fields are read once
  local types, starts, stops, notes, ns = {}, {}, {}, {}, 0
  -- a span already written, by its range: first * key_base + last
  local key_base = #text + 2
  local known_at = {}
  for m in doc:entities() do
    local first, last, canonical = m.first, m.last, m.canonical
    ns = ns + 1
    types[ns], starts[ns], stops[ns] = m.type, first - 1, last
    if canonical ~= nil and canonical ~= m.text then notes[ns] = canonical end
    known_at[first * key_base + last] = ns
  end
  -- quotes: their span index 'qt', kind, speaker and cue span indices
  local qt, qkind, qspeaker, qcue, nq = {}, {}, {}, {}, 0
  if opts.quotes ~= false then
    for q in doc:quotes() do
      nq = nq + 1
      qkind[nq] = q.kind
      ns = ns + 1
      types[ns], starts[ns], stops[ns] = "Quote", q.first - 1, q.last
      qt[nq] = ns
      local s = q.speaker
      local sf, sl = s and s.first, s and s.last
      if sf and sl and sl >= sf then
        local key = sf * key_base + sl
        local known = known_at[key]
        if not known then
          ns = ns + 1
          types[ns], starts[ns], stops[ns], notes[ns] = "Speaker", sf - 1, sl, s.canonical
          known = ns
          known_at[key] = known
        end
        qspeaker[nq] = known
      end
      local c = q.cue
      local cf, cl = c and c.first, c and c.last
      if cf and cl and cl >= cf then
        ns = ns + 1
        types[ns], starts[ns], stops[ns] = "Cue", cf - 1, cl
        qcue[nq] = ns
      end
    end
  end
  -- each span's text, and its fragments when it crosses a line break
  -- (rare: the others are one fragment, its own range)
  local pieces, frags = {}, {}
  local offsets, no = {}, 0
  for i = 1, ns do
    local start, stop = starts[i], stops[i]
    local piece = sub(text, start + 1, stop)
    if find(piece, "[\r\n]") then
      local list = fragments(text, start, stop)
      frags[i] = list
      pieces[i] = field(text, list)
      for _, f in ipairs(list) do
        offsets[no + 1], offsets[no + 2] = f[1], f[2]
        no = no + 2
      end
    else
      pieces[i] = one_line(piece)
      offsets[no + 1], offsets[no + 2] = start, stop
      no = no + 2
    end
  end
  -- every fragment boundary, converted to characters in one walk; a
  -- text of ASCII only has as many characters as bytes
  local chars
  if find(text, "[\128-\255]") then
    sort(offsets)
    chars = map_sorted(text, offsets, {})
  end
  local out, n, nnotes = {}, 0, 0
  local with_notes = opts.notes ~= false
  for i = 1, ns do
    local list = frags[i]
    local ranges
    if list == nil then
      local a, b = starts[i], stops[i]
      if chars then a, b = chars[a], chars[b] end
      ranges = a .. " " .. b
    else
      local parts = {}
      for k, f in ipairs(list) do
        local a, b = f[1], f[2]
        if chars then a, b = chars[a], chars[b] end
        parts[k] = a .. " " .. b
      end
      ranges = concat(parts, ";")
    end
    out[n + 1] = format("T%d\t%s %s\t%s\n", i, types[i], ranges, pieces[i])
    n = n + 1
    local note = notes[i]
    if note and with_notes then
      nnotes = nnotes + 1
      out[n + 1] = format("#%d\tAnnotatorNotes T%d\tcanonical: %s\n", nnotes, i,
                          one_line(note))
      n = n + 1
    end
  end
  local rels = 0
  for k = 1, nq do
    n = n + 1
    out[n] = format("A%d\tKind T%d %s\n", k, qt[k], qkind[k])
    if qspeaker[k] then
      rels = rels + 1
      n = n + 1
      out[n] = format("R%d\tSpeaker Arg1:T%d Arg2:T%d\n", rels, qt[k], qspeaker[k])
    end
    if qcue[k] then
      rels = rels + 1
      n = n + 1
      out[n] = format("R%d\tCue Arg1:T%d Arg2:T%d\n", rels, qt[k], qcue[k])
    end
  end
  return concat(out, "", 1, n)
end

-- brat.conf([types]): an annotation.conf declaring the entity types
-- (default: the built-in ones; pass a list to add user labels) and the
-- Quote, Speaker and Cue annotations, the Kind attribute and relations.
function brat.conf(types)
  local list = types or { "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE",
                          "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL" }
  local seen, ents = {}, {}
  for _, t in ipairs(list) do
    if not seen[t] then seen[t] = true; ents[#ents + 1] = tostring(t) end
  end
  for _, t in ipairs({ "Quote", "Speaker", "Cue" }) do
    if not seen[t] then ents[#ents + 1] = t end
  end
  return concat({
    "[entities]", concat(ents, "\n"),
    "", "[relations]",
    "Speaker\tArg1:Quote, Arg2:<ENTITY>",
    "Cue\tArg1:Quote, Arg2:Cue",
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    "", "[events]", "", "[attributes]",
    "Kind\tArg:Quote, Value:direct|partial|scare|indirect", "",
  }, "\n")
end

-- brat.types(doc): the entity types a doc uses, for 'brat.conf'.
function brat.types(doc)
  local seen, list = {}, {}
  for m in doc:entities() do
    if not seen[m.type] then seen[m.type] = true; list[#list + 1] = m.type end
  end
  return list
end

-- }==================================================================

return brat
