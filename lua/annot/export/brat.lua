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
local byte, gsub = string.byte, string.gsub

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

-- brat.char_offsets(text, offsets): a table mapping each 0-based byte
-- offset of the list to its 0-based character offset, in one sweep.
function brat.char_offsets(text, offsets)
  local sorted, seen = {}, {}
  for _, b in ipairs(offsets) do
    if not seen[b] then seen[b] = true; sorted[#sorted + 1] = b end
  end
  sort(sorted)
  local map, chars, pos = {}, 0, 0
  for _, b in ipairs(sorted) do
    chars = chars + count_chars(text, pos + 1, b)
    pos = b
    map[b] = chars
  end
  return map
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

-- brat.ann(doc [, opts]): the .ann text for 'doc'.  'opts.quotes' false
-- leaves quotes, cues and speakers out; 'opts.notes' false leaves the
-- canonical-name notes out.
function brat.ann(doc, opts)
  opts = opts or {}
  local text = doc.text
  -- gather the spans first, so that offsets convert in one sweep
  local spans = {}        -- {type, start, stop, note}
  local mention_t = {}    -- "first:last" -> index in spans
  for m in doc:entities() do
    spans[#spans + 1] = { type = m.type, start = m.first - 1, stop = m.last,
                          note = m.canonical ~= m.text and m.canonical or nil }
    mention_t[m.first .. ":" .. m.last] = #spans
  end
  local quotes = {}
  if opts.quotes ~= false then
    for q in doc:quotes() do
      local rec = { kind = q.kind }
      spans[#spans + 1] = { type = "Quote", start = q.first - 1, stop = q.last }
      rec.t = #spans
      local s = q.speaker
      if s and s.first and s.last and s.last >= s.first then
        local known = mention_t[s.first .. ":" .. s.last]
        if not known then
          spans[#spans + 1] = { type = "Speaker", start = s.first - 1, stop = s.last,
                                note = s.canonical }
          known = #spans
          mention_t[s.first .. ":" .. s.last] = known
        end
        rec.speaker = known
      end
      local c = q.cue
      if c and c.first and c.last and c.last >= c.first then
        spans[#spans + 1] = { type = "Cue", start = c.first - 1, stop = c.last }
        rec.cue = #spans
      end
      quotes[#quotes + 1] = rec
    end
  end
  -- every fragment boundary, converted to characters
  local offsets = {}
  for _, sp in ipairs(spans) do
    sp.frags = fragments(text, sp.start, sp.stop)
    for _, f in ipairs(sp.frags) do
      offsets[#offsets + 1] = f[1]
      offsets[#offsets + 1] = f[2]
    end
  end
  local chars = brat.char_offsets(text, offsets)
  local out, notes = {}, 0
  for i, sp in ipairs(spans) do
    local ranges = {}
    for k, f in ipairs(sp.frags) do ranges[k] = chars[f[1]] .. " " .. chars[f[2]] end
    out[#out + 1] = format("T%d\t%s %s\t%s\n", i, sp.type, concat(ranges, ";"),
                           field(text, sp.frags))
    if sp.note and opts.notes ~= false then
      notes = notes + 1
      out[#out + 1] = format("#%d\tAnnotatorNotes T%d\tcanonical: %s\n", notes, i,
                             (gsub(sp.note, "[\t\r\n]", " ")))
    end
  end
  local attrs, rels = 0, 0
  for _, q in ipairs(quotes) do
    attrs = attrs + 1
    out[#out + 1] = format("A%d\tKind T%d %s\n", attrs, q.t, q.kind)
    if q.speaker then
      rels = rels + 1
      out[#out + 1] = format("R%d\tSpeaker Arg1:T%d Arg2:T%d\n", rels, q.t, q.speaker)
    end
    if q.cue then
      rels = rels + 1
      out[#out + 1] = format("R%d\tCue Arg1:T%d Arg2:T%d\n", rels, q.t, q.cue)
    end
  end
  return concat(out)
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
